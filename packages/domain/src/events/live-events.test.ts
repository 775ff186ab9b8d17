import { describe, expect, it } from 'vitest';
import { mayReceive } from './live-events.ts';

const nurse = { userId: 'n', role: 'nurse', linkedPatientIds: [] } as const;
const family = { userId: 'f', role: 'family', linkedPatientIds: ['p1'] } as const;
const volunteer = { userId: 'v', role: 'volunteer', linkedPatientIds: [] } as const;

describe('live event audiences', () => {
  it('gives a family member only events about a linked patient or addressed to them', () => {
    const roles = ['family', 'nurse'] as const;
    expect(mayReceive(family, { roles, patientId: 'p1' })).toBe(true);
    expect(mayReceive(family, { roles, patientId: 'p2' })).toBe(false);
    expect(mayReceive(family, { roles })).toBe(false);
    expect(mayReceive(family, { roles, userIds: ['f'] })).toBe(true);
    expect(mayReceive(nurse, { roles, patientId: 'p2' })).toBe(true);
  });

  it('gives a volunteer only what names them', () => {
    const roles = ['volunteer_coordinator', 'volunteer'] as const;
    expect(mayReceive(volunteer, { roles })).toBe(false);
    expect(mayReceive(volunteer, { roles, userIds: ['someone-else'] })).toBe(false);
    expect(mayReceive(volunteer, { roles, userIds: ['v'] })).toBe(true);
  });

  it('never gives an event to a role outside its audience', () => {
    expect(mayReceive(nurse, { roles: ['coordinator'] })).toBe(false);
  });
});

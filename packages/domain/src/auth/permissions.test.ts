import { describe, expect, it } from 'vitest';
import { type Actor, can } from './permissions.ts';
import type { Role } from './roles.ts';

const actor = (role: Role, linked: string[] = [], designated: string[] = []): Actor => ({
  userId: 'u',
  organizationId: 'o',
  role,
  linkedPatientIds: linked,
  designatedPatientIds: designated,
});

describe('permission matrix', () => {
  it('lets only commission members decide palliative status', () => {
    expect(can(actor('commission'), 'commission:decide')).toBe(true);
    for (const role of ['admin', 'coordinator', 'physician', 'nurse', 'family'] as const) {
      expect(can(actor(role, ['p1'], ['p1']), 'commission:decide', { patientId: 'p1' })).toBe(false);
    }
  });

  it('lets a family member read only the patients they are linked to', () => {
    const family = actor('family', ['p1']);
    expect(can(family, 'patient:read', { patientId: 'p1' })).toBe(true);
    expect(can(family, 'patient:read', { patientId: 'p2' })).toBe(false);
    expect(can(family, 'patient:read')).toBe(false);
    expect(can(family, 'patient:list')).toBe(false);
  });

  it('lets only the designated family member invite or remove relatives', () => {
    expect(can(actor('family', ['p1']), 'family:invite', { patientId: 'p1' })).toBe(false);
    expect(can(actor('family', ['p1'], ['p1']), 'family:invite', { patientId: 'p1' })).toBe(true);
    expect(can(actor('family', ['p1'], ['p1']), 'family:remove', { patientId: 'p2' })).toBe(false);
    expect(can(actor('coordinator'), 'family:invite', { patientId: 'p1' })).toBe(true);
  });

  it("opens the reports to the administrator and to the coordinators' and medical leads only", () => {
    expect(can(actor('admin'), 'report:read')).toBe(true);
    expect(can({ ...actor('coordinator'), isLead: true }, 'report:read')).toBe(true);
    expect(can({ ...actor('physician'), isLead: true }, 'report:read')).toBe(true);
    expect(can(actor('coordinator'), 'report:read')).toBe(false);
    expect(can(actor('physician'), 'report:read')).toBe(false);
    expect(can({ ...actor('nurse'), isLead: true }, 'report:read')).toBe(false);
    expect(can({ ...actor('family', ['p1']), isLead: true }, 'report:read', { patientId: 'p1' })).toBe(false);
  });

  it('keeps staff management and the audit log with the administrator', () => {
    expect(can(actor('admin'), 'staff:manage')).toBe(true);
    expect(can(actor('coordinator'), 'staff:manage')).toBe(false);
    expect(can(actor('admin'), 'audit:read')).toBe(true);
    expect(can(actor('physician'), 'audit:read')).toBe(false);
  });

  it('never shows the clinical record to a volunteer', () => {
    expect(can(actor('volunteer'), 'patient:read', { patientId: 'p1' })).toBe(false);
  });
});

describe('children’s programmes permissions', () => {
  it('gives volunteers their portal and nothing clinical', () => {
    const volunteer = actor('volunteer');
    expect(can(volunteer, 'volunteer:portal')).toBe(true);
    for (const action of ['patient:read', 'patient:list', 'volunteer:read', 'programme:read'] as const) {
      expect(can(volunteer, action, { patientId: 'p1' })).toBe(false);
    }
  });
  it('lets the volunteer coordinator run volunteers and programmes', () => {
    expect(can(actor('volunteer_coordinator'), 'volunteer:manage')).toBe(true);
    expect(can(actor('volunteer_coordinator'), 'programme:manage')).toBe(true);
    expect(can(actor('nurse'), 'programme:manage')).toBe(false);
    expect(can(actor('nurse'), 'programme:read')).toBe(true);
    expect(can(actor('family', ['p1']), 'programme:read', { patientId: 'p1' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { meetingBody, missingFor } from './meeting-form.ts';

const team = [
  { id: 'a', name: 'A', discipline: 'physician' as const },
  { id: 'b', name: 'B', discipline: 'nurse' as const },
  { id: 'c', name: 'C', discipline: 'social_worker' as const },
  { id: 'd', name: 'D', discipline: 'psychologist' as const },
];

describe('meeting form', () => {
  it('warns of each required discipline nobody present covers', () => {
    expect(missingFor(['a', 'b'], team)).toEqual([['social_worker'], ['chaplain', 'psychologist']]);
    expect(missingFor(['a', 'b', 'c', 'd'], team)).toEqual([]);
  });

  it('sends only reviewed patients, with the owner and the care-plan change when there is one', () => {
    const body = meetingBody({
      heldOn: '2026-11-23',
      attendeeIds: ['a'],
      notes: '',
      reviews: {
        p1: { summary: 'More nurse visits', ownerId: 'b', carePlan: null },
        p2: { summary: 'No change', ownerId: '', carePlan: null },
      },
    });
    expect(body.reviews).toEqual([
      { patientId: 'p1', summary: 'More nurse visits', ownerId: 'b' },
      { patientId: 'p2', summary: 'No change', ownerId: null },
    ]);
  });
});

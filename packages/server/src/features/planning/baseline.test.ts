import { describe, expect, it } from 'vitest';
import { baselinePlan } from './baseline.ts';
import { toProblem } from './planner-adapter.ts';

const minutes = [
  [0, 10, 20],
  [10, 0, 15],
  [20, 15, 0],
];
const input = {
  name: 't',
  days: 1,
  minutes,
  km: minutes,
  staff: [
    { id: 'n', disciplines: ['nurse'], shifts: [{ day: 0, start: 480, end: 600 }] },
    { id: 'p', disciplines: ['physician'], shifts: [{ day: 0, start: 480, end: 1020 }] },
  ],
  visits: [
    {
      id: 'a',
      location: 1,
      discipline: 'nurse',
      durationMinutes: 30,
      window: null,
      days: [0],
      keyWorkerId: 'n',
    },
    {
      id: 'b',
      location: 2,
      discipline: 'nurse',
      durationMinutes: 60,
      window: { start: 540, end: 560 },
      days: [0],
    },
    { id: 'c', location: 2, discipline: 'physician', durationMinutes: 30, window: null, days: [0] },
  ],
};

describe('the baseline and the adapter', () => {
  it('the baseline gives each visit to the nearest qualified person whose shift still fits it', () => {
    const b = baselinePlan(input);
    // a: 8:10–8:40; b would start 8:55 but must end with the return before 10:00 → 9:55+20 > 10:00
    expect(b).toMatchObject({ planned: 2, unplanned: 1, continuity: 1 });
    expect(b.travelMinutes).toBe(20 + 40);
  });

  it('maps staff, skills, windows, repeats and key workers to the planner model', () => {
    const p = toProblem({
      ...input,
      visits: [{ ...input.visits[0]!, count: 2, minGapDays: 2, days: [0, 1, 2] }],
    });
    expect(p.travel).toMatchObject({ type: 'matrix' });
    expect(p.staff.map((s) => s.skills)).toEqual([['nurse'], ['physician']]);
    expect(p.visits[0]).toMatchObject({
      skills: ['nurse'],
      repeat: { count: 2, minGapDays: 2 },
      preferredStaff: ['n'],
    });
  });
});

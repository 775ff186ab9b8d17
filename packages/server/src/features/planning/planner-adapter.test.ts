import { describe, expect, it } from 'vitest';
import { toProblem } from './planner-adapter.ts';

const input = {
  name: 'one visit',
  days: 1,
  minutes: [
    [0, 10],
    [10, 0],
  ],
  km: [
    [0, 8],
    [8, 0],
  ],
  staff: [{ id: 'n1', disciplines: ['nurse'], shifts: [{ day: 0, start: 480, end: 1020 }] }],
  visits: [{ id: 'v1', location: 1, discipline: 'nurse', durationMinutes: 45, window: null, days: [0] }],
};

describe('the planner adapter', () => {
  it('passes the organization’s balance and overtime weights to the planner’s objective', () => {
    expect(toProblem({ ...input, weights: { balance: 3, overtime: 7 } }).objective).toEqual({
      preset: 'care',
      weights: { continuity: 30, balance: 3, overtime: 7 },
    });
  });

  it('leaves the planner’s own weights when none are given', () => {
    expect(toProblem(input).objective).toEqual({ preset: 'care', weights: { continuity: 30 } });
  });
});

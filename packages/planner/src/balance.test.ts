import { describe, expect, it } from 'vitest';
import type { Plan, Problem } from './model.ts';
import { solve } from './solve.ts';
import { checkPlan } from './testing/check.ts';

/**
 * One day, three nurses starting at the base, twelve visits in one town 30 minutes away: the
 * cheapest plan in travel sends one nurse to do them all, which is what the balance weight is
 * there to stop.
 */
function town(balance: number): Problem {
  return {
    name: 'one town',
    travel: { type: 'euclidean' },
    locations: [
      { x: 0, y: 0 },
      ...Array.from({ length: 12 }, (_, i) => ({ x: 30 + (i % 4), y: Math.floor(i / 4) })),
    ],
    staff: ['a', 'b', 'c'].map((id) => ({
      id,
      skills: ['nurse'],
      start: 0,
      shifts: [{ day: 0, start: 480, end: 1080 }],
    })),
    visits: Array.from({ length: 12 }, (_, i) => ({
      id: `v${i}`,
      location: i + 1,
      duration: 30,
      skills: ['nurse'],
      mandatory: true,
    })),
    objective: { preset: 'care', weights: { balance } },
  };
}

/** Largest minus smallest working time (leaving the base to returning) between the three. */
function spread(plan: Plan) {
  const work = new Map(['a', 'b', 'c'].map((id) => [id, 0]));
  for (const r of plan.routes) if (r.stops.length > 0) work.set(r.staff, r.returnTime - r.departure);
  return Math.max(...work.values()) - Math.min(...work.values());
}

describe('the balance weight', () => {
  it('narrows the spread of working minutes between staff on a fixed instance', () => {
    const options = { seed: 1, maxIterations: 3000, timeLimit: 60 };
    const off = solve(town(0), options);
    const on = solve(town(5), options);
    for (const [p, plan] of [
      [town(0), off],
      [town(5), on],
    ] as const) {
      expect(plan.unassigned).toEqual([]);
      expect(checkPlan(p, plan)).toEqual([]);
    }
    expect(spread(off)).toBeGreaterThan(240);
    expect(spread(on)).toBeLessThan(spread(off) / 2);
  });

  it('is refused when negative', () => {
    expect(() => solve(town(-1), { maxIterations: 10 })).toThrow(/objective.weights.balance/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem, Visit } from './model.ts';
import { solve } from './solve.ts';
import { checkPlan } from './testing/check.ts';

/**
 * One nurse, two visits next to the base and one far away: the shortest routes (60) visit a
 * near one first, so without a cost for starting late the far visit does not come first.
 */
const day = (urgent: Partial<Visit>): Problem => ({
  name: 'urgent on a line',
  travel: { type: 'euclidean' },
  locations: [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 2, y: 0 },
    { x: 30, y: 0 },
  ],
  staff: [{ id: 'ann', skills: ['nurse'], start: 0, shifts: [{ start: 0, end: 300 }] }],
  visits: [
    { id: 'a', location: 1, duration: 10 },
    { id: 'b', location: 2, duration: 10 },
    { id: 'urgent', location: 3, duration: 10, mandatory: true, ...urgent },
  ],
});

const stopOf = (p: ReturnType<typeof solve>, id: string) =>
  p.routes.flatMap((r) => r.stops).find((s) => s.visit === id);

describe('latenessFrom: as soon as possible within a hard window', () => {
  it('without it the shorter route wins and the far visit is not first', () => {
    const plan = solve(day({ windows: [{ start: 0, end: 300 }] }), { seed: 1, maxIterations: 200 });
    expect(plan.travelTime).toBe(60);
    expect(stopOf(plan, 'urgent')!.start).toBeGreaterThan(30);
  });

  it('with a cost for every minute after it, the visit is reached first', () => {
    const problem = day({ windows: [{ start: 0, end: 300 }], latenessFrom: 0, latenessCost: 10 });
    const plan = solve(problem, { seed: 1, maxIterations: 200 });
    expect(checkPlan(problem, plan)).toEqual([]);
    const urgent = stopOf(plan, 'urgent')!;
    expect(urgent.start).toBe(30);
    expect(urgent.lateness).toBe(30);
    expect(plan.routes[0]!.stops[0]!.visit).toBe('urgent');
  });

  it('keeps the window hard: a window nobody can reach leaves the visit unplanned, not late', () => {
    const problem = day({ windows: [{ start: 0, end: 25 }], latenessFrom: 0, latenessCost: 10 });
    const plan = solve(problem, { seed: 1, maxIterations: 100 });
    expect(stopOf(plan, 'urgent')).toBeUndefined();
    expect(plan.unassigned.map((u) => u.visit)).toEqual(['urgent']);
  });

  it('on random days: windows met, lateness counted from latenessFrom, no lateness on the other visits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })), {
          minLength: 3,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 400 }),
        fc.nat(100),
        (coords, from, width, seed) => {
          const problem: Problem = {
            name: 'random urgent',
            travel: { type: 'euclidean' },
            locations: [{ x: 30, y: 30 }, ...coords.map(([x, y]) => ({ x, y }))],
            staff: [
              { id: 'ann', skills: ['nurse'], start: 0, shifts: [{ start: 0, end: 600 }] },
              { id: 'bob', skills: ['nurse'], start: 0, shifts: [{ start: 100, end: 700 }] },
            ],
            visits: coords.map((_, i) => {
              const v: Visit = { id: `v${i}`, location: i + 1, duration: 20, skills: ['nurse'] };
              if (i === 0)
                Object.assign(v, {
                  mandatory: true,
                  windows: [{ start: from, end: from + width }],
                  latenessFrom: from,
                  latenessCost: 10,
                });
              else if (i % 2 === 0) v.windows = [{ start: 60 * i, end: 60 * i + 90 }];
              return v;
            }),
          };
          const plan = solve(problem, { seed, maxIterations: 80 });
          expect(checkPlan(problem, plan)).toEqual([]);
          const urgent = stopOf(plan, 'v0');
          if (urgent) {
            expect(urgent.start).toBeGreaterThanOrEqual(from);
            expect(urgent.start).toBeLessThanOrEqual(from + width);
            expect(urgent.lateness).toBeCloseTo(urgent.start - from, 6);
          }
          for (const r of plan.routes)
            for (const s of r.stops) if (s.visit !== 'v0') expect(s.lateness).toBe(0);
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, neighbourWeights } from './compile.ts';
import type { Problem } from './model.ts';
import { solve } from './solve.ts';
import { checkPlan } from './testing/check.ts';
import { confirmUnplanned, routeFeasible } from './testing/confirm.ts';

/**
 * Simple instances (one hard window per visit, no breaks, capacities or working-time limits,
 * up to three days, some visits needing a skill nobody has or excluding someone) where whether a
 * visit fits can be decided independently of the solver by walking a route with earliest starts.
 */
const simpleArb = fc
  .record({
    coords: fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), {
      minLength: 10,
      maxLength: 10,
    }),
    staff: fc.array(
      fc.record({
        nurse: fc.boolean(),
        start: fc.integer({ min: 0, max: 100 }),
        len: fc.integer({ min: 60, max: 300 }),
        days: fc.subarray([0, 1, 2], { minLength: 1 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    visits: fc.array(
      fc.record({
        loc: fc.integer({ min: 1, max: 9 }),
        duration: fc.integer({ min: 5, max: 40 }),
        window: fc.option(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 10, max: 150 }))),
        skill: fc.constantFrom('none', 'nurse', 'nurse', 'psychologist'),
        days: fc.subarray([0, 1, 2, 3], { minLength: 1 }),
        excluded: fc.option(fc.nat(2), { freq: 4 }),
      }),
      { minLength: 2, maxLength: 16 },
    ),
  })
  .map(
    (g): Problem => ({
      name: 'simple',
      travel: { type: 'euclidean' },
      locations: g.coords.map(([x, y]) => ({ x, y })),
      staff: g.staff.map((s, i) => ({
        id: `s${i}`,
        skills: s.nurse ? ['nurse'] : [],
        start: 0,
        shifts: s.days.map((day) => ({ day, start: s.start, end: s.start + s.len })),
      })),
      visits: g.visits.map((v, i) => ({
        id: `v${i}`,
        location: v.loc,
        duration: v.duration,
        ...(v.window ? { windows: [{ start: v.window[0], end: v.window[0] + v.window[1] }] } : {}),
        skills: v.skill === 'none' ? [] : [v.skill],
        days: v.days,
        ...(v.excluded !== null && v.excluded < g.staff.length ? { excludedStaff: [`s${v.excluded}`] } : {}),
        mandatory: true,
      })),
      objective: { preset: 'care' },
    }),
  );

describe('the engine after the search', () => {
  it('never leaves out a visit that fits, and every reason it gives is confirmed independently', () => {
    fc.assert(
      fc.property(simpleArb, fc.nat(100), (problem, seed) => {
        // A tiny budget: the final insertion pass, not the search, has to find what still fits.
        const plan = solve(problem, { seed, maxIterations: 3 });
        expect(checkPlan(problem, plan)).toEqual([]);
        for (const u of plan.unassigned) {
          expect(confirmUnplanned(problem, plan, u), `${u.visit}: ${u.code}`).toBeNull();
          const v = problem.visits.find((x) => x.id === u.visit)!;
          for (const s of problem.staff) {
            s.shifts.forEach((sh, i) => {
              if (!(v.days ?? [0]).includes(sh.day ?? 0)) return;
              if (!(v.skills ?? []).every((k) => (s.skills ?? []).includes(k))) return;
              if ((v.excludedStaff ?? []).includes(s.id)) return;
              const ids =
                plan.routes.find((r) => r.staff === s.id && r.shift === i)?.stops.map((x) => x.visit) ?? [];
              for (let pos = 0; pos <= ids.length; pos++) {
                const next = [...ids.slice(0, pos), u.visit, ...ids.slice(pos)];
                expect(routeFeasible(problem, s, i, next), `${u.visit} fits ${s.id}/${i} at ${pos}`).toBe(
                  false,
                );
              }
            });
          }
        }
      }),
      { numRuns: 120, seed: 11 },
    );
  });

  it('reports each first visit as reached no earlier than departure plus travel', () => {
    fc.assert(
      fc.property(simpleArb, fc.nat(100), (problem, seed) => {
        const plan = solve(problem, { seed, maxIterations: 20 });
        for (const r of plan.routes) {
          const first = r.stops[0]!;
          const staff = problem.staff.find((s) => s.id === r.staff)!;
          const v = problem.visits.find((x) => x.id === first.visit)!;
          const a = problem.locations![staff.start]!;
          const b = problem.locations![v.location]!;
          expect(first.arrival).toBeGreaterThanOrEqual(
            r.departure + Math.hypot(a.x! - b.x!, a.y! - b.y!) - 1e-6,
          );
          expect(first.arrival).toBeLessThanOrEqual(first.start + 1e-6);
        }
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('ranks neighbours by travel time when the objective counts time, by distance when it counts distance', () => {
    // Location 1 is near but slow to reach; location 2 is farther but quick (a main road).
    const matrix = (preset: 'care' | 'distance'): Problem => ({
      travel: {
        type: 'matrix',
        distances: [
          [0, 1, 5, 9],
          [1, 0, 5, 9],
          [5, 5, 0, 9],
          [9, 9, 9, 0],
        ],
        durations: [
          [0, 30, 5, 20],
          [30, 0, 30, 20],
          [5, 30, 0, 20],
          [20, 20, 20, 0],
        ],
      },
      staff: [{ id: 's', start: 0, shifts: [{ start: 0, end: 600 }] }],
      visits: [
        { id: 'home', location: 0, duration: 5 },
        { id: 'near', location: 1, duration: 5 },
        { id: 'quick', location: 2, duration: 5 },
        { id: 'far', location: 3, duration: 5 },
      ],
      objective: { preset },
    });
    const firstNeighbour = (preset: 'care' | 'distance') => {
      const c = compile(matrix(preset));
      return c.problem.visits[c.inst.tVisit[c.inst.neighbors[0]![0]!]!]!.id;
    };
    expect(firstNeighbour('care')).toBe('quick');
    expect(firstNeighbour('distance')).toBe('near');
    expect(neighbourWeights(0, 0)).toEqual([1, 0]);
  });

  it("ranks every neighbour list by the objective's own travel measure (time for care, distance for distance)", () => {
    // unrelated random distances and durations, so an order by one is rarely an order by the other
    const matrixArb = fc.integer({ min: 3, max: 8 }).chain((n) =>
      fc.record({
        distances: fc.array(fc.array(fc.integer({ min: 1, max: 90 }), { minLength: n, maxLength: n }), {
          minLength: n,
          maxLength: n,
        }),
        durations: fc.array(fc.array(fc.integer({ min: 1, max: 90 }), { minLength: n, maxLength: n }), {
          minLength: n,
          maxLength: n,
        }),
        visits: fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: 12 }),
        preset: fc.constantFrom('care' as const, 'distance' as const),
      }),
    );
    fc.assert(
      fc.property(matrixArb, (g) => {
        const zeroDiagonal = (m: number[][]) => m.map((row, i) => row.map((x, j) => (i === j ? 0 : x)));
        const distances = zeroDiagonal(g.distances);
        const durations = zeroDiagonal(g.durations);
        const problem: Problem = {
          travel: { type: 'matrix', distances, durations },
          staff: [{ id: 's', start: 0, shifts: [{ start: 0, end: 900 }] }],
          visits: g.visits.map((loc, i) => ({ id: `v${i}`, location: loc, duration: 5 })),
          objective: { preset: g.preset },
        };
        const measure = g.preset === 'care' ? durations : distances;
        const { inst } = compile(problem);
        const there = (a: number, b: number) => measure[a]![b]! + measure[b]![a]!;
        for (let i = 0; i < inst.nTasks; i++) {
          const list = [...inst.neighbors[i]!];
          // every other visit is listed (fewer than the list's length), nearest first
          expect(list.length).toBe(inst.nTasks - 1);
          const keys = list.map((j) => there(inst.tLoc[i]!, inst.tLoc[j]!));
          for (let m = 1; m < keys.length; m++) expect(keys[m]!).toBeGreaterThanOrEqual(keys[m - 1]!);
        }
      }),
      { numRuns: 150, seed: 23 },
    );
  });

  it('stops at the iteration budget, not the clock: the same seed and budget give the same plan', () => {
    fc.assert(
      fc.property(simpleArb, fc.nat(100), fc.integer({ min: 1, max: 60 }), (problem, seed, budget) => {
        const alone = solve(problem, { seed, maxIterations: budget });
        // a generous clock beside the budget changes nothing: the budget ends the search
        const withClock = solve(problem, { seed, maxIterations: budget, timeLimit: 600 });
        expect(alone.iterations).toBeLessThanOrEqual(budget);
        expect(withClock.iterations).toBe(alone.iterations);
        expect(withClock.routes).toEqual(alone.routes);
        expect(withClock.unassigned).toEqual(alone.unassigned);
      }),
      { numRuns: 40, seed: 31 },
    );
  });
});

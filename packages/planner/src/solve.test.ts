import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem, Visit } from './model.ts';
import { solve } from './solve.ts';
import { checkPlan } from './testing/check.ts';

const SKILLS = ['nurse', 'doctor', 'wound'];

/** Random home-care day(s): staff with skills, shifts and breaks; visits with every kind of rule. */
const problemArb = fc
  .record({
    nLoc: fc.integer({ min: 3, max: 14 }),
    coords: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })), {
      minLength: 14,
      maxLength: 14,
    }),
    days: fc.integer({ min: 1, max: 3 }),
    staff: fc.array(
      fc.record({
        skills: fc.subarray(SKILLS),
        start: fc.integer({ min: 0, max: 200 }),
        len: fc.integer({ min: 100, max: 500 }),
        breakAt: fc.option(fc.integer({ min: 0, max: 300 })),
        cap: fc.option(fc.integer({ min: 1, max: 6 })),
        maxWork: fc.option(fc.integer({ min: 80, max: 400 })),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    visits: fc.array(
      fc.record({
        duration: fc.integer({ min: 0, max: 40 }),
        windows: fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 120 })), {
          maxLength: 2,
        }),
        soft: fc.boolean(),
        skills: fc.subarray(SKILLS, { maxLength: 1 }),
        two: fc.integer({ min: 0, max: 5 }),
        repeat: fc.integer({ min: 0, max: 4 }),
        excluded: fc.option(fc.nat(3)),
        demand: fc.integer({ min: 0, max: 3 }),
        priority: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    seed: fc.nat(1000),
  })
  .map((g): Problem => {
    const staff = g.staff.map((s, i) => ({
      id: `s${i}`,
      skills: s.skills,
      start: 0,
      shifts: Array.from({ length: g.days }, (_, d) => ({
        day: d,
        start: s.start,
        end: s.start + s.len,
        ...(s.breakAt !== null
          ? { break: { start: s.start + s.breakAt, end: s.start + s.breakAt + 60, duration: 20 } }
          : {}),
      })),
      ...(s.cap !== null ? { capacity: [s.cap] } : {}),
      ...(s.maxWork !== null ? { maxWorkTime: s.maxWork } : {}),
    }));
    const visits: Visit[] = g.visits.map((v, i) => {
      const out: Visit = {
        id: `v${i}`,
        location: 1 + (i % (g.nLoc - 1)),
        duration: v.duration,
        windows: v.windows.map(([a, w]) => ({ start: a, end: a + w })),
        soft: v.soft,
        skills: v.skills,
        priority: v.priority,
        demand: [v.demand],
        days: Array.from({ length: g.days }, (_, d) => d),
      };
      if (v.two === 0) out.staffCount = 2;
      else if (v.repeat === 0 && g.days >= 2) out.repeat = { count: 2, minGapDays: g.days === 3 ? 2 : 1 };
      if (v.excluded !== null && v.excluded < staff.length) out.excludedStaff = [`s${v.excluded}`];
      return out;
    });
    return {
      name: 'random',
      travel: { type: 'euclidean' },
      locations: g.coords.slice(0, g.nLoc).map(([x, y]) => ({ x, y })),
      staff,
      visits,
      objective: { preset: 'care' },
    };
  });

describe('solve on random instances', () => {
  it('respects every hard constraint and reports every unplanned visit with a reason', () => {
    fc.assert(
      fc.property(problemArb, fc.nat(100), (problem, seed) => {
        const plan = solve(problem, { seed, maxIterations: 60 });
        expect(checkPlan(problem, plan)).toEqual([]);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('gives the same plan for the same seed', () => {
    fc.assert(
      fc.property(problemArb, fc.nat(100), (problem, seed) => {
        const a = solve(problem, { seed, maxIterations: 40 });
        const b = solve(problem, { seed, maxIterations: 40 });
        expect(b.routes).toEqual(a.routes);
        expect(b.unassigned).toEqual(a.unassigned);
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});

const base = (): Problem => ({
  name: 'small',
  travel: { type: 'euclidean' },
  locations: [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 0, y: 10 },
    { x: 300, y: 300 },
  ],
  staff: [
    { id: 'ann', skills: ['nurse'], start: 0, shifts: [{ start: 0, end: 200 }] },
    { id: 'bob', skills: ['nurse', 'doctor'], start: 0, shifts: [{ start: 0, end: 200 }] },
  ],
  visits: [
    { id: 'a', location: 1, duration: 10, windows: [{ start: 0, end: 100 }], skills: ['nurse'] },
    { id: 'b', location: 2, duration: 10, windows: [{ start: 20, end: 60 }] },
  ],
});

describe('infeasible input is reported with its reason', () => {
  it('a skill nobody has', () => {
    const p = base();
    p.visits.push({ id: 'x', location: 1, duration: 5, skills: ['psychologist'], mandatory: true });
    const plan = solve(p, { maxIterations: 20 });
    const u = plan.unassigned.find((x) => x.visit === 'x');
    expect(u?.reason).toMatch(/nobody has the required skill\(s\): psychologist/);
    expect(u?.mandatory).toBe(true);
    expect(plan.routes.flatMap((r) => r.stops.map((s) => s.visit)).sort()).toEqual(['a', 'b']);
  });

  it('a window no shift can reach', () => {
    const p = base();
    p.visits.push({ id: 'far', location: 3, duration: 5, windows: [{ start: 0, end: 50 }], mandatory: true });
    const plan = solve(p, { maxIterations: 20 });
    expect(plan.unassigned.find((x) => x.visit === 'far')?.reason).toMatch(/time window cannot be met/);
  });

  it('a two-person visit with only one qualified person', () => {
    const p = base();
    p.visits.push({ id: 'pair', location: 1, duration: 5, skills: ['doctor'], staffCount: 2 });
    const plan = solve(p, { maxIterations: 20 });
    expect(plan.unassigned.find((x) => x.visit === 'pair')?.reason).toBeTruthy();
    expect(checkPlan(p, plan)).toEqual([]);
  });

  it('plans a two-person visit synchronised when possible', () => {
    const p = base();
    p.visits.push({
      id: 'pair',
      location: 2,
      duration: 15,
      skills: ['nurse'],
      staffCount: 2,
      windows: [{ start: 30, end: 90 }],
    });
    const plan = solve(p, { maxIterations: 50 });
    expect(plan.unassigned).toEqual([]);
    expect(checkPlan(p, plan)).toEqual([]);
    const starts = plan.routes.flatMap((r) => r.stops.filter((s) => s.visit === 'pair').map((s) => s.start));
    expect(starts).toHaveLength(2);
    expect(starts[0]).toBe(starts[1]);
  });
});

describe('re-planning', () => {
  it('never moves a fixed visit and inserts an urgent one', () => {
    fc.assert(
      fc.property(problemArb, fc.nat(50), (problem, seed) => {
        const first = solve(problem, { seed, maxIterations: 30 });
        // Fix the first stop of every route as "already done".
        const fixed = new Map<string, { staff: string; day: number; start: number }>();
        for (const r of first.routes) {
          const s = r.stops[0];
          const v = problem.visits.find((x) => x.id === s?.visit);
          if (s && v && (v.staffCount ?? 1) === 1 && !v.repeat)
            fixed.set(s.visit, { staff: r.staff, day: r.day, start: s.start });
        }
        const next: Problem = {
          ...problem,
          visits: [
            ...problem.visits.map((v) => {
              const f = fixed.get(v.id);
              return f ? { ...v, fixed: f } : v;
            }),
            { id: 'urgent', location: 1, duration: 10, mandatory: true, days: [0] },
          ],
        };
        const plan = solve(next, {
          seed,
          maxIterations: 30,
          initial: first.routes.map((r) => ({
            staff: r.staff,
            day: r.day,
            shift: r.shift,
            visits: r.stops.map((s) => s.visit),
          })),
        });
        expect(checkPlan(next, plan)).toEqual([]);
        for (const [id, f] of fixed) {
          const r = plan.routes.find((x) => x.stops.some((s) => s.visit === id));
          expect(r?.staff).toBe(f.staff);
          expect(r?.stops.find((s) => s.visit === id)?.start).toBe(f.start);
        }
      }),
      { numRuns: 25, seed: 3 },
    );
  });
});

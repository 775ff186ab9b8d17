import { describe, expect, it } from 'vitest';
import type { Problem } from './model.ts';
import { replan } from './replan.ts';
import { solve } from './solve.ts';
import { checkPlan } from './testing/check.ts';
import { PlannerInputError, validateProblem } from './validate.ts';

const ok: Problem = {
  travel: { type: 'euclidean' },
  locations: [
    { x: 0, y: 0 },
    { x: 3, y: 4 },
  ],
  staff: [{ id: 'ann', start: 0, shifts: [{ start: 0, end: 100 }] }],
  visits: [{ id: 'a', location: 1, duration: 5 }],
};

describe('validateProblem', () => {
  it('accepts a minimal problem', () => {
    expect(validateProblem(ok).ok).toBe(true);
  });

  it('reports every issue with its path', () => {
    const bad = {
      travel: { type: 'euclidean' },
      locations: [{ x: 0 }],
      staff: [{ id: 'ann', start: 3, shifts: [] }],
      visits: [
        {
          id: 'a',
          location: 0,
          duration: -1,
          windows: [{ start: 10, end: 5 }],
          preferredStaff: ['zoe'],
          staffCount: 3,
        },
        { id: 'a', location: 0, duration: 1, repeat: { count: 3 }, days: [0, 1] },
      ],
      objective: { preset: 'fastest', weights: { speed: 1 } },
    };
    const r = validateProblem(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'locations[0]',
        'staff[0].start',
        'staff[0].shifts',
        'visits[0].duration',
        'visits[0].windows[0]',
        'visits[0].preferredStaff',
        'visits[0].staffCount',
        'visits[1].id',
        'visits[1].repeat.count',
        'objective.preset',
        'objective.weights.speed',
      ]),
    );
  });

  it('makes solve throw a PlannerInputError', () => {
    expect(() => solve({ visits: [] })).toThrow(PlannerInputError);
  });

  it('checks matrix dimensions', () => {
    const r = validateProblem({
      ...ok,
      locations: undefined,
      travel: { type: 'matrix', durations: [[0, 1], [1]] },
    });
    expect(r.ok).toBe(false);
  });
});

describe('multi-day repeats', () => {
  it('chooses days at least minGapDays apart', () => {
    const p: Problem = {
      travel: { type: 'euclidean' },
      locations: ok.locations!,
      staff: [{ id: 'ann', start: 0, shifts: [0, 1, 2, 3, 4].map((day) => ({ day, start: 0, end: 100 })) }],
      visits: [
        { id: 'twice', location: 1, duration: 5, days: [0, 1, 2, 3, 4], repeat: { count: 3, minGapDays: 2 } },
      ],
    };
    const plan = solve(p, { maxIterations: 100 });
    expect(plan.unassigned).toEqual([]);
    expect(plan.routes.map((r) => r.day).sort()).toEqual([0, 2, 4]);
    expect(checkPlan(p, plan)).toEqual([]);
  });

  it('reports occurrences that cannot be spread', () => {
    const p: Problem = {
      travel: { type: 'euclidean' },
      locations: ok.locations!,
      staff: [{ id: 'ann', start: 0, shifts: [0, 1].map((day) => ({ day, start: 0, end: 100 })) }],
      visits: [{ id: 'twice', location: 1, duration: 5, days: [0, 1], repeat: { count: 2, minGapDays: 2 } }],
    };
    const plan = solve(p, { maxIterations: 50 });
    expect(plan.unassigned).toHaveLength(1);
    expect(plan.unassigned[0]?.reason).toMatch(/days far enough apart/);
  });
});

describe('replan', () => {
  it('keeps the previous assignment where possible and adds the urgent visit', () => {
    const p: Problem = {
      travel: { type: 'euclidean' },
      locations: [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: -10, y: 0 },
        { x: 0, y: 10 },
      ],
      staff: [
        { id: 'ann', start: 0, shifts: [{ start: 0, end: 300 }] },
        { id: 'bob', start: 0, shifts: [{ start: 0, end: 300 }] },
      ],
      visits: [
        { id: 'a', location: 1, duration: 30, preferredStaff: ['ann'] },
        { id: 'b', location: 2, duration: 30, preferredStaff: ['bob'] },
      ],
    };
    const first = solve(p, { maxIterations: 50 });
    const next: Problem = {
      ...p,
      visits: [
        {
          ...p.visits[0]!,
          fixed: { staff: 'ann', start: first.routes.find((r) => r.staff === 'ann')!.stops[0]!.start },
        },
        p.visits[1]!,
        { id: 'urgent', location: 3, duration: 20, windows: [{ start: 0, end: 60 }], mandatory: true },
      ],
    };
    const plan = replan(next, first, { maxIterations: 50 });
    expect(plan.unassigned).toEqual([]);
    expect(checkPlan(next, plan)).toEqual([]);
    expect(plan.routes.find((r) => r.staff === 'bob')?.stops.some((s) => s.visit === 'b')).toBe(true);
  });
});

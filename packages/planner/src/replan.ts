import type { Plan, Problem, SolveOptions } from './model.ts';
import { solve } from './solve.ts';

/**
 * Re-planning: solves `problem` (which marks visits already started or done with `fixed`, and
 * contains the new urgent visits) starting from the previous plan. Visits keep their previous
 * staff member where possible (the previous assignee becomes the preferred one, so moving a visit
 * costs `moveCost`, at least the continuity weight), and the default time budget is one second.
 */
export function replan(
  problem: Problem,
  previous: Plan,
  options: SolveOptions & {
    /** Cost of giving a planned visit to someone else (default 200). */ moveCost?: number;
  } = {},
): Plan {
  const { moveCost = 200, ...solveOptions } = options;
  const assignee = new Map<string, string>();
  for (const r of previous.routes)
    for (const s of r.stops) if (!assignee.has(s.visit)) assignee.set(s.visit, r.staff);
  const visits = problem.visits.map((v) => {
    const who = assignee.get(v.id);
    if (!who || v.fixed || (v.preferredStaff && v.preferredStaff.length > 0)) return v;
    return { ...v, preferredStaff: [who] };
  });
  const weights = problem.objective?.weights ?? {};
  const objective = {
    ...problem.objective,
    weights: { ...weights, continuity: Math.max(weights.continuity ?? 0, moveCost) },
  };
  return solve(
    { ...problem, visits, objective },
    {
      timeLimit: 1,
      ...solveOptions,
      initial: previous.routes.map((r) => ({
        staff: r.staff,
        day: r.day,
        shift: r.shift,
        visits: r.stops.map((s) => s.visit),
      })),
    },
  );
}

/**
 * Test-only: confirms the reason the planner gives for an unplanned visit, without the solver's
 * code. Works on single-window instances without breaks, capacities, two-person, linked or
 * repeated visits (what the property tests generate), with euclidean or matrix travel.
 */
import type { Plan, PlannedRoute, Problem, Staff, UnplannedVisit, Visit } from '../model.ts';

const EPS = 1e-9;

function travelOf(problem: Problem): (a: number, b: number) => number {
  if (problem.travel.type === 'matrix') {
    const m = problem.travel.durations;
    return (a, b) => m[a]![b]!;
  }
  if (problem.travel.type !== 'euclidean') throw new Error('confirm supports euclidean and matrix travel');
  const speed = problem.travel.speed ?? 1;
  const at = (i: number) => problem.locations![i]!;
  return (a, b) => Math.hypot((at(a).x ?? 0) - (at(b).x ?? 0), (at(a).y ?? 0) - (at(b).y ?? 0)) / speed;
}

const qualified = (s: Staff, v: Visit) => (v.skills ?? []).every((k) => (s.skills ?? []).includes(k));
const permitted = (s: Staff, v: Visit) =>
  (!v.allowedStaff || v.allowedStaff.includes(s.id)) && !(v.excludedStaff ?? []).includes(s.id);

/** Walks a route with earliest starts; true if every window and the shift end hold. */
export function routeFeasible(
  problem: Problem,
  staff: Staff,
  shiftIndex: number,
  visitIds: string[],
): boolean {
  const travel = travelOf(problem);
  const shift = staff.shifts[shiftIndex]!;
  let t = shift.start;
  let loc = staff.start;
  for (const id of visitIds) {
    const v = problem.visits.find((x) => x.id === id)!;
    const w = v.windows?.[0];
    const start = Math.max(t + travel(loc, v.location), w?.start ?? 0);
    if (w && !v.soft && start > w.end + EPS) return false;
    t = start + v.duration;
    loc = v.location;
  }
  return t + travel(loc, staff.end ?? staff.start) <= shift.end + (staff.maxOvertime ?? 0) + EPS;
}

/** Every (staff, shift) that may take the visit on one of its days. */
function candidateShifts(problem: Problem, v: Visit): { staff: Staff; shift: number }[] {
  const days = v.days ?? [0];
  return problem.staff.flatMap((s) =>
    s.shifts.flatMap((sh, i) =>
      days.includes(sh.day ?? 0) && qualified(s, v) && permitted(s, v) ? [{ staff: s, shift: i }] : [],
    ),
  );
}

/** Null when the reason holds, otherwise what contradicts it. */
export function confirmUnplanned(problem: Problem, plan: Plan, u: UnplannedVisit): string | null {
  const v = problem.visits.find((x) => x.id === u.visit)!;
  const days = v.days ?? [0];
  const working = problem.staff.filter((s) => s.shifts.some((sh) => days.includes(sh.day ?? 0)));
  switch (u.code) {
    case 'no-shift':
      return working.length === 0 ? null : `${working[0]!.id} works on an allowed day`;
    case 'no-skill': {
      const missing = (v.skills ?? []).filter(
        (k) => !problem.staff.some((s) => (s.skills ?? []).includes(k)),
      );
      return missing.length > 0 ? null : 'every required skill exists in the team';
    }
    case 'no-skilled-on-day':
      return working.some((s) => qualified(s, v)) ? 'a qualified person works on an allowed day' : null;
    case 'not-allowed':
      return working.some((s) => qualified(s, v) && permitted(s, v))
        ? 'a qualified, allowed person works then'
        : null;
    case 'window-unreachable': {
      const ok = candidateShifts(problem, v).find((c) => routeFeasible(problem, c.staff, c.shift, [v.id]));
      return ok ? `${ok.staff.id} could do it alone in shift ${ok.shift}` : null;
    }
    case 'no-room': {
      const alone = candidateShifts(problem, v).some((c) => routeFeasible(problem, c.staff, c.shift, [v.id]));
      if (!alone) return 'it cannot be done even alone, so shifts being full is not the reason';
      for (const c of candidateShifts(problem, v)) {
        const route: PlannedRoute | undefined = plan.routes.find(
          (r) => r.staff === c.staff.id && r.shift === c.shift,
        );
        const ids = route?.stops.map((s) => s.visit) ?? [];
        for (let pos = 0; pos <= ids.length; pos++) {
          const next = [...ids.slice(0, pos), v.id, ...ids.slice(pos)];
          if (routeFeasible(problem, c.staff, c.shift, next))
            return `fits ${c.staff.id} shift ${c.shift} at ${pos}`;
        }
      }
      return null;
    }
    default:
      return `no independent check for ${u.code}`;
  }
}

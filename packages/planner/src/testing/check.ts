/**
 * Test-only plan checker, written independently of the solver: it recomputes travel from the
 * coordinates and checks every hard constraint of the model on a returned plan.
 */
import type { Plan, Problem } from '../model.ts';

const EPS = 1e-6;

export function checkPlan(problem: Problem, plan: Plan): string[] {
  const errors: string[] = [];
  const locs = problem.locations ?? [];
  const travel = (a: number, b: number): number => {
    if (problem.travel.type === 'matrix') return problem.travel.durations[a]![b]!;
    if (problem.travel.type !== 'euclidean') throw new Error('checker supports euclidean and matrix');
    const p = locs[a]!;
    const q = locs[b]!;
    return Math.hypot((p.x ?? 0) - (q.x ?? 0), (p.y ?? 0) - (q.y ?? 0)) / (problem.travel.speed ?? 1);
  };
  const staff = new Map(problem.staff.map((s) => [s.id, s]));
  const visits = new Map(problem.visits.map((v) => [v.id, v]));
  const done = new Map<string, { staff: string; day: number; start: number }[]>();
  for (const r of plan.routes) {
    const s = staff.get(r.staff);
    if (!s) {
      errors.push(`unknown staff ${r.staff}`);
      continue;
    }
    const shift = s.shifts[r.shift];
    if (!shift || (shift.day ?? 0) !== r.day) {
      errors.push(`${r.staff}: bad shift ${r.shift} on day ${r.day}`);
      continue;
    }
    if (r.departure + EPS < shift.start) errors.push(`${r.staff}: leaves ${r.departure} before the shift`);
    let t = shift.start;
    let loc = s.start;
    // When each stop is reached: the first from the reported departure, the others from the end of
    // the previous visit; a plan must never say a visit is reached before its staff member set off.
    let leftAt = r.departure;
    const load = new Array<number>(s.capacity?.length ?? 0).fill(0);
    const busy: [number, number][] = [];
    for (const stop of r.stops) {
      const v = visits.get(stop.visit);
      if (!v) {
        errors.push(`unknown visit ${stop.visit}`);
        continue;
      }
      const key = `${v.id}#${stop.occurrence ?? 1}`;
      const list = done.get(key) ?? [];
      list.push({ staff: r.staff, day: r.day, start: stop.start });
      done.set(key, list);
      const arrival = t + travel(loc, v.location);
      if (stop.arrival + EPS < leftAt + travel(loc, v.location))
        errors.push(`${v.id}: reached at ${stop.arrival}, before ${r.staff} can get there`);
      if (stop.arrival > stop.start + EPS) errors.push(`${v.id}: starts ${stop.start} before arrival`);
      if (stop.start + EPS < arrival)
        errors.push(`${v.id}: starts ${stop.start} before it can arrive ${arrival}`);
      if (stop.start + EPS < shift.start) errors.push(`${v.id}: starts before the shift`);
      if (v.fixed) {
        if (v.fixed.staff !== r.staff || Math.abs(v.fixed.start - stop.start) > EPS)
          errors.push(`${v.id}: fixed visit moved`);
      } else if (v.windows && v.windows.length > 0 && !v.soft) {
        if (!v.windows.some((w) => stop.start + EPS >= w.start && stop.start <= w.end + EPS)) {
          errors.push(`${v.id}: start ${stop.start} outside its windows`);
        }
      } else if (v.windows && v.windows.length > 0 && v.soft) {
        const first = Math.min(...v.windows.map((w) => w.start));
        if (stop.start + EPS < first) errors.push(`${v.id}: starts before its first window`);
      }
      const need = v.skills ?? [];
      if (!need.every((k) => (s.skills ?? []).includes(k))) errors.push(`${v.id}: ${r.staff} lacks a skill`);
      if (v.allowedStaff && !v.allowedStaff.includes(r.staff)) errors.push(`${v.id}: ${r.staff} not allowed`);
      if (v.excludedStaff?.includes(r.staff)) errors.push(`${v.id}: ${r.staff} excluded`);
      if (!(v.fixed ? [v.fixed.day ?? 0] : (v.days ?? [0])).includes(r.day))
        errors.push(`${v.id}: wrong day ${r.day}`);
      (v.demand ?? []).forEach((d, i) => {
        load[i] = (load[i] ?? 0) + d;
      });
      busy.push([stop.start, stop.start + v.duration]);
      t = stop.start + v.duration;
      leftAt = t;
      loc = v.location;
    }
    const back = t + travel(loc, s.end ?? s.start);
    if (r.returnTime + EPS < back) errors.push(`${r.staff}: return ${r.returnTime} before ${back}`);
    if (r.returnTime > shift.end + (s.maxOvertime ?? 0) + EPS)
      errors.push(`${r.staff}: returns ${r.returnTime} after shift end ${shift.end}`);
    if (s.maxWorkTime !== undefined && r.returnTime - r.departure > s.maxWorkTime + EPS) {
      errors.push(`${r.staff}: works longer than maxWorkTime`);
    }
    load.forEach((l, i) => {
      if (l > (s.capacity?.[i] ?? Number.POSITIVE_INFINITY) + EPS) errors.push(`${r.staff}: over capacity`);
    });
    if (shift.break && problem.objective?.weights?.missedBreak === undefined && r.stops.length > 0) {
      const b = shift.break;
      if (r.breakStart === undefined) {
        if (r.returnTime > b.start + EPS) errors.push(`${r.staff}: no break`);
      } else {
        if (r.breakStart + EPS < b.start || r.breakStart > b.end + EPS)
          errors.push(`${r.staff}: break outside its window`);
        for (const [a, z] of busy) {
          if (r.breakStart < z - EPS && a < r.breakStart + b.duration - EPS)
            errors.push(`${r.staff}: break overlaps a visit`);
        }
      }
    }
  }
  for (const v of problem.visits) {
    const count = v.repeat?.count ?? 1;
    const parts = v.staffCount ?? 1;
    const days: number[] = [];
    for (let o = 1; o <= count; o++) {
      const list = done.get(`${v.id}#${o}`) ?? [];
      const unplanned = plan.unassigned.some((u) => u.visit === v.id && (u.occurrence ?? 1) === o);
      if (list.length === 0 && !unplanned) errors.push(`${v.id}#${o}: neither planned nor reported`);
      if (list.length > 0 && list.length !== parts)
        errors.push(`${v.id}#${o}: done by ${list.length} people, needs ${parts}`);
      if (list.length === 2) {
        if (list[0]!.staff === list[1]!.staff) errors.push(`${v.id}: both parts by the same person`);
        if (Math.abs(list[0]!.start - list[1]!.start) > EPS)
          errors.push(`${v.id}: two-person visit not synchronised`);
      }
      if (list[0]) days.push(list[0].day);
    }
    const gap = v.repeat?.minGapDays ?? 1;
    days.sort((a, b) => a - b);
    for (let i = 1; i < days.length; i++) {
      if (days[i]! - days[i - 1]! < gap)
        errors.push(`${v.id}: repeated visits ${days[i - 1]} and ${days[i]} too close`);
    }
    if (v.linkedTo) {
      const a = done.get(`${v.linkedTo.visit}#1`)?.[0];
      const b = done.get(`${v.id}#1`)?.[0];
      if (a && b) {
        const d = b.start - a.start;
        const lo = v.linkedTo.minDelay ?? 0;
        const hi = v.linkedTo.maxDelay ?? lo;
        if (d < lo - EPS || d > hi + EPS) errors.push(`${v.id}: delay ${d} outside [${lo}, ${hi}]`);
        if (a.staff === b.staff) errors.push(`${v.id}: linked visits by the same person`);
      } else if (a || b) errors.push(`${v.id}: only one of a linked pair is planned`);
    }
  }
  for (const u of plan.unassigned) if (!u.reason) errors.push(`${u.visit}: unplanned without a reason`);
  return errors;
}

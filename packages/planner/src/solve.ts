import { type Compiled, compile } from './compile.ts';
import type { Plan, PlannedRoute, Problem, SolveOptions, UnplannedCode, UnplannedVisit } from './model.ts';
import type { Instance } from './solver/instance.ts';
import { Rng } from './solver/rng.ts';
import { Search } from './solver/search.ts';
import { type Schedule, Solution, scanRoute } from './solver/solution.ts';
import { PlannerInputError, validateProblem } from './validate.ts';

/** Validates, compiles and solves a planning problem. Throws PlannerInputError on invalid input. */
export function solve(input: Problem | unknown, options: SolveOptions = {}): Plan {
  const v = validateProblem(input);
  if (!v.ok) throw new PlannerInputError(v.issues);
  const compiled = compile(v.problem);
  const sol = solveCompiled(compiled, options);
  return toPlan(compiled, sol.solution, sol.iterations, sol.seconds);
}

export function solveCompiled(
  compiled: Compiled,
  options: SolveOptions = {},
): { solution: Solution; iterations: number; seconds: number } {
  const inst = compiled.inst;
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const timeLimit = options.timeLimit ?? (options.maxIterations !== undefined ? Number.POSITIVE_INFINITY : 5);
  const rng = new Rng(options.seed ?? 1);
  const search = new Search(inst, rng);
  let initial: Solution | undefined;
  if (options.initial) initial = buildInitial(compiled, options.initial, search);
  const onProgress = options.onProgress;
  const solution = search.run({
    rng,
    deadline: t0 + timeLimit * 1000,
    maxIterations: options.maxIterations ?? Number.POSITIVE_INFINITY,
    now,
    ...(initial ? { initial } : {}),
    ...(onProgress
      ? {
          onProgress: (bestCost: number, iterations: number, fraction: number) =>
            onProgress({ seconds: (now() - t0) / 1000, iterations, bestCost, fraction }),
        }
      : {}),
  });
  const seconds = (now() - t0) / 1000;
  onProgress?.({ seconds, iterations: search.iterations, bestCost: solution.cost(), fraction: 1 });
  return { solution, iterations: search.iterations, seconds };
}

/** Starting solution from given routes; visits that no longer fit are left for the search. */
function buildInitial(
  compiled: Compiled,
  routes: NonNullable<SolveOptions['initial']>,
  search: Search,
): Solution {
  const inst = compiled.inst;
  const p = compiled.problem;
  const sol = new Solution(inst);
  search.placeFixed(sol);
  const visitIndex = new Map(p.visits.map((v, i) => [v.id, i]));
  for (const r of routes) {
    const si = p.staff.findIndex((s) => s.id === r.staff);
    let veh = -1;
    for (let k = 0; k < inst.nVeh; k++) {
      if (inst.vStaff[k] === si && inst.vDay[k] === (r.day ?? 0) && inst.vShift[k] === (r.shift ?? 0))
        veh = k;
    }
    if (veh < 0) continue;
    for (const id of r.visits) {
      const route = sol.routes[veh]!;
      const vi = visitIndex.get(id);
      if (vi === undefined) continue;
      const task = compiled.visitTasks[vi]!.find(
        (t) => sol.routeOf[t]! < 0 && inst.allowed[t * inst.nVeh + veh] === 1 && inst.tPartner[t]! < 0,
      );
      if (task === undefined) continue;
      const pos = fixedAwarePosition(inst, sol, route.tasks, task);
      sol.insert(task, route, pos);
      const cur = sol.routes[veh]!;
      if (!Number.isFinite(cur.cost) || !sol.update(cur)) {
        const touched = new Set([cur]);
        search.removeTask(sol, task, touched);
        search.refresh(sol, touched);
      }
    }
  }
  return sol;
}

function fixedAwarePosition(inst: Instance, sol: Solution, tasks: number[], c: number): number {
  // Keep the given order, but place a task before any fixed task that starts after it could.
  const e = sol.e[c]!;
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    if (
      inst.tFixedVeh[t]! >= 0 &&
      inst.tFixedStart[t]! > e &&
      !tasks.slice(i).some((x) => inst.tFixedVeh[x]! < 0)
    ) {
      return i;
    }
  }
  return tasks.length;
}

/** Why a task could not be planned: a code and an English sentence. */
export function unassignedReason(
  compiled: Compiled,
  sol: Solution,
  c: number,
): { code: UnplannedCode; reason: string } {
  const why = (code: UnplannedCode, reason: string) => ({ code, reason });
  const inst = compiled.inst;
  const p = compiled.problem;
  const visit = p.visits[inst.tVisit[c]!]!;
  const nV = inst.nVeh;
  const days = visit.fixed ? [visit.fixed.day ?? 0] : (visit.days ?? [0]);
  const onDay: number[] = [];
  for (let k = 0; k < nV; k++) if (days.includes(inst.vDay[k]!)) onDay.push(k);
  if (visit.fixed) {
    if (inst.tFixedVeh[c]! < 0)
      return why(
        'fixed-staff-absent',
        `fixed to ${visit.fixed.staff}, who has no shift on day ${visit.fixed.day ?? 0}`,
      );
  }
  if (onDay.length === 0) return why('no-shift', `no staff shift on the allowed day(s) ${days.join(', ')}`);
  const need = visit.skills ?? [];
  const skilled = onDay.filter((k) => {
    const has = new Set(p.staff[inst.vStaff[k]!]!.skills ?? []);
    return need.every((s) => has.has(s));
  });
  if (skilled.length === 0) {
    const missing = need.filter((s) => !p.staff.some((st) => (st.skills ?? []).includes(s)));
    return missing.length > 0
      ? why('no-skill', `nobody has the required skill(s): ${missing.join(', ')}`)
      : why(
          'no-skilled-on-day',
          `no one working on the allowed day(s) has all required skills (${need.join(', ')})`,
        );
  }
  const allowed = onDay.filter((k) => inst.allowed[c * nV + k] === 1);
  if (allowed.length === 0) {
    return why(
      'not-allowed',
      'no allowed staff member (allowedStaff / excludedStaff / capacity) works on the allowed day(s)',
    );
  }
  // Can the task be done alone in some allowed shift?
  const pin = new Float64Array(inst.nTasks).fill(Number.NaN);
  if (inst.tFixedVeh[c]! >= 0) pin[c] = inst.tFixedStart[c]!;
  const alone = allowed.some((k) => {
    if (inst.simple) {
      const L = inst.nLoc;
      const cl = inst.tLoc[c]!;
      const pinned = !Number.isNaN(pin[c]!);
      const e = pinned ? pin[c]! : inst.tE[c]!;
      const l = pinned ? pin[c]! : inst.tL[c]!;
      const start = Math.max(inst.vOpen[k]! + inst.time[inst.vStart[k]! * L + cl]!, e);
      return start <= l && start + inst.tService[c]! + inst.time[cl * L + inst.vEnd[k]!]! <= inst.vClose[k]!;
    }
    return scanRoute(inst, pin, k, [c], 1, null) < Number.POSITIVE_INFINITY;
  });
  if (!alone) {
    return why(
      'window-unreachable',
      'its time window cannot be met within any allowed shift (travel from the start, shift hours, break or maximum working time)',
    );
  }
  const partner = inst.tPartner[c]!;
  if (partner >= 0)
    return why(
      'no-pair',
      'no two different staff members can start it together (or with the required delay)',
    );
  if (inst.tGroup[c]! >= 0)
    return why('repeat-gap', 'not enough room on days far enough apart for the repeated visits');
  void sol;
  return why(
    'no-room',
    'no room: the shifts that could take it are full (time windows, capacity or working time of the other visits)',
  );
}

export function toPlan(compiled: Compiled, sol: Solution, iterations: number, seconds: number): Plan {
  const inst = compiled.inst;
  const p = compiled.problem;
  const routes: PlannedRoute[] = [];
  let distance = 0;
  let travelTime = 0;
  let lateness = 0;
  for (const r of sol.routes) {
    if (r.tasks.length === 0) continue;
    const n = r.tasks.length;
    const s: Schedule = {
      arrival: new Array<number>(n),
      start: new Array<number>(n),
      lateness: new Array<number>(n),
      breakStart: Number.NaN,
      departure: 0,
      returnTime: 0,
    };
    scanRoute(inst, sol.pin, r.v, r.tasks, n, s);
    const route: PlannedRoute = {
      staff: p.staff[inst.vStaff[r.v]!]!.id,
      day: inst.vDay[r.v]!,
      shift: inst.vShift[r.v]!,
      stops: r.tasks.map((c, i) => {
        const visit = p.visits[inst.tVisit[c]!]!;
        const stop = {
          visit: visit.id,
          arrival: s.arrival[i]!,
          start: s.start[i]!,
          end: s.start[i]! + inst.tService[c]!,
          lateness: s.lateness[i]!,
        };
        return (visit.repeat?.count ?? 1) > 1 ? { ...stop, occurrence: inst.tOccurrence[c]! + 1 } : stop;
      }),
      departure: s.departure,
      returnTime: s.returnTime,
      distance: r.dist,
      travelTime: r.travel,
    };
    if (!Number.isNaN(s.breakStart)) route.breakStart = s.breakStart;
    for (const x of s.lateness) lateness += x;
    distance += r.dist;
    travelTime += r.travel;
    routes.push(route);
  }
  const unassigned: UnplannedVisit[] = [];
  const seen = new Set<string>();
  for (const c of [...sol.unassigned].sort((a, b) => a - b)) {
    const visit = p.visits[inst.tVisit[c]!]!;
    const key = `${visit.id}#${inst.tOccurrence[c]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const u: UnplannedVisit = {
      visit: visit.id,
      mandatory: visit.mandatory === true,
      ...unassignedReason(compiled, sol, c),
    };
    if ((visit.repeat?.count ?? 1) > 1) u.occurrence = inst.tOccurrence[c]! + 1;
    unassigned.push(u);
  }
  return {
    name: p.name ?? 'problem',
    routes,
    unassigned,
    vehicles: routes.length,
    distance,
    travelTime,
    lateness,
    cost: sol.cost(),
    iterations,
    seconds,
  };
}

import type { ObjectiveWeights, Problem } from './model.ts';
import type { Instance } from './solver/instance.ts';
import { buildTravel } from './travel.ts';

export interface Compiled {
  inst: Instance;
  problem: Problem;
  weights: Required<Omit<ObjectiveWeights, 'missedBreak'>> & { missedBreak?: number };
  /** Repeated-visit occurrences count and parts per visit. */
  visitTasks: number[][];
}

const NEIGHBOURS = 100;

export function presetWeights(problem: Problem): Compiled['weights'] {
  const preset = problem.objective?.preset ?? 'care';
  const base =
    preset === 'distance'
      ? {
          unassigned: 1e6,
          staff: 0,
          distance: 1,
          travelTime: 0,
          lateness: 1,
          continuity: 0,
          overtime: 1,
          balance: 0,
        }
      : preset === 'fleet'
        ? {
            unassigned: 1e8,
            staff: 1e5,
            distance: 1,
            travelTime: 0,
            lateness: 1,
            continuity: 0,
            overtime: 1,
            balance: 0,
          }
        : {
            unassigned: 1e4,
            staff: 0,
            distance: 0,
            travelTime: 1,
            lateness: 1,
            continuity: 30,
            overtime: 2,
            balance: 0,
          };
  const w = problem.objective?.weights ?? {};
  const out: Compiled['weights'] = {
    unassigned: w.unassigned ?? base.unassigned,
    staff: w.staff ?? base.staff,
    distance: w.distance ?? base.distance,
    travelTime: w.travelTime ?? base.travelTime,
    lateness: w.lateness ?? base.lateness,
    continuity: w.continuity ?? base.continuity,
    overtime: w.overtime ?? base.overtime,
    balance: w.balance ?? base.balance,
  };
  if (w.missedBreak !== undefined) out.missedBreak = w.missedBreak;
  return out;
}

/** Turns a validated problem into the flat arrays the search uses. */
export function compile(problem: Problem): Compiled {
  const weights = presetWeights(problem);
  const { nLoc, time, dist } = buildTravel(problem);

  // Vehicles: one per staff shift.
  const vehicles: {
    staff: number;
    shift: number;
    day: number;
    open: number;
    close: number;
    br?: { start: number; end: number; duration: number };
  }[] = [];
  problem.staff.forEach((s, si) => {
    s.shifts.forEach((sh, shi) => {
      const v: (typeof vehicles)[number] = {
        staff: si,
        shift: shi,
        day: sh.day ?? 0,
        open: sh.start,
        close: sh.end,
      };
      if (sh.break) v.br = sh.break;
      vehicles.push(v);
    });
  });
  const nVeh = vehicles.length;
  const dims = Math.max(
    0,
    ...problem.staff.map((s) => s.capacity?.length ?? 0),
    ...problem.visits.map((v) => v.demand?.length ?? 0),
  );

  // Tasks: one per occurrence and per person.
  interface T {
    visit: number;
    occ: number;
    days: number[];
    partner: number;
    group: number;
  }
  const tasks: T[] = [];
  const visitTasks: number[][] = [];
  const groupGap: number[] = [];
  const groupTasks: number[][] = [];
  problem.visits.forEach((v, vi) => {
    const count = v.repeat?.count ?? 1;
    const parts = v.staffCount ?? 1;
    const days = v.fixed ? [v.fixed.day ?? 0] : (v.days ?? [0]);
    let group = -1;
    if (count > 1) {
      group = groupGap.length;
      groupGap.push(v.repeat?.minGapDays ?? 1);
      groupTasks.push([]);
    }
    const mine: number[] = [];
    for (let o = 0; o < count; o++) {
      const first = tasks.length;
      for (let p = 0; p < parts; p++) {
        const id = tasks.length;
        tasks.push({ visit: vi, occ: o, days, partner: -1, group });
        mine.push(id);
        if (group >= 0 && p === 0) groupTasks[group]!.push(id);
      }
      if (parts === 2) {
        tasks[first]!.partner = first + 1;
        tasks[first + 1]!.partner = first;
      }
    }
    visitTasks.push(mine);
  });
  const nTasks = tasks.length;

  const inst: Instance = {
    name: problem.name ?? 'problem',
    nLoc,
    time,
    dist,
    nTasks,
    tVisit: new Int32Array(nTasks),
    tOccurrence: new Int32Array(nTasks),
    tLoc: new Int32Array(nTasks),
    tService: new Float64Array(nTasks),
    tE: new Float64Array(nTasks),
    tL: new Float64Array(nTasks),
    tWin: [],
    tSoft: new Uint8Array(nTasks),
    tLateCost: new Float64Array(nTasks),
    tLateFrom: new Float64Array(nTasks).fill(Number.POSITIVE_INFINITY),
    dims,
    tDemand: new Float64Array(nTasks * dims),
    tPenalty: new Float64Array(nTasks),
    tMandatory: new Uint8Array(nTasks),
    allowed: new Uint8Array(nTasks * nVeh),
    asgCost: new Float64Array(nTasks * nVeh),
    tPartner: new Int32Array(nTasks),
    tSyncLo: new Float64Array(nTasks),
    tSyncHi: new Float64Array(nTasks),
    tGroup: new Int32Array(nTasks),
    groupGap: Int32Array.from(groupGap),
    groupTasks,
    tFixedVeh: new Int32Array(nTasks).fill(-1),
    tFixedStart: new Float64Array(nTasks),
    nVeh,
    vStaff: new Int32Array(nVeh),
    vShift: new Int32Array(nVeh),
    vDay: new Int32Array(nVeh),
    vStart: new Int32Array(nVeh),
    vEnd: new Int32Array(nVeh),
    vOpen: new Float64Array(nVeh),
    vClose: new Float64Array(nVeh),
    vCap: new Float64Array(nVeh * dims),
    vMaxWork: new Float64Array(nVeh),
    vOvertime: new Float64Array(nVeh),
    overtimeCost: weights.overtime,
    balanceCost: weights.balance,
    vHasBreak: new Uint8Array(nVeh),
    vBreakS: new Float64Array(nVeh),
    vBreakE: new Float64Array(nVeh),
    vBreakD: new Float64Array(nVeh),
    vCDist: new Float64Array(nVeh),
    vCTime: new Float64Array(nVeh),
    vFixed: new Float64Array(nVeh),
    vClass: new Int32Array(nVeh),
    missedBreakCost: weights.missedBreak ?? Number.POSITIVE_INFINITY,
    neighbors: [],
    // the balance term depends on a whole route's working time: no O(1) insertion checks
    simple: weights.balance === 0,
    fleet: (problem.objective?.preset ?? 'care') === 'fleet',
    arcScale: 1,
  };

  vehicles.forEach((v, k) => {
    const s = problem.staff[v.staff]!;
    inst.vStaff[k] = v.staff;
    inst.vShift[k] = v.shift;
    inst.vDay[k] = v.day;
    inst.vStart[k] = s.start;
    inst.vEnd[k] = s.end ?? s.start;
    inst.vOpen[k] = v.open;
    inst.vClose[k] = v.close;
    for (let d = 0; d < dims; d++) inst.vCap[k * dims + d] = s.capacity?.[d] ?? Number.POSITIVE_INFINITY;
    inst.vMaxWork[k] = s.maxWorkTime ?? Number.POSITIVE_INFINITY;
    if (s.maxWorkTime !== undefined) inst.simple = false;
    inst.vOvertime[k] = s.maxOvertime ?? 0;
    if (inst.vOvertime[k]! > 0) inst.simple = false;
    if (v.br) {
      inst.vHasBreak[k] = 1;
      inst.vBreakS[k] = v.br.start;
      inst.vBreakE[k] = v.br.end;
      inst.vBreakD[k] = v.br.duration;
      inst.simple = false;
    }
    inst.vCDist[k] = weights.distance * (s.costPerDistance ?? 1);
    inst.vCTime[k] = weights.travelTime * (s.costPerTime ?? 1);
    inst.vFixed[k] = weights.staff;
  });

  const staffIndex = new Map(problem.staff.map((s, i) => [s.id, i]));
  tasks.forEach((t, i) => {
    const v = problem.visits[t.visit]!;
    inst.tVisit[i] = t.visit;
    inst.tOccurrence[i] = t.occ;
    inst.tLoc[i] = v.location;
    inst.tService[i] = v.duration;
    inst.tPartner[i] = t.partner;
    inst.tGroup[i] = t.group;
    const priority = v.priority ?? 1;
    inst.tMandatory[i] = v.mandatory ? 1 : 0;
    inst.tPenalty[i] = weights.unassigned * priority * (v.mandatory ? 100 : 1);
    for (let d = 0; d < dims; d++) inst.tDemand[i * dims + d] = v.demand?.[d] ?? 0;
    let wins: number[];
    if (v.fixed) {
      wins = [v.fixed.start, v.fixed.start];
    } else if (v.windows && v.windows.length > 0) {
      wins = [...v.windows].sort((a, b) => a.start - b.start).flatMap((w) => [w.start, w.end]);
    } else {
      wins = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    }
    inst.tWin.push(Float64Array.from(wins));
    inst.tE[i] = wins[0]!;
    inst.tL[i] = wins[wins.length - 1]!;
    if (wins.length > 2) inst.simple = false;
    if (v.soft && !v.fixed) {
      inst.tSoft[i] = 1;
      inst.tLateFrom[i] = inst.tL[i]!;
      inst.tLateCost[i] = weights.lateness * (v.latenessCost ?? 1);
      inst.simple = false;
    }
    if (v.latenessFrom !== undefined && !v.fixed) {
      inst.tLateFrom[i] = v.latenessFrom;
      inst.tLateCost[i] = weights.lateness * (v.latenessCost ?? 1);
      // the fast insertion checks know windows, not a cost that grows with the start time
      inst.simple = false;
    }
    let fixedVeh = -1;
    if (v.fixed) {
      const si = staffIndex.get(v.fixed.staff);
      const day = v.fixed.day ?? 0;
      const start = v.fixed.start;
      for (let k = 0; k < nVeh; k++) {
        if (vehicles[k]!.staff !== si || vehicles[k]!.day !== day) continue;
        if (fixedVeh < 0 || (vehicles[k]!.open <= start && start <= vehicles[k]!.close)) fixedVeh = k;
      }
      inst.tFixedVeh[i] = fixedVeh;
      inst.tFixedStart[i] = start;
    }
    const need = v.skills ?? [];
    const preferred = v.preferredStaff && v.preferredStaff.length > 0 ? new Set(v.preferredStaff) : null;
    const allowedSet = v.allowedStaff ? new Set(v.allowedStaff) : null;
    const excluded = new Set(v.excludedStaff ?? []);
    for (let k = 0; k < nVeh; k++) {
      const veh = vehicles[k]!;
      const s = problem.staff[veh.staff]!;
      let ok = t.days.includes(veh.day);
      if (ok && fixedVeh >= 0) ok = k === fixedVeh;
      else if (ok && v.fixed) ok = false;
      if (ok) {
        const has = new Set(s.skills ?? []);
        ok = need.every((x) => has.has(x));
      }
      if (ok && allowedSet) ok = allowedSet.has(s.id);
      if (ok) ok = !excluded.has(s.id);
      if (ok) {
        for (let d = 0; d < dims; d++) {
          if (inst.tDemand[i * dims + d]! > inst.vCap[k * dims + d]!) ok = false;
        }
      }
      inst.allowed[i * nVeh + k] = ok ? 1 : 0;
      if (preferred && !preferred.has(s.id)) inst.asgCost[i * nVeh + k] = weights.continuity;
    }
  });

  // Linked visits (single occurrence, single person each).
  const visitIndex = new Map(problem.visits.map((v, i) => [v.id, i]));
  problem.visits.forEach((v, vi) => {
    if (!v.linkedTo) return;
    const other = visitIndex.get(v.linkedTo.visit);
    if (other === undefined) return;
    const b = visitTasks[vi]![0]!;
    const a = visitTasks[other]![0]!;
    const lo = v.linkedTo.minDelay ?? 0;
    const hi = v.linkedTo.maxDelay ?? lo;
    inst.tPartner[a] = b;
    inst.tPartner[b] = a;
    inst.tSyncLo[b] = lo;
    inst.tSyncHi[b] = hi;
    inst.tSyncLo[a] = -hi;
    inst.tSyncHi[a] = -lo;
  });

  // Vehicle classes: identical attributes and identical compatibility columns.
  const classes = new Map<string, number>();
  for (let k = 0; k < nVeh; k++) {
    const col: string[] = [];
    for (let i = 0; i < nTasks; i++) col.push(`${inst.allowed[i * nVeh + k]}:${inst.asgCost[i * nVeh + k]}`);
    const caps: number[] = [];
    for (let d = 0; d < dims; d++) caps.push(inst.vCap[k * dims + d]!);
    const key = [
      inst.vStart[k],
      inst.vEnd[k],
      inst.vOpen[k],
      inst.vClose[k],
      inst.vDay[k],
      inst.vMaxWork[k],
      inst.vHasBreak[k],
      inst.vBreakS[k],
      inst.vBreakE[k],
      inst.vBreakD[k],
      inst.vCDist[k],
      inst.vCTime[k],
      inst.vFixed[k],
      caps.join(','),
      col.join(''),
    ].join('|');
    let c = classes.get(key);
    if (c === undefined) {
      c = classes.size;
      classes.set(key, c);
    }
    inst.vClass[k] = c;
  }

  // Neighbour lists by the objective's own arc cost between task locations: by time when the
  // objective counts travel time (the care preset), by distance when it counts distance. Ranking
  // by distance under a time objective sends the search after the wrong neighbours wherever roads
  // are slow and short (town centres) or fast and long (main roads).
  const L = nLoc;
  const k = Math.min(NEIGHBOURS, Math.max(0, nTasks - 1));
  const idx = Array.from({ length: nTasks }, (_, i) => i);
  let scaleSum = 0;
  let scaleCount = 0;
  const cd = nVeh > 0 ? inst.vCDist[0]! : 1;
  const ct = nVeh > 0 ? inst.vCTime[0]! : 0;
  const [kd, kt] = neighbourWeights(cd, ct);
  const arc = (a: number, b: number) => kd * dist[a * L + b]! + kt * time[a * L + b]!;
  for (let i = 0; i < nTasks; i++) {
    const li = inst.tLoc[i]!;
    const key = (j: number) => arc(li, inst.tLoc[j]!) + arc(inst.tLoc[j]!, li);
    const others = idx.filter((j) => j !== i);
    const keys = new Float64Array(nTasks);
    for (const j of others) keys[j] = key(j);
    others.sort((a, b) => keys[a]! - keys[b]! || a - b);
    const nb = Int32Array.from(others.slice(0, k));
    inst.neighbors.push(nb);
    for (let m = 0; m < Math.min(10, nb.length); m++) {
      const j = nb[m]!;
      scaleSum += cd * dist[li * L + inst.tLoc[j]!]! + ct * time[li * L + inst.tLoc[j]!]!;
      scaleCount++;
    }
  }
  inst.arcScale = scaleCount > 0 && scaleSum > 0 ? scaleSum / scaleCount : 1;
  return { inst, problem, weights, visitTasks };
}

/**
 * Weights of distance and time in the neighbour ranking: the objective's arc weights, or distance
 * alone when the objective puts no weight on travel at all (neighbours still need an order).
 */
export function neighbourWeights(costPerDistance: number, costPerTime: number): [number, number] {
  return costPerDistance > 0 || costPerTime > 0 ? [costPerDistance, costPerTime] : [1, 0];
}

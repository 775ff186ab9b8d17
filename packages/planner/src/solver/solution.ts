import type { Instance } from './instance.ts';

const INF = Number.POSITIVE_INFINITY;

/**
 * One route (one staff shift). Positions 0 and n+1 are the start and end locations. For simple
 * instances `early[i]` is the earliest service start at position i and `late[i]` the latest
 * start that keeps the rest of the route feasible (forward/backward slack), which makes every
 * insertion, removal and exchange check O(1).
 */
export class Route {
  tasks: number[] = [];
  early: number[] = [];
  late: number[] = [];
  load: number[];
  dist = 0;
  travel = 0;
  lateness = 0;
  cost = 0;

  constructor(
    readonly v: number,
    dims: number,
  ) {
    this.load = new Array<number>(dims).fill(0);
  }

  clone(): Route {
    const r = new Route(this.v, 0);
    r.tasks = this.tasks.slice();
    r.early = this.early.slice();
    r.late = this.late.slice();
    r.load = this.load.slice();
    r.dist = this.dist;
    r.travel = this.travel;
    r.lateness = this.lateness;
    r.cost = this.cost;
    return r;
  }
}

/** Detailed schedule of a route, for output and checking. */
export interface Schedule {
  arrival: number[];
  start: number[];
  lateness: number[];
  breakStart: number;
  departure: number;
  returnTime: number;
}

export class Solution {
  routes: Route[];
  routeOf: Int32Array;
  /** Effective single window (pinned for synchronised or fixed tasks) used by the fast checks. */
  e: Float64Array;
  l: Float64Array;
  /** Pinned start time (NaN if free). */
  pin: Float64Array;
  unassigned: number[];
  nonEmpty = 0;
  /**
   * Copy on write: routes are shared between a solution and its clones; a route is copied the
   * first time a solution changes it (`own`).
   */
  owned: Uint8Array;

  constructor(
    readonly inst: Instance,
    empty = true,
  ) {
    if (empty) {
      this.routes = [];
      for (let v = 0; v < inst.nVeh; v++) {
        const r = new Route(v, inst.dims);
        this.routes.push(r);
      }
      this.routeOf = new Int32Array(inst.nTasks).fill(-1);
      this.e = Float64Array.from(inst.tE);
      this.l = Float64Array.from(inst.tL);
      this.pin = new Float64Array(inst.nTasks).fill(Number.NaN);
      this.unassigned = [];
      this.owned = new Uint8Array(inst.nVeh).fill(1);
      for (let c = 0; c < inst.nTasks; c++) {
        if (inst.tFixedVeh[c]! >= 0) this.setPin(c, inst.tFixedStart[c]!);
        this.unassigned.push(c);
      }
      for (const r of this.routes) this.update(r);
    } else {
      this.routes = [];
      this.routeOf = new Int32Array(0);
      this.e = new Float64Array(0);
      this.l = new Float64Array(0);
      this.pin = new Float64Array(0);
      this.unassigned = [];
      this.owned = new Uint8Array(inst.nVeh);
    }
  }

  clone(): Solution {
    const s = new Solution(this.inst, false);
    s.routes = this.routes.slice();
    this.owned.fill(0);
    s.routeOf = this.routeOf.slice();
    s.e = this.e.slice();
    s.l = this.l.slice();
    s.pin = this.pin.slice();
    s.unassigned = this.unassigned.slice();
    s.nonEmpty = this.nonEmpty;
    return s;
  }

  /** The route of vehicle v, copied first if it is shared with another solution. */
  own(v: number): Route {
    if (this.owned[v] === 1) return this.routes[v]!;
    const r = this.routes[v]!.clone();
    this.routes[v] = r;
    this.owned[v] = 1;
    return r;
  }

  setPin(c: number, t: number): void {
    this.pin[c] = t;
    this.e[c] = t;
    this.l[c] = t;
  }

  unpin(c: number): void {
    const inst = this.inst;
    if (inst.tFixedVeh[c]! >= 0) return;
    this.pin[c] = Number.NaN;
    this.e[c] = inst.tE[c]!;
    this.l[c] = inst.tL[c]!;
  }

  cost(): number {
    let s = 0;
    for (const r of this.routes) s += r.cost;
    for (const c of this.unassigned) s += this.inst.tPenalty[c]!;
    return s;
  }

  /** Penalty-free part of the cost (routes only). */
  routeCost(): number {
    let s = 0;
    for (const r of this.routes) s += r.cost;
    return s;
  }

  distance(): number {
    let s = 0;
    for (const r of this.routes) s += r.dist;
    return s;
  }

  /** Recomputes a route's slack arrays, distance and cost. Returns false if it is infeasible. */
  update(r: Route): boolean {
    if (this.owned[r.v] !== 1 || this.routes[r.v] !== r)
      throw new Error('planner internal error: updating a shared route');
    const inst = this.inst;
    const v = r.v;
    const n = r.tasks.length;
    const L = inst.nLoc;
    const T = inst.time;
    const D = inst.dist;
    const dims = inst.dims;
    for (let d = 0; d < dims; d++) r.load[d] = 0;
    let dist = 0;
    let travel = 0;
    let asg = 0;
    let prevLoc = inst.vStart[v]!;
    let t = inst.vOpen[v]!;
    const early = r.early;
    const late = r.late;
    early.length = n + 2;
    late.length = n + 2;
    early[0] = t;
    let svc = 0;
    let ok = true;
    for (let i = 0; i < n; i++) {
      const c = r.tasks[i]!;
      const cl = inst.tLoc[c]!;
      const tt = T[prevLoc * L + cl]!;
      travel += tt;
      dist += D[prevLoc * L + cl]!;
      t = Math.max(t + svc + tt, this.e[c]!);
      early[i + 1] = t;
      if (t > this.l[c]!) ok = false;
      svc = inst.tService[c]!;
      prevLoc = cl;
      asg += inst.asgCost[c * inst.nVeh + v]!;
      for (let d = 0; d < dims; d++) r.load[d]! += inst.tDemand[c * dims + d]!;
    }
    const endLoc = inst.vEnd[v]!;
    travel += T[prevLoc * L + endLoc]!;
    dist += D[prevLoc * L + endLoc]!;
    t = t + svc + T[prevLoc * L + endLoc]!;
    early[n + 1] = t;
    if (t > inst.vClose[v]!) ok = false;
    let lt = inst.vClose[v]!;
    late[n + 1] = lt;
    let nextLoc = endLoc;
    for (let i = n - 1; i >= 0; i--) {
      const c = r.tasks[i]!;
      const cl = inst.tLoc[c]!;
      lt = Math.min(this.l[c]!, lt - T[cl * L + nextLoc]! - inst.tService[c]!);
      late[i + 1] = lt;
      nextLoc = cl;
    }
    late[0] = lt - T[inst.vStart[v]! * L + nextLoc]!;
    for (let d = 0; d < dims; d++) if (r.load[d]! > inst.vCap[v * dims + d]!) ok = false;
    r.dist = dist;
    r.travel = travel;
    r.lateness = 0;
    if (n === 0) {
      r.cost = 0;
      return true;
    }
    if (inst.simple) {
      r.cost = inst.vFixed[v]! + inst.vCDist[v]! * dist + inst.vCTime[v]! * travel + asg;
      return ok;
    }
    const c = scanRoute(inst, this.pin, v, r.tasks, n, null);
    if (c === INF) {
      r.cost = INF;
      return false;
    }
    r.cost = c;
    return true;
  }

  insert(c: number, route: Route, pos: number): void {
    const r = this.own(route.v);
    r.tasks.splice(pos, 0, c);
    if (r.tasks.length === 1) this.nonEmpty++;
    this.routeOf[c] = r.v;
    const i = this.unassigned.indexOf(c);
    if (i >= 0) {
      this.unassigned[i] = this.unassigned[this.unassigned.length - 1]!;
      this.unassigned.pop();
    }
    this.update(r);
  }

  /** Removes a task (not its partner) from its route, without recomputing the route. */
  detach(c: number): Route | null {
    const v = this.routeOf[c]!;
    if (v < 0) return null;
    const r = this.own(v);
    const i = r.tasks.indexOf(c);
    r.tasks.splice(i, 1);
    if (r.tasks.length === 0) this.nonEmpty--;
    this.routeOf[c] = -1;
    this.unassigned.push(c);
    return r;
  }
}

/** Start of service at `arrival` given the task's windows (INF if no window can be met). */
export function startTime(inst: Instance, pin: Float64Array, c: number, arrival: number): number {
  const p = pin[c]!;
  const w = inst.tWin[c]!;
  if (!Number.isNaN(p)) {
    if (arrival > p) return INF;
    // A pinned start (linked visit) must still respect the task's windows; fixed tasks are kept.
    if (inst.tFixedVeh[c]! >= 0) return p;
    if (inst.tSoft[c]) return p >= w[0]! ? p : INF;
    for (let k = 0; k < w.length; k += 2) if (p >= w[k]! && p <= w[k + 1]!) return p;
    return INF;
  }
  for (let k = 0; k < w.length; k += 2) {
    if (arrival <= w[k + 1]!) return Math.max(arrival, w[k]!);
  }
  return inst.tSoft[c] ? arrival : INF;
}

/**
 * Full evaluation of a route for any instance (multiple windows, soft windows, breaks, maximum
 * working time). Returns the route cost or INF if infeasible, and fills `out` if given.
 */
export function scanRoute(
  inst: Instance,
  pin: Float64Array,
  v: number,
  seq: ArrayLike<number>,
  n: number,
  out: Schedule | null,
): number {
  if (n === 0) {
    if (out) {
      out.departure = inst.vOpen[v]!;
      out.returnTime = inst.vOpen[v]!;
      out.breakStart = Number.NaN;
    }
    return 0;
  }
  const L = inst.nLoc;
  const T = inst.time;
  const D = inst.dist;
  const hasBreak = inst.vHasBreak[v] === 1;
  const bS = inst.vBreakS[v]!;
  const bE = inst.vBreakE[v]!;
  const bD = inst.vBreakD[v]!;
  let taken = !hasBreak;
  let breakStart = Number.NaN;
  let t = inst.vOpen[v]!;
  let loc = inst.vStart[v]!;
  let dist = 0;
  let travel = 0;
  let late = 0;
  let asg = 0;
  let departure = t;
  const dims = inst.dims;
  const load = dims > 0 ? new Array<number>(dims).fill(0) : null;
  for (let i = 0; i < n; i++) {
    const c = seq[i]!;
    const cl = inst.tLoc[c]!;
    const tt = T[loc * L + cl]!;
    const svc = inst.tService[c]!;
    let arrive = t + tt;
    let start = startTime(inst, pin, c, arrive);
    if (!taken && (start >= bS || start + svc > bE)) {
      let bs = Math.max(arrive, bS);
      if (bs <= bE) {
        arrive = Math.max(arrive, bs + bD);
      } else {
        bs = Math.max(t, bS);
        if (bs > bE) return INF;
        arrive = bs + bD + tt;
      }
      taken = true;
      breakStart = bs;
      start = startTime(inst, pin, c, arrive);
    }
    if (start === INF) return INF;
    if (i === 0) {
      // Leave home as late as the first visit allows, and report the arrival from that departure:
      // an arrival computed from the shift start would come before the staff member has left.
      departure = Math.max(inst.vOpen[v]!, (!Number.isNaN(breakStart) ? breakStart : start) - tt);
      arrive = Math.max(arrive, departure + tt);
    }
    let lt = 0;
    if (start > inst.tLateFrom[c]!) lt = start - inst.tLateFrom[c]!;
    late += lt * inst.tLateCost[c]!;
    if (out) {
      out.arrival[i] = arrive;
      out.start[i] = start;
      out.lateness[i] = lt;
    }
    t = start + svc;
    dist += D[loc * L + cl]!;
    loc = cl;
    travel += tt;
    asg += inst.asgCost[c * inst.nVeh + v]!;
    if (load) {
      for (let d = 0; d < dims; d++) {
        load[d]! += inst.tDemand[c * dims + d]!;
        if (load[d]! > inst.vCap[v * dims + d]!) return INF;
      }
    }
  }
  dist += D[loc * L + inst.vEnd[v]!]!;
  const tt = T[loc * L + inst.vEnd[v]!]!;
  travel += tt;
  let arrive = t + tt;
  let missed = 0;
  if (!taken && arrive > bS) {
    const bs = Math.max(t, bS);
    if (bs <= bE) {
      breakStart = bs;
      arrive = bs + bD + tt;
    } else {
      missed = inst.missedBreakCost;
      if (missed === INF) return INF;
    }
  }
  const over = arrive - inst.vClose[v]!;
  if (over > inst.vOvertime[v]!) return INF;
  if (over > 0) missed += over * inst.overtimeCost;
  if (arrive - departure > inst.vMaxWork[v]!) return INF;
  if (inst.balanceCost > 0 && n > 0) missed += (inst.balanceCost * (arrive - departure) ** 2) / 480;
  if (out) {
    out.breakStart = breakStart;
    out.departure = departure;
    out.returnTime = arrive;
  }
  return inst.vFixed[v]! + inst.vCDist[v]! * dist + inst.vCTime[v]! * travel + late + asg + missed;
}

import type { Instance } from './instance.ts';
import type { Rng } from './rng.ts';
import { type Route, type Solution, scanRoute } from './solution.ts';

const INF = Number.POSITIVE_INFINITY;

/** A feasible insertion position with its cost and the window of feasible start times. */
export interface Candidate {
  r: number;
  pos: number;
  delta: number;
  /** Earliest and latest feasible start of the inserted task at that position. */
  E: number;
  L: number;
}

/**
 * Finds insertion positions. In simple instances every position is checked in O(1) with the
 * route's forward/backward slack; otherwise each position is evaluated by a route scan.
 */
export class Inserter {
  private classStamp: Int32Array;
  private stamp = 0;
  private seq: Int32Array;
  /** Probability of skipping a position (SISR "blinks"). */
  blink = 0;
  private blinkLeft = INF;
  rng: Rng | null = null;
  best: Candidate = { r: -1, pos: -1, delta: INF, E: 0, L: 0 };

  constructor(readonly inst: Instance) {
    let nc = 0;
    for (let v = 0; v < inst.nVeh; v++) nc = Math.max(nc, inst.vClass[v]! + 1);
    this.classStamp = new Int32Array(nc);
    this.seq = new Int32Array(inst.nTasks + 2);
  }

  private drawBlink(): void {
    if (this.blink <= 0 || !this.rng) {
      this.blinkLeft = INF;
      return;
    }
    const u = this.rng.next();
    this.blinkLeft = Math.floor(Math.log(1 - u) / Math.log(1 - this.blink));
  }

  /** True if the route may receive task c at all (skills, capacity, days, partner, route limit). */
  routeOk(sol: Solution, c: number, r: Route, maxRoutes: number): boolean {
    const inst = this.inst;
    const v = r.v;
    if (!inst.allowed[c * inst.nVeh + v]) return false;
    if (r.tasks.length === 0) {
      if (sol.nonEmpty >= maxRoutes) return false;
      const k = inst.vClass[v]!;
      if (this.classStamp[k] === this.stamp) return false;
      this.classStamp[k] = this.stamp;
    }
    const dims = inst.dims;
    for (let d = 0; d < dims; d++) {
      if (r.load[d]! + inst.tDemand[c * dims + d]! > inst.vCap[v * dims + d]!) return false;
    }
    const g = inst.tGroup[c]!;
    if (g >= 0) {
      const gap = inst.groupGap[g]!;
      const day = inst.vDay[v]!;
      for (const o of inst.groupTasks[g]!) {
        if (o === c) continue;
        const ov = sol.routeOf[o]!;
        if (ov >= 0 && Math.abs(inst.vDay[ov]! - day) < gap) return false;
      }
    }
    const p = inst.tPartner[c]!;
    if (p >= 0) {
      const pv = sol.routeOf[p]!;
      if (pv >= 0 && (inst.vStaff[pv] === inst.vStaff[v] || inst.vDay[pv] !== inst.vDay[v])) return false;
    }
    return true;
  }

  /** Best insertion of c; returns false if none. The result is in `this.best`. */
  findBest(sol: Solution, c: number, maxRoutes: number): boolean {
    const best = this.best;
    best.r = -1;
    best.delta = INF;
    this.stamp++;
    this.drawBlink();
    const routes = sol.routes;
    for (let ri = 0; ri < routes.length; ri++) {
      const r = routes[ri]!;
      if (!this.routeOk(sol, c, r, maxRoutes)) continue;
      if (this.inst.simple) this.scanFast(sol, c, r, null);
      else this.scanGeneric(sol, c, r, null);
    }
    return best.r >= 0;
  }

  /** All feasible insertions of c (no blinks). */
  collect(sol: Solution, c: number, maxRoutes: number, out: Candidate[]): void {
    this.stamp++;
    this.blinkLeft = INF;
    for (const r of sol.routes) {
      if (!this.routeOk(sol, c, r, maxRoutes)) continue;
      if (this.inst.simple) this.scanFast(sol, c, r, out);
      else this.scanGeneric(sol, c, r, out);
    }
  }

  private scanFast(sol: Solution, c: number, r: Route, out: Candidate[] | null): void {
    const inst = this.inst;
    const v = r.v;
    const L = inst.nLoc;
    const T = inst.time;
    const D = inst.dist;
    const tasks = r.tasks;
    const n = tasks.length;
    const early = r.early;
    const late = r.late;
    const cl = inst.tLoc[c]!;
    const ec = sol.e[c]!;
    const lc = sol.l[c]!;
    const sc = inst.tService[c]!;
    const cd = inst.vCDist[v]!;
    const ct = inst.vCTime[v]!;
    const base = inst.asgCost[c * inst.nVeh + v]! + (n === 0 ? inst.vFixed[v]! : 0);
    const best = this.best;
    let prevLoc = inst.vStart[v]!;
    let prevDep = early[0]!;
    for (let p = 0; p <= n; p++) {
      if (prevDep > lc) break;
      const nextLoc = p < n ? inst.tLoc[tasks[p]!]! : inst.vEnd[v]!;
      const arr = prevDep + T[prevLoc * L + cl]!;
      const start = Math.max(arr, ec);
      if (start <= lc) {
        const tcn = T[cl * L + nextLoc]!;
        const latest = Math.min(lc, late[p + 1]! - tcn - sc);
        if (start <= latest) {
          if (this.blinkLeft-- <= 0) {
            this.drawBlink();
          } else {
            const delta =
              base +
              cd * (D[prevLoc * L + cl]! + D[cl * L + nextLoc]! - D[prevLoc * L + nextLoc]!) +
              ct * (T[prevLoc * L + cl]! + tcn - T[prevLoc * L + nextLoc]!);
            if (out) out.push({ r: v, pos: p, delta, E: start, L: latest });
            else if (delta < best.delta) {
              best.delta = delta;
              best.r = v;
              best.pos = p;
              best.E = start;
              best.L = latest;
            }
          }
        }
      }
      if (p < n) {
        prevDep = early[p + 1]! + inst.tService[tasks[p]!]!;
        prevLoc = nextLoc;
      }
    }
  }

  private scanGeneric(sol: Solution, c: number, r: Route, out: Candidate[] | null): void {
    const inst = this.inst;
    const v = r.v;
    const tasks = r.tasks;
    const n = tasks.length;
    const seq = this.seq;
    const best = this.best;
    for (let i = 0; i < n; i++) seq[i + 1] = tasks[i]!;
    for (let p = 0; p <= n; p++) {
      // seq[0..p-1] = tasks[0..p-1], seq[p] = c, seq[p+1..n] = tasks[p..n-1]
      if (p > 0) seq[p - 1] = tasks[p - 1]!;
      seq[p] = c;
      if (this.blinkLeft-- <= 0) {
        this.drawBlink();
        continue;
      }
      const cost = scanRoute(inst, sol.pin, v, seq, n + 1, null);
      if (cost === INF) continue;
      const delta = cost - r.cost;
      if (out) {
        const sched = scheduleOf(inst, sol, v, seq, n + 1);
        out.push({ r: v, pos: p, delta, E: sched[p]!, L: INF });
      } else if (delta < best.delta) {
        best.delta = delta;
        best.r = v;
        best.pos = p;
        best.E = 0;
        best.L = INF;
      }
    }
  }
}

/** Service start times of a sequence (generic evaluation). */
export function scheduleOf(
  inst: Instance,
  sol: Solution,
  v: number,
  seq: ArrayLike<number>,
  n: number,
): number[] {
  const out = {
    arrival: new Array<number>(n),
    start: new Array<number>(n),
    lateness: new Array<number>(n),
    breakStart: Number.NaN,
    departure: 0,
    returnTime: 0,
  };
  scanRoute(inst, sol.pin, v, seq, n, out);
  return out.start;
}

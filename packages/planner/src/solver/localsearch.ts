import type { Instance } from './instance.ts';
import type { Search } from './search.ts';
import type { Route, Solution } from './solution.ts';

const EPS = 1e-9;
const GRANULARITY = 20;

/**
 * Granular local search (relocate, swap, 2-opt*, or-opt of 2–3 tasks) between routes, first
 * improvement, only between tasks that are near neighbours. Every move is checked in O(1) (O(k)
 * for a segment of k tasks) with the routes' forward earliest and backward latest start times.
 * Used on simple instances; richer instances rely on ruin-and-recreate alone.
 */
export function localSearch(sol: Solution, search: Search): void {
  const inst = sol.inst;
  if (!inst.simple) return;
  const ls = new LocalSearch(inst, sol, search);
  ls.run();
}

class LocalSearch {
  private readonly L: number;
  constructor(
    readonly inst: Instance,
    readonly sol: Solution,
    readonly search: Search,
  ) {
    this.L = inst.nLoc;
  }

  private loc(r: Route, pos: number): number {
    const n = r.tasks.length;
    if (pos === 0) return this.inst.vStart[r.v]!;
    if (pos === n + 1) return this.inst.vEnd[r.v]!;
    return this.inst.tLoc[r.tasks[pos - 1]!]!;
  }

  private svc(r: Route, pos: number): number {
    if (pos === 0 || pos === r.tasks.length + 1) return 0;
    return this.inst.tService[r.tasks[pos - 1]!]!;
  }

  private arc(v: number, a: number, b: number): number {
    const k = a * this.L + b;
    return this.inst.vCDist[v]! * this.inst.dist[k]! + this.inst.vCTime[v]! * this.inst.time[k]!;
  }

  /** Whether task c may be moved into route `to` (skills, days, partner, group). */
  private canHost(c: number, to: Route): boolean {
    const inst = this.inst;
    const v = to.v;
    if (!inst.allowed[c * inst.nVeh + v]) return false;
    const from = this.sol.routeOf[c]!;
    if (from >= 0 && inst.vDay[from] !== inst.vDay[v]) {
      const g = inst.tGroup[c]!;
      if (g >= 0) return false;
    }
    const p = inst.tPartner[c]!;
    if (p >= 0) {
      const pv = this.sol.routeOf[p]!;
      if (pv >= 0 && pv !== from && (inst.vStaff[pv] === inst.vStaff[v] || inst.vDay[pv] !== inst.vDay[v]))
        return false;
      if (pv === v) return false;
    }
    return true;
  }

  /**
   * Propagates a segment of tasks starting from departure time `dep` at location `loc`; returns
   * the departure time from the last task and its location through `out`, or -1 if a window fails.
   */
  private through(seg: number[], dep: number, loc: number, out: { loc: number }): number {
    const inst = this.inst;
    let t = dep;
    let l = loc;
    for (const c of seg) {
      const cl = inst.tLoc[c]!;
      const start = Math.max(t + inst.time[l * this.L + cl]!, this.sol.e[c]!);
      if (start > this.sol.l[c]!) return -1;
      t = start + inst.tService[c]!;
      l = cl;
    }
    out.loc = l;
    return t;
  }

  private loadOk(r: Route, add: number[], remove: number[]): boolean {
    const inst = this.inst;
    const dims = inst.dims;
    for (let d = 0; d < dims; d++) {
      let x = r.load[d]!;
      for (const c of add) x += inst.tDemand[c * dims + d]!;
      for (const c of remove) x -= inst.tDemand[c * dims + d]!;
      if (x > inst.vCap[r.v * dims + d]! + EPS) return false;
    }
    return true;
  }

  private asg(c: number, v: number): number {
    return this.inst.asgCost[c * this.inst.nVeh + v]!;
  }

  /** Removing positions [i, j] (1-based route positions) keeps the route feasible? */
  private removalOk(r: Route, i: number, j: number): boolean {
    const inst = this.inst;
    const a = i - 1;
    const b = j + 1;
    const dep = r.early[a]! + this.svc(r, a);
    const la = this.loc(r, a);
    const lb = this.loc(r, b);
    const arr = dep + inst.time[la * this.L + lb]!;
    return arr <= r.late[b]!;
  }

  /** Inserting segment `seg` between positions p and p+1 of r is feasible? */
  private insertOk(r: Route, p: number, seg: number[]): boolean {
    const out = { loc: 0 };
    const dep = this.through(seg, r.early[p]! + this.svc(r, p), this.loc(r, p), out);
    if (dep < 0) return false;
    const nl = this.loc(r, p + 1);
    return dep + this.inst.time[out.loc * this.L + nl]! <= r.late[p + 1]!;
  }

  private segCost(v: number, seg: number[]): number {
    let s = 0;
    for (let k = 0; k + 1 < seg.length; k++) {
      s += this.arc(v, this.inst.tLoc[seg[k]!]!, this.inst.tLoc[seg[k + 1]!]!);
    }
    for (const c of seg) s += this.asg(c, v);
    return s;
  }

  run(): void {
    const inst = this.inst;
    const sol = this.sol;
    const rng = this.search.rng;
    const order = Array.from({ length: inst.nTasks }, (_, i) => i);
    let improved = true;
    let rounds = 0;
    while (improved && rounds < 50) {
      improved = false;
      rounds++;
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      for (const c of order) {
        if (sol.routeOf[c]! < 0 || inst.tFixedVeh[c]! >= 0) continue;
        const nb = inst.neighbors[c]!;
        const lim = Math.min(GRANULARITY, nb.length);
        for (let k = 0; k < lim; k++) {
          const n = nb[k]!;
          if (sol.routeOf[n]! < 0) continue;
          if (sol.routeOf[n] === sol.routeOf[c]) {
            if (this.intraRelocate(c, n) || this.intraTwoOpt(c, n)) {
              improved = true;
              break;
            }
            continue;
          }
          if (this.relocate(c, n) || this.swap(c, n) || this.twoOptStar(c, n) || this.orOpt(c, n)) {
            improved = true;
            break;
          }
        }
      }
    }
  }

  private commit(routes: Route[]): void {
    for (const r of routes) this.sol.update(r);
    this.sol.nonEmpty = this.sol.routes.reduce((s, r) => s + (r.tasks.length > 0 ? 1 : 0), 0);
  }

  /** Move segment starting with c (length 1..3) of r1 next to n in r2 (after or before n). */
  private moveSegment(c: number, n: number, len: number): boolean {
    const inst = this.inst;
    const sol = this.sol;
    let r1 = sol.routes[sol.routeOf[c]!]!;
    let r2 = sol.routes[sol.routeOf[n]!]!;
    const i = r1.tasks.indexOf(c) + 1;
    const j = i + len - 1;
    if (j > r1.tasks.length) return false;
    const seg = r1.tasks.slice(i - 1, j);
    for (const t of seg) if (inst.tFixedVeh[t]! >= 0 || !this.canHost(t, r2)) return false;
    if (!this.loadOk(r2, seg, [])) return false;
    if (!this.removalOk(r1, i, j)) return false;
    const v1 = r1.v;
    const v2 = r2.v;
    const a = this.loc(r1, i - 1);
    const b = this.loc(r1, j + 1);
    const first = inst.tLoc[seg[0]!]!;
    const last = inst.tLoc[seg[seg.length - 1]!]!;
    const emptied = j - i + 1 === r1.tasks.length;
    const removeGain =
      this.arc(v1, a, first) +
      this.arc(v1, last, b) -
      this.arc(v1, a, b) +
      this.segCost(v1, seg) +
      (emptied ? inst.vFixed[v1]! + this.arc(v1, a, b) : 0);
    const q = r2.tasks.indexOf(n) + 1;
    const inner = this.segCost(v2, seg);
    // Two options: after n (p = q) or before n (p = q - 1).
    for (const p of [q, q - 1]) {
      const x = this.loc(r2, p);
      const y = this.loc(r2, p + 1);
      const add = this.arc(v2, x, first) + this.arc(v2, last, y) - this.arc(v2, x, y) + inner;
      if (add - removeGain < -EPS && this.insertOk(r2, p, seg)) {
        r1 = sol.own(r1.v);
        r2 = sol.own(r2.v);
        r1.tasks.splice(i - 1, len);
        r2.tasks.splice(p, 0, ...seg);
        for (const t of seg) sol.routeOf[t] = v2;
        this.commit([r1, r2]);
        return true;
      }
      // Reversed segment (only meaningful for len > 1).
      if (len > 1) {
        const rev = seg.slice().reverse();
        const addR =
          this.arc(v2, x, last) + this.arc(v2, first, y) - this.arc(v2, x, y) + this.segCost(v2, rev);
        if (addR - removeGain < -EPS && this.insertOk(r2, p, rev)) {
          r1 = sol.own(r1.v);
          r2 = sol.own(r2.v);
          r1.tasks.splice(i - 1, len);
          r2.tasks.splice(p, 0, ...rev);
          for (const t of rev) sol.routeOf[t] = v2;
          this.commit([r1, r2]);
          return true;
        }
      }
    }
    return false;
  }

  /** Cost and feasibility of a whole task sequence for vehicle v (O(length)); INF if infeasible. */
  private seqCost(v: number, seq: number[]): number {
    const inst = this.inst;
    const L = this.L;
    let loc = inst.vStart[v]!;
    let t = inst.vOpen[v]!;
    let svc = 0;
    let cost = 0;
    for (const c of seq) {
      const cl = inst.tLoc[c]!;
      t = Math.max(t + svc + inst.time[loc * L + cl]!, this.sol.e[c]!);
      if (t > this.sol.l[c]!) return Number.POSITIVE_INFINITY;
      cost += this.arc(v, loc, cl);
      svc = inst.tService[c]!;
      loc = cl;
    }
    const end = inst.vEnd[v]!;
    if (t + svc + inst.time[loc * L + end]! > inst.vClose[v]!) return Number.POSITIVE_INFINITY;
    return cost + this.arc(v, loc, end);
  }

  private routeArcs(r: Route): number {
    return this.inst.vCDist[r.v]! * r.dist + this.inst.vCTime[r.v]! * r.travel;
  }

  private applyIntra(r: Route, seq: number[]): boolean {
    const cost = this.seqCost(r.v, seq);
    if (!(cost < this.routeArcs(r) - EPS)) return false;
    const owned = this.sol.own(r.v);
    owned.tasks = seq;
    this.commit([owned]);
    return true;
  }

  /** Moves c right after (or right before) n in their common route. */
  private intraRelocate(c: number, n: number): boolean {
    const sol = this.sol;
    const r = sol.routes[sol.routeOf[c]!]!;
    for (const after of [true, false]) {
      const seq = r.tasks.filter((x) => x !== c);
      const k = seq.indexOf(n);
      seq.splice(after ? k + 1 : k, 0, c);
      if (seq.every((x, i) => x === r.tasks[i])) continue;
      if (this.applyIntra(r, seq)) return true;
    }
    return false;
  }

  /** 2-opt inside a route: makes n follow c by reversing the segment between them. */
  private intraTwoOpt(c: number, n: number): boolean {
    const sol = this.sol;
    const r = sol.routes[sol.routeOf[c]!]!;
    const i = r.tasks.indexOf(c);
    const j = r.tasks.indexOf(n);
    if (Math.abs(i - j) < 2) return false;
    const [a, b] = i < j ? [i + 1, j] : [j, i - 1];
    const seq = r.tasks.slice(0, a).concat(r.tasks.slice(a, b + 1).reverse(), r.tasks.slice(b + 1));
    return this.applyIntra(r, seq);
  }

  private relocate(c: number, n: number): boolean {
    return this.moveSegment(c, n, 1);
  }

  private orOpt(c: number, n: number): boolean {
    return this.moveSegment(c, n, 2) || this.moveSegment(c, n, 3);
  }

  /** Exchange c and n between their routes. */
  private swap(c: number, n: number): boolean {
    const inst = this.inst;
    const sol = this.sol;
    if (inst.tFixedVeh[n]! >= 0) return false;
    let r1 = sol.routes[sol.routeOf[c]!]!;
    let r2 = sol.routes[sol.routeOf[n]!]!;
    if (!this.canHost(c, r2) || !this.canHost(n, r1)) return false;
    if (inst.tPartner[c] === n) return false;
    if (!this.loadOk(r1, [n], [c]) || !this.loadOk(r2, [c], [n])) return false;
    const i = r1.tasks.indexOf(c) + 1;
    const j = r2.tasks.indexOf(n) + 1;
    const v1 = r1.v;
    const v2 = r2.v;
    const a1 = this.loc(r1, i - 1);
    const b1 = this.loc(r1, i + 1);
    const a2 = this.loc(r2, j - 1);
    const b2 = this.loc(r2, j + 1);
    const lc = inst.tLoc[c]!;
    const ln = inst.tLoc[n]!;
    const delta =
      this.arc(v1, a1, ln) +
      this.arc(v1, ln, b1) -
      this.arc(v1, a1, lc) -
      this.arc(v1, lc, b1) +
      this.arc(v2, a2, lc) +
      this.arc(v2, lc, b2) -
      this.arc(v2, a2, ln) -
      this.arc(v2, ln, b2) +
      this.asg(n, v1) +
      this.asg(c, v2) -
      this.asg(c, v1) -
      this.asg(n, v2);
    if (delta >= -EPS) return false;
    if (!this.replaceOk(r1, i, n) || !this.replaceOk(r2, j, c)) return false;
    r1 = sol.own(r1.v);
    r2 = sol.own(r2.v);
    r1.tasks[i - 1] = n;
    r2.tasks[j - 1] = c;
    sol.routeOf[n] = v1;
    sol.routeOf[c] = v2;
    this.commit([r1, r2]);
    return true;
  }

  private replaceOk(r: Route, i: number, x: number): boolean {
    const inst = this.inst;
    const a = this.loc(r, i - 1);
    const b = this.loc(r, i + 1);
    const lx = inst.tLoc[x]!;
    const start = Math.max(
      r.early[i - 1]! + this.svc(r, i - 1) + inst.time[a * this.L + lx]!,
      this.sol.e[x]!,
    );
    if (start > this.sol.l[x]!) return false;
    return start + inst.tService[x]! + inst.time[lx * this.L + b]! <= r.late[i + 1]!;
  }

  /** 2-opt*: r1 = prefix of r1 up to c, then n and the rest of r2; r2 = prefix of r2 before n, then the rest of r1. */
  private twoOptStar(c: number, n: number): boolean {
    const inst = this.inst;
    const sol = this.sol;
    let r1 = sol.routes[sol.routeOf[c]!]!;
    let r2 = sol.routes[sol.routeOf[n]!]!;
    const v1 = r1.v;
    const v2 = r2.v;
    if (inst.vEnd[v1] !== inst.vEnd[v2] || inst.vClose[v1] !== inst.vClose[v2]) return false;
    if (inst.vDay[v1] !== inst.vDay[v2]) return false;
    const i = r1.tasks.indexOf(c) + 1;
    const j = r2.tasks.indexOf(n) + 1;
    const tail1 = r1.tasks.slice(i);
    const tail2 = r2.tasks.slice(j - 1);
    for (const t of tail2) if (inst.tFixedVeh[t]! >= 0 || !this.canHost(t, r1)) return false;
    for (const t of tail1) if (inst.tFixedVeh[t]! >= 0 || !this.canHost(t, r2)) return false;
    const lc = inst.tLoc[c]!;
    const ln = inst.tLoc[n]!;
    const b1 = this.loc(r1, i + 1);
    const a2 = this.loc(r2, j - 1);
    let delta = this.arc(v1, lc, ln) + this.arc(v2, a2, b1) - this.arc(v1, lc, b1) - this.arc(v2, a2, ln);
    if (inst.vCDist[v1] !== inst.vCDist[v2] || inst.vCTime[v1] !== inst.vCTime[v2]) {
      delta +=
        this.segCost(v1, tail2) - this.segCost(v2, tail2) + this.segCost(v2, tail1) - this.segCost(v1, tail1);
    } else {
      for (const t of tail2) delta += this.asg(t, v1) - this.asg(t, v2);
      for (const t of tail1) delta += this.asg(t, v2) - this.asg(t, v1);
    }
    const emptied2 = j === 1 && tail1.length === 0;
    if (emptied2) delta -= inst.vFixed[v2]! + this.arc(v2, a2, b1);
    if (delta >= -EPS) return false;
    if (!this.loadOk(r1, tail2, tail1) || !this.loadOk(r2, tail1, tail2)) return false;
    // Times: c then n.
    const dep1 = r1.early[i]! + inst.tService[c]!;
    if (dep1 + inst.time[lc * this.L + ln]! > r2.late[j]!) return false;
    const dep2 = r2.early[j - 1]! + this.svc(r2, j - 1);
    if (dep2 + inst.time[a2 * this.L + b1]! > r1.late[i + 1]!) return false;
    r1 = sol.own(r1.v);
    r2 = sol.own(r2.v);
    r1.tasks.length = i;
    r1.tasks.push(...tail2);
    r2.tasks.length = j - 1;
    r2.tasks.push(...tail1);
    for (const t of tail2) sol.routeOf[t] = v1;
    for (const t of tail1) sol.routeOf[t] = v2;
    this.commit([r1, r2]);
    return true;
  }
}

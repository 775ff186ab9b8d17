import { type Candidate, Inserter } from './insertion.ts';
import type { Instance } from './instance.ts';
import { localSearch } from './localsearch.ts';
import type { Rng } from './rng.ts';
import { type Route, Solution, scanRoute } from './solution.ts';

const INF = Number.POSITIVE_INFINITY;

export interface SearchOptions {
  rng: Rng;
  /** Deadline on the `now` clock (ms). */
  deadline: number;
  maxIterations: number;
  now: () => number;
  onProgress?: (bestCost: number, iterations: number, fraction: number) => void;
  initial?: Solution;
}

/**
 * Ruin-and-recreate search in the style of SISR (slack induction by string removals, Christiaens &
 * Vanden Berghe 2020) with simulated annealing, a route-minimisation phase for the fleet objective,
 * and a granular local search on every new best solution.
 */
export class Search {
  readonly ins: Inserter;
  private readonly cands: Candidate[] = [];
  private readonly candsB: Candidate[] = [];
  private readonly depotLoc: number;
  private readonly removedMark: Int32Array;
  private markStamp = 0;
  private readonly sortKey: Float64Array;
  iterations = 0;

  constructor(
    readonly inst: Instance,
    readonly rng: Rng,
  ) {
    this.ins = new Inserter(inst);
    this.ins.rng = rng;
    this.depotLoc = inst.nVeh > 0 ? inst.vStart[0]! : 0;
    this.removedMark = new Int32Array(inst.nVeh);
    this.sortKey = new Float64Array(inst.nTasks);
  }

  // ---------------------------------------------------------------- removal

  /** Removes c and its partner (if any) from the solution. Fixed tasks are never removed. */
  removeTask(sol: Solution, c: number, touched: Set<Route>): void {
    const inst = this.inst;
    if (inst.tFixedVeh[c]! >= 0 || sol.routeOf[c]! < 0) return;
    const r = sol.detach(c);
    if (r) touched.add(r);
    sol.unpin(c);
    const p = inst.tPartner[c]!;
    if (p >= 0) {
      sol.unpin(p);
      if (sol.routeOf[p]! >= 0 && inst.tFixedVeh[p]! < 0) {
        const rp = sol.detach(p);
        if (rp) touched.add(rp);
      }
    }
  }

  /** Recomputes touched routes; a route that became infeasible (non-metric travel) is emptied. */
  refresh(sol: Solution, touched: Set<Route>): void {
    for (const r of touched) {
      if (!sol.update(r)) {
        for (const c of r.tasks.slice()) {
          if (this.inst.tFixedVeh[c]! < 0) this.removeTask(sol, c, new Set());
        }
        sol.update(r);
      }
    }
  }

  /** SISR string removal around a random seed task. */
  ruin(sol: Solution, avgRemoved: number, maxString: number): void {
    const inst = this.inst;
    const rng = this.rng;
    const n = inst.nTasks;
    let seed = -1;
    for (let k = 0; k < 50; k++) {
      const c = rng.int(n);
      if (sol.routeOf[c]! >= 0 && inst.tFixedVeh[c]! < 0) {
        seed = c;
        break;
      }
    }
    if (seed < 0) return;
    const assigned = n - sol.unassigned.length;
    const avgLen = sol.nonEmpty > 0 ? assigned / sol.nonEmpty : 1;
    const lsMax = Math.min(maxString, avgLen);
    const ksMax = (4 * avgRemoved) / (1 + lsMax) - 1;
    const ks = Math.floor(rng.next() * ksMax) + 1;
    this.markStamp++;
    let ruined = 0;
    const touched = new Set<Route>();
    const nb = inst.neighbors[seed]!;
    for (let k = -1; k < nb.length && ruined < ks; k++) {
      const c = k < 0 ? seed : nb[k]!;
      const v = sol.routeOf[c]!;
      if (v < 0 || this.removedMark[v] === this.markStamp) continue;
      const r = sol.routes[v]!;
      const len = r.tasks.length;
      const lMax = Math.min(len, lsMax);
      const l = Math.floor(rng.next() * lMax) + 1;
      const pos = r.tasks.indexOf(c);
      let toRemove: number[];
      if (l === len || rng.next() < 0.5) {
        const first = Math.max(0, Math.min(pos - rng.int(l), len - l));
        toRemove = r.tasks.slice(first, first + l);
      } else {
        // Split string: a string of l + m tasks around c keeps m consecutive tasks.
        let m = 1;
        while (l + m < len && rng.next() < 0.5) m++;
        const total = l + m;
        const first = Math.max(0, Math.min(pos - rng.int(total), len - total));
        const keepAt = first + rng.int(l + 1);
        toRemove = [];
        for (let i = first; i < first + total; i++) {
          if (i < keepAt || i >= keepAt + m) toRemove.push(r.tasks[i]!);
        }
      }
      for (const t of toRemove) this.removeTask(sol, t, touched);
      this.removedMark[v] = this.markStamp;
      ruined++;
    }
    this.refresh(sol, touched);
  }

  /** Removes every task of a route (for route minimisation). */
  removeRoute(sol: Solution, r: Route): void {
    const touched = new Set<Route>();
    for (const c of r.tasks.slice()) this.removeTask(sol, c, touched);
    this.refresh(sol, touched);
  }

  // ---------------------------------------------------------------- insertion

  /** Inserts a linked pair jointly (both start at compatible times, different staff). */
  insertPair(sol: Solution, a: number, maxRoutes: number): boolean {
    const inst = this.inst;
    const b = inst.tPartner[a]!;
    const ca = this.cands;
    const cb = this.candsB;
    ca.length = 0;
    cb.length = 0;
    this.ins.collect(sol, a, maxRoutes, ca);
    this.ins.collect(sol, b, maxRoutes, cb);
    if (ca.length === 0 || cb.length === 0) return false;
    ca.sort((x, y) => x.delta - y.delta);
    cb.sort((x, y) => x.delta - y.delta);
    const lo = inst.tSyncLo[b]!;
    const hi = inst.tSyncHi[b]!;
    const limit = inst.simple ? 200 : 25;
    let bestCost = INF;
    let bx: Candidate | null = null;
    let by: Candidate | null = null;
    let bTa = 0;
    let bTb = 0;
    const seq: number[] = [];
    for (let i = 0; i < Math.min(ca.length, limit); i++) {
      const x = ca[i]!;
      if (x.delta >= bestCost) break;
      for (let j = 0; j < Math.min(cb.length, limit); j++) {
        const y = cb[j]!;
        if (x.delta + y.delta >= bestCost) break;
        if (x.r === y.r || inst.vStaff[x.r] === inst.vStaff[y.r] || inst.vDay[x.r] !== inst.vDay[y.r])
          continue;
        const ta = Math.max(x.E, y.E - hi);
        const tb = Math.max(y.E, ta + lo);
        if (ta > x.L || tb > y.L || tb > ta + hi) continue;
        let cost = x.delta + y.delta;
        if (!inst.simple) {
          // Verify both routes with the pinned start times.
          const pa = sol.pin[a]!;
          const pb = sol.pin[b]!;
          sol.pin[a] = ta;
          sol.pin[b] = tb;
          const ra = sol.routes[x.r]!;
          const rb = sol.routes[y.r]!;
          seq.length = 0;
          seq.push(...ra.tasks);
          seq.splice(x.pos, 0, a);
          const costA = scanRoute(inst, sol.pin, x.r, seq, seq.length, null);
          seq.length = 0;
          seq.push(...rb.tasks);
          seq.splice(y.pos, 0, b);
          const costB = scanRoute(inst, sol.pin, y.r, seq, seq.length, null);
          sol.pin[a] = pa;
          sol.pin[b] = pb;
          cost = costA - ra.cost + costB - rb.cost;
        }
        if (cost < bestCost) {
          bestCost = cost;
          bx = x;
          by = y;
          bTa = ta;
          bTb = tb;
        }
      }
    }
    if (!bx || !by) return false;
    if (inst.simple && this.rng.next() < 0.5) {
      // Any common start in the feasible range keeps both routes feasible: vary it so that later
      // insertions around the pair are not always blocked by the earliest choice.
      const hiA = Math.min(bx.L, by.L - lo);
      if (hiA > bTa) {
        bTa += this.rng.next() * (hiA - bTa);
        bTb = Math.max(by.E, bTa + lo);
      }
    }
    sol.setPin(a, bTa);
    sol.setPin(b, bTb);
    sol.insert(a, sol.routes[bx.r]!, bx.pos);
    sol.insert(b, sol.routes[by.r]!, by.pos);
    return true;
  }

  /** Inserts one task (or its pair) at its best position; false if impossible. */
  insertOne(sol: Solution, c: number, maxRoutes: number): boolean {
    const inst = this.inst;
    const p = inst.tPartner[c]!;
    if (p >= 0 && sol.routeOf[p]! < 0) return this.insertPair(sol, c, maxRoutes);
    if (!this.ins.findBest(sol, c, maxRoutes)) return false;
    const best = this.ins.best;
    sol.insert(c, sol.routes[best.r]!, best.pos);
    return true;
  }

  /** SISR recreate: insert the unassigned tasks in a random-criterion order, with blinks. */
  recreate(sol: Solution, maxRoutes: number, blink: number): void {
    const inst = this.inst;
    const rng = this.rng;
    const todo = sol.unassigned.slice();
    const key = this.sortKey;
    const u = rng.next() * 13;
    const L = inst.nLoc;
    for (const c of todo) {
      let k: number;
      if (u < 4) k = rng.next();
      else if (u < 8) {
        let dem = 0;
        for (let d = 0; d < inst.dims; d++) dem += inst.tDemand[c * inst.dims + d]!;
        k = -dem;
      } else if (u < 10) k = -inst.dist[this.depotLoc * L + inst.tLoc[c]!]!;
      else if (u < 11) k = inst.dist[this.depotLoc * L + inst.tLoc[c]!]!;
      else k = sol.l[c]! - sol.e[c]!;
      // Higher priority first (linked pairs take their turn like any other task).
      k -= inst.tPenalty[c]! * 1e-3;
      key[c] = k;
    }
    todo.sort((a, b) => key[a]! - key[b]! || a - b);
    this.ins.blink = blink;
    for (const c of todo) {
      if (sol.routeOf[c]! >= 0) continue;
      this.insertOne(sol, c, maxRoutes);
    }
    this.ins.blink = 0;
  }

  // ---------------------------------------------------------------- construction

  /** Places fixed tasks, then builds the rest with regret-2 insertion. */
  construct(sol: Solution, maxRoutes: number): void {
    const inst = this.inst;
    this.placeFixed(sol);
    // Linked pairs next: they are the most constrained.
    for (const c of sol.unassigned.slice()) {
      if (inst.tPartner[c]! >= 0 && sol.routeOf[c]! < 0) this.insertPair(sol, c, maxRoutes);
    }
    // Regret costs O(n²) route evaluations; large instances with exact route scans use the
    // cheaper sequential best insertion instead.
    if (inst.simple || inst.nTasks <= 400) this.regret(sol, maxRoutes);
    else this.recreate(sol, maxRoutes, 0);
  }

  /** Puts fixed tasks in their routes, ordered by their fixed start. */
  placeFixed(sol: Solution): void {
    const inst = this.inst;
    const fixed = sol.unassigned.filter((c) => inst.tFixedVeh[c]! >= 0);
    fixed.sort((a, b) => inst.tFixedStart[a]! - inst.tFixedStart[b]!);
    for (const c of fixed) {
      const r = sol.own(inst.tFixedVeh[c]!);
      r.tasks.push(c);
      if (r.tasks.length === 1) sol.nonEmpty++;
      sol.routeOf[c] = r.v;
      sol.unassigned.splice(sol.unassigned.indexOf(c), 1);
    }
    for (const r of sol.routes) sol.update(r);
  }

  /** Regret-2 insertion with per-route cached best insertions. */
  regret(sol: Solution, maxRoutes: number): void {
    const inst = this.inst;
    const nV = inst.nVeh;
    const pending = sol.unassigned.filter((c) => inst.tPartner[c]! < 0);
    if (pending.length === 0) return;
    const nT = inst.nTasks;
    const cache = new Float64Array(nT * nV).fill(INF);
    const ins = this.ins;
    const one = (c: number, r: Route) => {
      // Evaluate only this route: temporarily restrict candidate routes.
      const save = sol.routes;
      sol.routes = [r];
      const ok = ins.findBest(
        sol,
        c,
        r.tasks.length === 0 ? Math.max(maxRoutes, sol.nonEmpty + 1) : maxRoutes,
      );
      sol.routes = save;
      cache[c * nV + r.v] = ok ? ins.best.delta : INF;
    };
    for (const c of pending) for (const r of sol.routes) one(c, r);
    const classSeen = new Int32Array(nV + 1);
    let stamp = 0;
    const active = new Set(pending);
    while (active.size > 0) {
      let pick = -1;
      let pickRegret = -INF;
      let pickBest = INF;
      for (const c of active) {
        stamp++;
        let b1 = INF;
        let b2 = INF;
        for (const r of sol.routes) {
          if (r.tasks.length === 0) {
            if (sol.nonEmpty >= maxRoutes) continue;
            const k = inst.vClass[r.v]!;
            if (classSeen[k] === stamp) continue;
            classSeen[k] = stamp;
          }
          const d = cache[c * nV + r.v]!;
          if (d < b1) {
            b2 = b1;
            b1 = d;
          } else if (d < b2) b2 = d;
        }
        if (b1 === INF) continue;
        const reg = (b2 === INF ? 1e15 : b2 - b1) + inst.tPenalty[c]! * 1e-6;
        if (reg > pickRegret || (reg === pickRegret && b1 < pickBest)) {
          pick = c;
          pickRegret = reg;
          pickBest = b1;
        }
      }
      if (pick < 0) break;
      active.delete(pick);
      // Find the route again and insert.
      if (!ins.findBest(sol, pick, maxRoutes)) continue;
      sol.insert(pick, sol.routes[ins.best.r]!, ins.best.pos);
      const r = sol.routes[ins.best.r]!;
      for (const c of active) one(c, r);
    }
  }

  // ---------------------------------------------------------------- search

  private temperature(frac: number, t0: number, tf: number): number {
    return t0 * (tf / t0) ** Math.min(1, frac);
  }

  /** Route minimisation (SISR fleet minimisation with absence counters). */
  minimiseFleet(start: Solution, opts: SearchOptions, until: number, share = 0.7): Solution {
    const from = opts.now();
    const inst = this.inst;
    const rng = this.rng;
    let best = start;
    if (best.unassigned.length > 0 || best.nonEmpty <= 1) return best;
    let totalDemand = 0;
    let cap = INF;
    for (let c = 0; c < inst.nTasks; c++) totalDemand += inst.dims > 0 ? inst.tDemand[c * inst.dims]! : 0;
    if (inst.dims > 0) cap = inst.vCap[0]!;
    const lower = Math.max(1, Math.ceil(totalDemand / cap - 1e-9));
    const abs = new Float64Array(inst.nTasks);
    const sumAbs = (s: Solution) => {
      let x = 0;
      for (const c of s.unassigned) x += abs[c]!;
      return x;
    };
    const dropRoute = (s: Solution): Solution => {
      const cur = s.clone();
      // Remove a random route among the smaller half.
      const nonEmpty = cur.routes.filter((r) => r.tasks.length > 0);
      nonEmpty.sort((a, b) => a.tasks.length - b.tasks.length || a.v - b.v);
      const r = nonEmpty[rng.int(Math.max(1, Math.ceil(nonEmpty.length / 3)))]!;
      this.removeRoute(cur, r);
      return cur;
    };
    if (best.nonEmpty <= lower) return best;
    let cur = dropRoute(best);
    let maxRoutes = cur.nonEmpty;
    while (opts.now() < until && this.iterations < opts.maxIterations) {
      this.iterations++;
      const s = cur.clone();
      this.ruin(s, 10, 10);
      this.recreate(s, maxRoutes, 0.01);
      for (const c of s.unassigned) abs[c]!++;
      if (s.unassigned.length < cur.unassigned.length || sumAbs(s) < sumAbs(cur)) cur = s;
      if (cur.unassigned.length === 0) {
        best = cur;
        opts.onProgress?.(
          best.cost(),
          this.iterations,
          (share * (opts.now() - from)) / Math.max(1, until - from),
        );
        if (best.nonEmpty <= lower) break;
        cur = dropRoute(best);
        maxRoutes = cur.nonEmpty;
      }
    }
    return best;
  }

  run(opts: SearchOptions): Solution {
    const inst = this.inst;
    const start = opts.now();
    const total = Math.max(1, opts.deadline - start);
    let sol = opts.initial ?? new Solution(inst);
    if (!opts.initial) this.construct(sol, inst.nVeh);
    else this.recreate(sol, inst.nVeh, 0);
    let maxRoutes = inst.nVeh;
    if (inst.fleet) {
      sol = this.minimiseFleet(sol, opts, start + total * 0.7);
      maxRoutes = Math.max(sol.nonEmpty, 1);
    }
    localSearch(sol, this);
    let best = sol;
    let bestCost = best.cost();
    let cur = sol;
    let curCost = bestCost;
    const t0 = 10 * inst.arcScale;
    const tf = 0.1 * inst.arcScale;
    const phaseStart = opts.now();
    const phaseLen = Math.max(1, opts.deadline - phaseStart);
    let lastReport = phaseStart;
    opts.onProgress?.(bestCost, this.iterations, (phaseStart - start) / total);
    while (this.iterations < opts.maxIterations) {
      const now = opts.now();
      if (now >= opts.deadline) break;
      const frac =
        opts.maxIterations < INF && opts.deadline === INF
          ? this.iterations / opts.maxIterations
          : Math.max(
              (now - phaseStart) / phaseLen,
              opts.maxIterations < INF ? this.iterations / opts.maxIterations : 0,
            );
      this.iterations++;
      const s = cur.clone();
      this.ruin(s, 10, 10);
      this.recreate(s, maxRoutes, 0.01);
      const c = s.cost();
      const temp = this.temperature(frac, t0, tf);
      if (c < curCost - temp * Math.log(this.rng.next())) {
        cur = s;
        curCost = c;
        if (c < bestCost - 1e-9) {
          localSearch(cur, this);
          curCost = cur.cost();
          best = cur;
          bestCost = curCost;
        }
      }
      if (opts.onProgress && now - lastReport > 100) {
        lastReport = now;
        opts.onProgress(bestCost, this.iterations, (now - start) / total);
      }
    }
    return this.fillGaps(best, maxRoutes);
  }

  /**
   * Final insertion pass: the search's recreate step skips positions at random ("blinks") and the
   * best solution may come from such a step, so a visit can be left out although it fits into a
   * route as it stands. Try every unplanned task once more, most important first, without blinks,
   * and keep the result only if it is cheaper (an insertion may cost more than leaving an optional
   * visit out).
   */
  fillGaps(best: Solution, maxRoutes: number): Solution {
    if (best.unassigned.length === 0) return best;
    const inst = this.inst;
    const filled = best.clone();
    const todo = filled.unassigned
      .filter((c) => inst.tFixedVeh[c]! < 0)
      .sort((a, b) => inst.tPenalty[b]! - inst.tPenalty[a]! || a - b);
    this.ins.blink = 0;
    for (const c of todo) {
      if (filled.routeOf[c]! >= 0) continue;
      this.insertOne(filled, c, maxRoutes);
    }
    localSearch(filled, this);
    return filled.cost() < best.cost() - 1e-9 ? filled : best;
  }
}

/**
 * Parallel solving: with threads > 1 the same problem is solved in worker threads with different
 * seeds (a portfolio) and the best plan wins. Deterministic for a seed and an iteration budget.
 */
import { Worker } from 'node:worker_threads';
import { type Compiled, compile } from './compile.ts';
import type { Problem, Progress, SolveOptions } from './model.ts';
import { solveCompiled } from './solve.ts';
import { Solution } from './solver/solution.ts';

/** A solution in a form that crosses thread boundaries. */
export interface SolutionData {
  routes: number[][];
  /** Pinned start per task, null if free. */
  pins: (number | null)[];
  cost: number;
}

export interface ParallelOptions extends Omit<SolveOptions, 'onProgress' | 'now'> {
  threads?: number;
  onProgress?: (p: Progress) => void;
}

export interface ParallelResult {
  data: SolutionData;
  iterations: number;
  seconds: number;
  solutionFor(compiled: Compiled): Solution;
}

export function toData(sol: Solution): SolutionData {
  return {
    routes: sol.routes.map((r) => r.tasks.slice()),
    pins: Array.from(sol.pin, (x) => (!Number.isNaN(x) ? x : null)),
    cost: sol.cost(),
  };
}

export function fromData(compiled: Compiled, data: SolutionData): Solution {
  const sol = new Solution(compiled.inst);
  data.pins.forEach((p, c) => {
    if (p !== null) sol.setPin(c, p);
  });
  data.routes.forEach((tasks, v) => {
    const r = sol.own(v);
    for (const c of tasks) {
      r.tasks.push(c);
      sol.routeOf[c] = v;
    }
    if (tasks.length > 0) sol.nonEmpty++;
    sol.update(r);
  });
  sol.unassigned = sol.unassigned.filter((c) => sol.routeOf[c]! < 0);
  return sol;
}

function result(data: SolutionData, iterations: number, seconds: number): ParallelResult {
  return { data, iterations, seconds, solutionFor: (compiled) => fromData(compiled, data) };
}

/**
 * From the bundled CLI (`dist/plan.mjs`) the worker entry is the bundled `dist/worker.mjs`.
 * Otherwise the entry is TypeScript, so the worker first registers the tsx loader (resolved from
 * this module, as when the planner itself runs under `node --import tsx` or vitest).
 */
function workerBootstrap(): string {
  if (import.meta.url.endsWith('.mjs')) {
    return `import(${JSON.stringify(new URL('./worker.mjs', import.meta.url).href)});`;
  }
  const entry = new URL('./worker.ts', import.meta.url).href;
  let tsx: string | null = null;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    // No tsx: the runtime is expected to load TypeScript itself (e.g. a type-stripping Node).
  }
  return tsx
    ? `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`
    : `import(${JSON.stringify(entry)});`;
}

export async function solveParallel(
  problem: Problem,
  options: ParallelOptions = {},
): Promise<ParallelResult> {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const seed = options.seed ?? 1;
  const { threads: _t, onProgress, ...rest } = options;
  if (threads === 1) {
    const compiled = compile(problem);
    const r = solveCompiled(compiled, { ...rest, seed, ...(onProgress ? { onProgress } : {}) });
    return result(toData(r.solution), r.iterations, r.seconds);
  }
  const t0 = performance.now();
  // Workers take a moment to start: they share one absolute deadline.
  const deadline = performance.timeOrigin + t0 + (rest.timeLimit ?? 5) * 1000;
  let bestSoFar = Number.POSITIVE_INFINITY;
  const runs = Array.from({ length: threads }, (_, k) => {
    const worker = new Worker(workerBootstrap(), {
      eval: true,
      workerData: { problem, options: { ...rest, seed: seed + k * 7919 }, deadline },
    });
    return new Promise<{ data: SolutionData; iterations: number }>((resolve, reject) => {
      worker.on(
        'message',
        (m: { type: string; progress?: Progress; data?: SolutionData; iterations?: number }) => {
          if (m.type === 'progress' && m.progress && onProgress) {
            if (m.progress.bestCost < bestSoFar) bestSoFar = m.progress.bestCost;
            onProgress({ ...m.progress, bestCost: bestSoFar });
          } else if (m.type === 'done' && m.data) {
            resolve({ data: m.data, iterations: m.iterations ?? 0 });
            void worker.terminate();
          }
        },
      );
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`planner worker exited with code ${code}`));
      });
    });
  });
  const all = await Promise.all(runs);
  let best = all[0]!;
  for (const r of all) if (r.data.cost < best.data.cost - 1e-9) best = r;
  const iterations = all.reduce((s, r) => s + r.iterations, 0);
  return result(best.data, iterations, (performance.now() - t0) / 1000);
}

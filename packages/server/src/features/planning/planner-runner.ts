import { Worker } from 'node:worker_threads';
import type { Plan, Problem, Progress } from '@hearth/planner';

export interface PlannerJob {
  problem: Problem;
  previous?: Plan;
  timeLimitSeconds: number;
}

/**
 * The worker entry is TypeScript: the worker registers the tsx loader first (resolved from this
 * module), so it runs the same under `node --import tsx` and under vitest.
 */
function bootstrap(): string {
  const entry = new URL('./planner.worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
}

/**
 * Solves in a worker thread so the HTTP server stays responsive; progress arrives as it searches.
 * Aborting (the run was taken over or discarded) stops the thread and rejects.
 */
export function runPlanner(
  job: PlannerJob,
  onProgress: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<Plan> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(), { eval: true, workerData: job });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: { type: string; progress?: Progress; plan?: Plan; message?: string }) => {
      if (m.type === 'progress' && m.progress) onProgress(m.progress);
      else if (m.type === 'done' && m.plan) finish(() => resolve(m.plan!));
      else if (m.type === 'error') finish(() => reject(new Error(m.message)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`planner worker stopped (${code})`))));
    signal?.addEventListener('abort', () => finish(() => reject(new Error('planning stopped'))), {
      once: true,
    });
  });
}

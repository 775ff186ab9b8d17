import type { Plan, Problem, Progress } from '@hearth/planner';
import { typeScriptWorker } from '../../platform/ts-worker.ts';

export interface PlannerJob {
  problem: Problem;
  previous?: Plan;
  timeLimitSeconds: number;
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
    const worker = typeScriptWorker(new URL('./planner.worker.ts', import.meta.url), job);
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

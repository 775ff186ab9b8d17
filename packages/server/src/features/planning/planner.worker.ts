/** Worker thread: runs the planner off the HTTP thread and posts progress and the plan back. */

import { parentPort, workerData } from 'node:worker_threads';
import { replan, solve } from '@hearth/planner';
import type { PlannerJob } from './planner-runner.ts';

const job = workerData as PlannerJob;
const onProgress = (progress: unknown) => parentPort?.postMessage({ type: 'progress', progress });
try {
  const options = { timeLimit: job.timeLimitSeconds, seed: 1, onProgress };
  const plan = job.previous ? replan(job.problem, job.previous, options) : solve(job.problem, options);
  parentPort?.postMessage({ type: 'done', plan });
} catch (err) {
  parentPort?.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}

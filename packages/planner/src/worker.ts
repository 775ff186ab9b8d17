/** Worker thread entry: solves one seed of a portfolio and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { compile } from './compile.ts';
import type { Problem, SolveOptions } from './model.ts';
import { solveCompiled } from './solve.ts';
import { toData } from './workers.ts';

const { problem, options, deadline } = workerData as {
  problem: Problem;
  options: SolveOptions;
  deadline: number;
};
const compiled = compile(problem);
// Leave a few milliseconds to send the result back.
const timeLimit = Math.max(0.01, (deadline - performance.timeOrigin - performance.now() - 20) / 1000);
const r = solveCompiled(compiled, {
  ...options,
  ...(options.maxIterations === undefined || options.timeLimit !== undefined ? { timeLimit } : {}),
  onProgress: (progress) => parentPort?.postMessage({ type: 'progress', progress }),
});
parentPort?.postMessage({ type: 'done', data: toData(r.solution), iterations: r.iterations });

import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { parseSolomon, solomonToProblem } from './readers/solomon.ts';
import { toPlan } from './solve.ts';
import { checkPlan } from './testing/check.ts';
import { solveParallel } from './workers.ts';

const lines = ['W', 'VEHICLE', 'NUMBER CAPACITY', '  5  50', 'CUSTOMER', '    0  50  50  0  0  1000  0'];
for (let i = 1; i <= 25; i++) lines.push(`  ${i}  ${(i * 37) % 100}  ${(i * 61) % 100}  5  0  900  10`);

describe('worker threads', () => {
  it('solves on two threads and keeps the best plan', async () => {
    const problem = solomonToProblem(parseSolomon(lines.join('\n')));
    const res = await solveParallel(problem, { threads: 2, maxIterations: 100, seed: 3 });
    // Both workers ran their full iteration budget.
    expect(res.iterations).toBeGreaterThanOrEqual(200);
    const compiled = compile(problem);
    const plan = toPlan(compiled, res.solutionFor(compiled), res.iterations, res.seconds);
    expect(plan.unassigned).toEqual([]);
    expect(checkPlan(problem, plan)).toEqual([]);
  }, 20_000);
});

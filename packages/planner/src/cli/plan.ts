/**
 * Command line: `node packages/planner/bin/plan.mjs <file> [--format solomon|hearth]
 * [--objective distance|fleet] [--time-limit <seconds>] [--iterations <n>] [--seed <n>]
 * [--threads <n>]` prints one JSON object on stdout. With `--iterations` and no `--time-limit`
 * the search stops after that many iterations per thread, so the result does not depend on how
 * busy the machine is.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compile } from '../compile.ts';
import type { Problem } from '../model.ts';
import { parseSolomon, solomonToProblem } from '../readers/solomon.ts';
import { toPlan } from '../solve.ts';
import { validateProblem } from '../validate.ts';
import { solveParallel } from '../workers.ts';

function usage(msg: string): never {
  process.stderr.write(
    `${msg}\nusage: plan <file> [--format solomon|hearth] [--objective distance|fleet] [--time-limit <s>] [--iterations <n>] [--seed <n>] [--threads <n>]\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let file: string | undefined;
  const opt: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      const val = inline ?? args[++i];
      if (val === undefined) usage(`missing value for --${k}`);
      opt[k] = val;
    } else if (!file) file = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!file) usage('missing <file>');
  for (const k of Object.keys(opt)) {
    if (!['format', 'objective', 'time-limit', 'iterations', 'seed', 'threads'].includes(k))
      usage(`unknown option --${k}`);
  }
  const text = readFileSync(file, 'utf8');
  const format = opt.format ?? (file.endsWith('.json') ? 'hearth' : 'solomon');
  if (format !== 'solomon' && format !== 'hearth') usage('--format must be solomon or hearth');
  const objective = opt.objective;
  if (objective !== undefined && objective !== 'distance' && objective !== 'fleet') {
    usage('--objective must be distance or fleet');
  }
  const iterations = opt.iterations !== undefined ? Number(opt.iterations) : undefined;
  const timeLimit =
    opt['time-limit'] !== undefined ? Number(opt['time-limit']) : iterations === undefined ? 5 : undefined;
  const seed = opt.seed !== undefined ? Number(opt.seed) : 1;
  const threads = opt.threads !== undefined ? Number(opt.threads) : 1;
  if (timeLimit !== undefined && !(timeLimit > 0)) usage('--time-limit must be a positive number');
  if (iterations !== undefined && !(Number.isInteger(iterations) && iterations > 0))
    usage('--iterations must be a positive integer');
  if (!Number.isInteger(seed)) usage('--seed must be an integer');
  if (!Number.isInteger(threads) || threads < 1) usage('--threads must be a positive integer');

  let problem: Problem;
  if (format === 'solomon') {
    problem = solomonToProblem(parseSolomon(text), objective ?? 'distance');
  } else {
    const json: unknown = JSON.parse(text);
    const v = validateProblem(json);
    if (!v.ok) {
      process.stderr.write(
        `${file}: invalid problem\n${v.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}\n`,
      );
      process.exit(1);
    }
    problem = v.problem;
    if (objective) problem = { ...problem, objective: { ...problem.objective, preset: objective } };
  }
  const result = await solveParallel(problem, {
    seed,
    threads,
    ...(timeLimit !== undefined ? { timeLimit } : {}),
    ...(iterations !== undefined ? { maxIterations: iterations } : {}),
  });
  const compiled = compile(problem);
  const plan = toPlan(compiled, result.solutionFor(compiled), result.iterations, result.seconds);
  const out = {
    instance: problem.name ?? basename(file),
    objective: problem.objective?.preset ?? 'care',
    vehicles: plan.vehicles,
    distance: plan.distance,
    routes: plan.routes.map((r) => r.stops.map((s) => (format === 'solomon' ? Number(s.visit) : s.visit))),
    unassigned: plan.unassigned.map((u) => (format === 'solomon' ? Number(u.visit) : u.visit)),
    seconds: result.seconds,
    ...(format === 'hearth' ? { plan } : {}),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

/**
 * Benchmark: `npm run bench:planner -- --set solomon|homberger200|mankowska|uhhc
 * [--time-limit s] [--objective distance|fleet] [--threads n] [--seed n] [--only name,...]`.
 * Solves every instance of a set, re-checks each solution with the independent evaluator and
 * prints a per-instance table with the gap to the best-known solutions of the same objective.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile.ts';
import { parseSolomon, solomonToProblem } from '../readers/solomon.ts';
import { toPlan } from '../solve.ts';
import { solveParallel } from '../workers.ts';
import { evaluateVrptw } from './evaluate.ts';
import { runHhc } from './hhc.ts';
import { runScale } from './scale.ts';

const DATA = new URL('../../../../../shared/benchdata/', import.meta.url).pathname;

function args(): Record<string, string> {
  const a = process.argv.slice(2);
  const out: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const k = a[i]!;
    if (!k.startsWith('--')) throw new Error(`unexpected argument ${k}`);
    const [key, inline] = k.slice(2).split('=', 2) as [string, string | undefined];
    const v = inline ?? a[++i];
    if (v === undefined) throw new Error(`missing value for --${key}`);
    out[key] = v;
  }
  return out;
}

export function readCsv(path: string): Map<string, Record<string, string>> {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const out = new Map<string, Record<string, string>>();
  for (const l of lines.slice(1)) {
    const f = l.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((x) => x.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
    const row: Record<string, string> = {};
    head.forEach((h, i) => {
      row[h] = f[i] ?? '';
    });
    out.set(row[head[0]!]!, row);
  }
  return out;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

async function vrptw(set: 'solomon' | 'homberger200', o: Record<string, string>): Promise<void> {
  const objective = (o.objective ?? 'distance') as 'distance' | 'fleet';
  const timeLimit = Number(o['time-limit'] ?? (set === 'solomon' ? 5 : 20));
  const threads = Number(o.threads ?? 2);
  const seed = Number(o.seed ?? 1);
  const dir = join(DATA, set);
  const only = o.only ? new Set(o.only.split(',')) : null;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .filter((f) => !only || only.has(f.replace(/\.txt$/, '')));
  const bksFile =
    objective === 'fleet'
      ? 'bks.csv'
      : set === 'solomon'
        ? 'bks_distance_checked.csv'
        : 'bks_dimacs_exact_eval.csv';
  const bks = readCsv(join(dir, bksFile));
  console.log(
    `# set=${set} objective=${objective} time-limit=${timeLimit}s threads=${threads} seed=${seed} reference=${bksFile}`,
  );
  console.log(
    `${'instance'.padEnd(10)} ${pad('veh', 4)} ${pad('distance', 10)} ${pad('bks_veh', 7)} ${pad('bks_dist', 10)} ${pad('gap%', 7)} ${pad('sec', 6)} feasible`,
  );
  const gaps: number[] = [];
  let veh = 0;
  let bksVeh = 0;
  let secs = 0;
  let allFeasible = true;
  for (const f of files) {
    const name = f.replace(/\.txt$/, '');
    const text = readFileSync(join(dir, f), 'utf8');
    const problem = solomonToProblem(parseSolomon(text), objective);
    const res = await solveParallel(problem, { timeLimit, threads, seed });
    const compiled = compile(problem);
    const plan = toPlan(compiled, res.solutionFor(compiled), res.iterations, res.seconds);
    const routes = plan.routes.map((r) => r.stops.map((s) => Number(s.visit)));
    const ev = evaluateVrptw(text, routes);
    const ref = bks.get(name);
    const refDist = Number(ref?.distance ?? ref?.exact_distance ?? Number.NaN);
    const refVeh = Number(ref?.vehicles ?? ref?.routes ?? Number.NaN);
    const gap = ((ev.distance - refDist) / refDist) * 100;
    gaps.push(gap);
    veh += ev.vehicles;
    bksVeh += refVeh;
    secs += res.seconds;
    allFeasible &&= ev.feasible;
    console.log(
      `${name.padEnd(10)} ${pad(ev.vehicles, 4)} ${pad(ev.distance.toFixed(2), 10)} ${pad(refVeh, 7)} ${pad(refDist.toFixed(2), 10)} ${pad(gap.toFixed(2), 7)} ${pad(res.seconds.toFixed(2), 6)} ${ev.feasible ? 'yes' : `NO ${ev.errors.slice(0, 3).join('; ')}`}`,
    );
  }
  const mean = gaps.reduce((s, g) => s + g, 0) / Math.max(1, gaps.length);
  console.log(
    `# instances=${files.length} mean_gap=${mean.toFixed(3)}% vehicles=${veh} (bks ${bksVeh}) mean_seconds=${(secs / Math.max(1, files.length)).toFixed(2)} all_feasible=${allFeasible}`,
  );
}

async function main(): Promise<void> {
  const o = args();
  const set = o.set;
  if (set === 'solomon' || set === 'homberger200') await vrptw(set, o);
  else if (set === 'mankowska' || set === 'uhhc') await runHhc(set, o, DATA);
  else if (set === 'scale') await runScale(o);
  else throw new Error('--set must be solomon, homberger200, mankowska, uhhc or scale');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});

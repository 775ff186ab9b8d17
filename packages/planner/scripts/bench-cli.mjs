// `npm run bench:planner-cli`: how long a planner CLI call spends before and after solving.
// Runs the bundled CLI and the TypeScript-loader way on one small Solomon-format instance with a
// one-iteration budget, several times each, next to a bare `node -e ''`, and prints medians.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 7);

// A 10-customer instance in Solomon's text format (made up here; the format is the public one).
const lines = [
  'TINY',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  5         200',
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  '',
  '    0      40         50          0          0       1236          0',
];
for (let i = 1; i <= 10; i++)
  lines.push(
    `    ${i}      ${20 + i * 3}         ${30 + ((i * 7) % 40)}          10          0       1000          10`,
  );
const file = join(mkdtempSync(join(tmpdir(), 'plan-bench-')), 'tiny.txt');
writeFileSync(file, `${lines.join('\n')}\n`);

function time(cmd, args) {
  const walls = [];
  const solves = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: join(root, '..', '..') });
    walls.push((performance.now() - t0) / 1000);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    const out = r.stdout.trim();
    if (out) solves.push(JSON.parse(out).seconds);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { wall: median(walls), solve: median(solves) };
}

// Build (or confirm) the bundle first so its one-off build time is not counted.
time('node', [join(root, 'bin/plan.mjs'), file, '--iterations', '1']);
const bare = time('node', ['-e', '']);
const bundled = time('node', [join(root, 'bin/plan.mjs'), file, '--iterations', '1']);
const loader = time('node', ['--import', 'tsx', join(root, 'src/cli/plan.ts'), file, '--iterations', '1']);
const row = (name, r) =>
  `${name.padEnd(26)} ${r.wall.toFixed(3).padStart(7)} ${r.solve.toFixed(3).padStart(7)} ${(r.wall - r.solve).toFixed(3).padStart(9)}`;
console.log(`# median of ${runs} runs; load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
console.log(
  `${'command'.padEnd(26)} ${'wall_s'.padStart(7)} ${'solve_s'.padStart(7)} ${'outside_s'.padStart(9)}`,
);
console.log(row("node -e ''", bare));
console.log(row('bin/plan.mjs (bundle)', bundled));
console.log(row('node --import tsx plan.ts', loader));

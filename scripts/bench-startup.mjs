#!/usr/bin/env node
// `npm run bench:startup`: how long a fresh embedded install takes from `npm start` to answering
// /api/health (new data folder, all migrations, demo seed), then a second start on the same
// folder. Prints the wall time and the server's own phase line for each.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.BENCH_PORT ?? 3990);
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-startup-'));

async function healthy() {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function timeOneStart(label) {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, HEARTH_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let phases = '';
  child.stdout.on('data', (chunk) => {
    const line = String(chunk)
      .split('\n')
      .find((l) => l.startsWith('Started in'));
    if (line) phases = line;
  });
  while (!(await healthy())) {
    if (performance.now() - started > 180_000) throw new Error('the server did not answer within 3 minutes');
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
  console.log(`${label.padEnd(28)} ${seconds.toFixed(1).padStart(6)} s   ${phases}`);
}

try {
  console.log('npm start until /api/health answers (embedded database)');
  await timeOneStart('fresh install (demo seeded)');
  await timeOneStart('second start');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

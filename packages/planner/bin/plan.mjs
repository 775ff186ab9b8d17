#!/usr/bin/env node
// The planner's command line, started as plain JavaScript: `node packages/planner/bin/plan.mjs`.
// Loading TypeScript through a loader costs about a second per call, so the CLI runs from a
// bundle in `dist/` that is rebuilt here whenever a source file is newer than it (the check
// reads file dates only, a few milliseconds).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'plan.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(join(root, 'src'))) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}
await import(bundle);

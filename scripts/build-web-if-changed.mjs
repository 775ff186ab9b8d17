#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
// `npm start` used to rebuild the web bundle on every start (about a minute on a busy 2-core
// machine). This builds it only when no bundle exists or when something it is built from has
// changed since the last build: a hash of those files is kept beside the bundle.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/web/dist');
const stampFile = join(dist, '.source-hash');

// everything the bundle is made from: the web app, the shared domain package, and the lockfile
const sources = ['packages/web', 'packages/domain/src', 'packages/domain/package.json', 'package-lock.json'];
const skipped = new Set(['node_modules', 'dist', 'test-results', '.vite']);

function* filesUnder(path) {
  const stat = statSync(path);
  if (stat.isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (skipped.has(entry)) continue;
    yield* filesUnder(join(path, entry));
  }
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const source of sources) {
    const path = join(root, source);
    if (!existsSync(path)) continue;
    for (const file of filesUnder(path)) {
      // tests do not go into the bundle; skipping them keeps a test edit from forcing a build
      if (/\.test\.tsx?$/.test(file)) continue;
      hash.update(relative(root, file));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

const wanted = sourceHash();
const built =
  existsSync(join(dist, 'index.html')) && existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (built === wanted && !process.argv.includes('--force')) {
  console.log('web bundle is up to date');
  process.exit(0);
}
const build = spawnSync('npm', ['run', '-w', '@hearth/web', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
writeFileSync(stampFile, wanted);

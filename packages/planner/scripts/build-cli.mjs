// Bundles the CLI and its worker-thread entry into plain JavaScript (`dist/plan.mjs`,
// `dist/worker.mjs`) so a call starts without a TypeScript loader.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli() {
  await build({
    entryPoints: { plan: join(root, 'src/cli/plan.ts'), worker: join(root, 'src/worker.ts') },
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();

// Type-checks every workspace that has TypeScript sources, one `tsc -p` per package, so a
// package's own tsconfig (DOM for web, Node for the rest) decides how it is checked.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const packages = ['packages/domain', 'packages/planner', 'packages/server', 'packages/web', 'e2e'];
const hasSources = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).some(
    (e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes('node_modules'),
  );

let failed = false;
for (const pkg of packages) {
  if (!existsSync(join(pkg, 'tsconfig.json')) || !hasSources(pkg)) continue;
  const result = spawnSync('npx', ['tsc', '-p', pkg], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
  else console.log(`typecheck ${pkg}: ok`);
}
process.exit(failed ? 1 : 0);

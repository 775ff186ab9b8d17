import { existsSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

// One vitest run covers every package; each package is a project so `--project server`
// can rerun the server suite alone (CI runs it again against PostgreSQL).
const projects = [
  { test: { name: 'domain', root: 'packages/domain', include: ['src/**/*.test.ts'] } },
  { test: { name: 'planner', root: 'packages/planner', include: ['src/**/*.test.ts'] } },
  {
    test: {
      name: 'server',
      root: 'packages/server',
      include: ['src/**/*.test.ts'],
      // `*.pg.test.ts` need a real PostgreSQL server (several processes on one database)
      exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? [] : ['src/**/*.pg.test.ts'])],
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
  { test: { name: 'web', root: 'packages/web', include: ['src/**/*.test.ts'] } },
].filter((p) => existsSync(p.test.root));

export default defineConfig({ test: { projects, passWithNoTests: true } });

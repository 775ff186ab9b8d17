import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { demoPassword } from './tests/demo.ts';

/**
 * Journeys in Debian's Chromium against the production build, served by the real server on a
 * fresh embedded database. `E2E_BASE_URL` points the tests at an already running service instead.
 */
const port = Number(process.env.E2E_PORT ?? 3111);
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://localhost:${port}`;
const dataDir = join(tmpdir(), `hearth-e2e-${port}`);

// Workers load this file too; only the runner (no TEST_WORKER_INDEX) starts from an empty database.
if (!external && process.env.TEST_WORKER_INDEX === undefined)
  rmSync(dataDir, { recursive: true, force: true });

export default defineConfig({
  testDir: './tests',
  // the journeys share one database and one login throttle, so they run one after another
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: external
    ? undefined
    : {
        command: 'node --import tsx packages/server/src/main.ts',
        cwd: resolve(import.meta.dirname, '..'),
        url: `${baseURL}/api/health`,
        env: {
          PORT: String(port),
          HEARTH_DATA_DIR: dataDir,
          HEARTH_DEMO_PASSWORD: demoPassword,
        },
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { tamperWithAuditEvent } from '../db/test-tamper.ts';
import { seedDemo } from '../demo/seed.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hearth-audit-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// this test's own anchor file, so no other database's anchors (same demo organization id) count
const anchorFile = join(dataDir, '..', `${dataDir.split(/[\\/]/).at(-1)}-anchors.json`);
afterAll(() => rmSync(anchorFile, { force: true }));

const runCli = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'audit-verify.ts')], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: env.DATABASE_URL ?? '',
      HEARTH_AUDIT_ANCHOR_FILE: anchorFile,
    },
    encoding: 'utf8',
  });

describe('npm run audit:verify', () => {
  // seeds the whole demo and starts the command twice (tsx each time): minutes on a busy machine
  it('exits 0 on an intact chain and 1 after an event was changed', { timeout: 240_000 }, async () => {
    const db = await openTestDatabase({ dataDir });
    try {
      await migrateToLatest(db.db);
      await seedDemo(db.db, 'demo-password-1', new Date('2026-11-23T09:00:00Z'));
      // PGlite holds its folder exclusively: let the command open it
      if (db.kind === 'pglite') await db.close();
      const intact = runCli(db.cliEnv);
      expect(intact.stdout + intact.stderr).toMatch(/chain intact/);
      expect(intact.status).toBe(0);

      const again = db.kind === 'pglite' ? await openTestDatabase({ dataDir }) : db;
      await tamperWithAuditEvent(again.db, 1);
      if (again.kind === 'pglite') await again.close();
      const broken = runCli(db.cliEnv);
      expect(broken.stderr).toMatch(/BROKEN at event 1/);
      expect(broken.status).toBe(1);
    } finally {
      await db.close().catch(() => {});
    }
  });
});

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteAuditTailBehindTheGuard,
  truncateAuditBehindTheGuard,
  tryToRemovePendingAudit,
  tryToTruncateAudit,
} from '../../db/test-tamper.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { recordAudit, sealOrganization } from './audit.service.ts';
import { readAnchors } from './audit-anchor.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const verify = async () => (await (await t.login('admin')).get('/api/v1/audit/verify')).body;

describe('audit sealing and anchoring', () => {
  it('appends without reading the chain, and the sealer chains events in order', async () => {
    const nurse = await t.login('nurse');
    const id = (await nurse.get('/api/v1/patients?limit=1')).body.items[0].id;
    await nurse.get(`/api/v1/patients/${id}`);
    expect(await sealOrganization(t.database.db, t.organizationId)).toBeGreaterThan(0);
    // nothing left: a second pass seals nothing
    expect(await sealOrganization(t.database.db, t.organizationId)).toBe(0);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null, anchoredSeq: null });
  });

  it('chains two transactions that append at the same time', async () => {
    const deps = t.hearth.deps;
    const append = (action: string) =>
      deps.db.transaction().execute(async (trx) => {
        await recordAudit(trx, deps, null, t.organizationId, { action, entityType: 'test' });
        await recordAudit(trx, deps, null, t.organizationId, { action, entityType: 'test' });
      });
    if (t.database.kind === 'postgres') {
      // the first transaction stays open while the second appends and commits: no lock held
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      const first = deps.db.transaction().execute(async (trx) => {
        await recordAudit(trx, deps, null, t.organizationId, { action: 'test.first', entityType: 'test' });
        await held;
      });
      await append('test.second');
      release();
      await first;
    } else {
      await Promise.all([append('test.first'), append('test.second')]);
    }
    await sealOrganization(t.database.db, t.organizationId);
    const events = (await (await t.login('admin')).get('/api/v1/audit?entityType=test&limit=10')).body.items;
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual(
      t.database.kind === 'postgres'
        ? ['test.first', 'test.second', 'test.second']
        : ['test.first', 'test.first', 'test.second', 'test.second'],
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('refuses TRUNCATE, and removing pending events, from an ordinary connection', async () => {
    await expect(tryToTruncateAudit(t.database.db)).rejects.toThrow(/append-only/);
    await recordAudit(t.database.db, t.hearth.deps, null, t.organizationId, {
      action: 'x',
      entityType: 'test',
    });
    await expect(tryToRemovePendingAudit(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('anchors the head outside the database and reports a deleted tail', async () => {
    const anchored = await verify();
    expect(anchored.ok).toBe(true);
    const anchor = readAnchors(t.hearth.deps.config.audit.anchorFile)[t.organizationId];
    expect(anchor?.seq).toBeGreaterThan(5);
    // the verification itself was audited; seal it so the anchor is not the newest event
    await sealOrganization(t.database.db, t.organizationId);
    expect(await deleteAuditTailBehindTheGuard(t.database.db, 3)).toBe(3);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, anchoredSeq: anchor?.seq });
    expect(result.problem).toMatch(/removed|rewritten/);
  });

  it('reports a truncated table against the anchor', async () => {
    // start a fresh anchor on the (shortened) chain, as after an accepted, documented loss
    rmSync(t.hearth.deps.config.audit.anchorFile, { force: true });
    expect(await verify()).toMatchObject({ ok: true, anchoredSeq: null });
    await sealOrganization(t.database.db, t.organizationId);
    await truncateAuditBehindTheGuard(t.database.db);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(/removed/);
  });

  it('the sealer anchors at intervals and writes the head to the log', async () => {
    const lines: string[] = [];
    const { AuditSealer } = await import('./audit-sealer.ts');
    const file = `${t.hearth.deps.config.audit.anchorFile}.sealer`;
    const sealer = new AuditSealer(t.database.db, {
      anchorFile: file,
      anchorEveryMs: 60_000,
      clock: t.now,
      log: (l) => lines.push(l),
    });
    await (await t.login('nurse')).get('/api/v1/patients?limit=1');
    await sealer.runOnce();
    expect(lines).toEqual([
      expect.stringMatching(/^audit anchor organization=\S+ seq=\d+ hash=[0-9a-f]{64}$/),
    ]);
    // within the interval nothing more is anchored
    await (await t.login('nurse')).get('/api/v1/patients?limit=1');
    await sealer.runOnce();
    expect(lines).toHaveLength(1);
    expect(readAnchors(file)[t.organizationId]?.seq).toBeGreaterThan(0);
  });
});

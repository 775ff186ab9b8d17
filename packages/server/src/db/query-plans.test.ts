import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../test/harness.ts';
import { cloneOrganizationPatients } from './bulk-clone.ts';
import { seqScannedTables } from './test-explain.ts';

/** Tables that grow with the service; a read of one row set must not scan them whole. */
const bigTables = ['patient', 'assessment', 'alert', 'visit', 'audit_event', 'audit_pending'];

let t: TestApp;
let patientId: string;
beforeAll(async () => {
  t = await createTestApp({ symptomHistory: true });
  const family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  // hundreds of patients and thousands of assessments and alerts in one organization: enough
  // rows that the planner prefers an index wherever one fits (without alert_org_source_idx the
  // assessments list scans every alert of the organization, and this test fails)
  const loaded = await cloneOrganizationPatients(t.database.db, t.organizationId, {
    copies: 20,
    alertRepeat: 100,
  });
  expect(loaded.rows.assessment).toBeGreaterThan(5000);
  expect(loaded.rows.alert).toBeGreaterThan(3000);
}, 300_000);
afterAll(async () => t.close());

/** Runs the reads, then plans every SELECT they issued and lists sequential scans of big tables. */
async function seqScansOf(read: () => Promise<void>) {
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const stop = t.database.onQuery((q) => statements.push(q));
  try {
    await read();
  } finally {
    stop();
  }
  const selects = statements.filter((s) => /^\s*(select|with)\b/i.test(s.sql));
  expect(selects.length).toBeGreaterThan(0);
  const scans: string[] = [];
  for (const s of selects)
    for (const table of await seqScannedTables(t.database.db, s, bigTables))
      scans.push(`${table}: ${s.sql.slice(0, 300)}`);
  return scans;
}

async function ok(agent: Agent, url: string) {
  const res = await agent.get(url);
  expect(res.status, res.raw).toBe(200);
}

describe('the hot reads on a large organization use indexes', () => {
  it('the patient chart: the patient and their assessments', async () => {
    const physician = await t.login('physician');
    const scans = await seqScansOf(async () => {
      await ok(physician, `/api/v1/patients/${patientId}`);
      await ok(physician, `/api/v1/patients/${patientId}/assessments`);
      await ok(physician, `/api/v1/patients/${patientId}/alerts`);
    });
    expect(scans).toEqual([]);
  });

  it('the alerts inbox', async () => {
    const nurse = await t.login('nurse');
    const scans = await seqScansOf(async () => {
      await ok(nurse, '/api/v1/alerts');
      await ok(nurse, '/api/v1/alerts?mine=true');
    });
    expect(scans).toEqual([]);
  });

  it('my day and the dispatch board', async () => {
    const nurse = await t.login('nurse');
    const coordinator = await t.login('coordinator');
    const scans = await seqScansOf(async () => {
      await ok(nurse, '/api/v1/visits/mine?date=2026-11-23');
      await ok(coordinator, '/api/v1/dispatch/board?date=2026-11-23');
    });
    expect(scans).toEqual([]);
  });
});

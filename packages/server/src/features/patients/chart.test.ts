import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let patientId: string;
beforeAll(async () => {
  // the sealer would add its own statements to the count; it seals before any audit read anyway
  t = await createTestApp({ env: { HEARTH_AUDIT_SEAL_MS: '3600000' } });
  const coordinator = await t.login('coordinator');
  patientId = (await coordinator.get('/api/v1/patients?limit=1')).body.items[0].id;
  // a quiet record, then severe pain that raises an alert
  const nurse = await t.login('nurse');
  for (const pain of [2, 9]) {
    const res = await nurse.post(`/api/v1/patients/${patientId}/assessments`, {
      instrument: 'esas_r',
      answers: { pain },
    });
    if (res.status !== 201) throw new Error(res.raw);
    t.advance(60 * 60_000);
  }
});
afterAll(async () => t.close());

describe("the patient page's first paint", () => {
  it('is the record, the newest assessments and the active alerts, as their own routes give them', async () => {
    const physician = await t.login('physician');
    const chart = await physician.get(`/api/v1/patients/${patientId}/chart`);
    expect(chart.status, chart.raw).toBe(200);
    const record = await physician.get(`/api/v1/patients/${patientId}`);
    const assessments = await physician.get(`/api/v1/patients/${patientId}/assessments?limit=100`);
    const alerts = await physician.get(`/api/v1/alerts?patientId=${patientId}&status=active&limit=100`);
    expect(chart.body.patient).toEqual(record.body);
    expect(chart.body.assessments).toEqual(assessments.body);
    expect(chart.body.assessments.items.length).toBeGreaterThan(0);
    expect(chart.body.activeAlerts).toEqual(alerts.body);
    expect(chart.body.activeAlerts.items.length).toBeGreaterThan(0);
  });

  it('takes at most eight SQL statements, no transaction, and leaves one audit event', async () => {
    const physician = await t.login('physician');
    await physician.get(`/api/v1/patients/${patientId}/chart`);
    const statements: string[] = [];
    const stop = t.database.onQuery((q) => statements.push(q.sql));
    const res = await physician.get(`/api/v1/patients/${patientId}/chart`);
    stop();
    expect(res.status).toBe(200);
    const counted = statements.filter((s) => !/^(begin|commit|rollback)\b/i.test(s));
    // the session, the gate, the record's parts, two each for the lists, the audit event
    expect(counted.length, counted.join('\n')).toBeLessThanOrEqual(8);
    expect(counted.length).toBeGreaterThanOrEqual(7);
    // and no transaction around them (PGlite's driver does not report BEGIN and COMMIT at all)
    expect(statements.filter((s) => /^(begin|commit)\b/i.test(s))).toEqual([]);
    const admin = await t.login('admin');
    const audit = await admin.get(`/api/v1/audit?action=patient.chart.read&limit=200`);
    expect(audit.status, audit.raw).toBe(200);
    expect(audit.body.items.some((e: { entityId: string }) => e.entityId === patientId)).toBe(true);
  });

  it('leaves out what the reader may not see, and hides a patient who is not theirs', async () => {
    const family = await t.login('family');
    const me = await family.get('/api/v1/auth/me');
    const own = me.body.linkedPatientIds[0] as string;
    const chart = await family.get(`/api/v1/patients/${own}/chart`);
    expect(chart.status, chart.raw).toBe(200);
    expect(chart.body.patient.id).toBe(own);
    // families do not work the clinicians' alert list
    expect(chart.body.activeAlerts).toBeNull();
    const coordinator = await t.login('coordinator');
    const list = await coordinator.get('/api/v1/patients?limit=5');
    const notTheirs = list.body.items.find((p: { id: string }) => p.id !== own).id as string;
    const other = await family.get(`/api/v1/patients/${notTheirs}/chart`);
    expect(other.status).toBe(404);
    const stranger = await family.get('/api/v1/patients/00000000-0000-4000-8000-000000000000/chart');
    expect(stranger.status).toBe(404);
  });

  it('refuses a malformed id with a clear error', async () => {
    const physician = await t.login('physician');
    const res = await physician.get('/api/v1/patients/not-an-id/chart');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tamperWithAuditEvent, tryToDeleteAuditEvent, tryToEditAuditEvent } from '../../db/test-tamper.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the audit log', () => {
  it('records every read and write of patient data with actor, role, patient and request id', async () => {
    const nurse = await t.login('nurse');
    const admin = await t.login('admin');
    const id = (await nurse.get('/api/v1/patients?limit=1')).body.items[0].id;
    await nurse.get(`/api/v1/patients/${id}`);
    await nurse.post(`/api/v1/patients/${id}/allergies`, { substance: 'Латекс' });
    const events = await admin.get(`/api/v1/audit?patientId=${id}`);
    expect(events.status).toBe(200);
    const actions = events.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['patient.read', 'patient.add-allergy']));
    const read = events.body.items.find((e: { action: string }) => e.action === 'patient.read');
    expect(read).toMatchObject({
      actorId: nurse.userId,
      actorRole: 'nurse',
      patientId: id,
      outcome: 'success',
    });
    expect(read.requestId).toBeTruthy();
  });

  it('records refused attempts too', async () => {
    const family = await t.login('family');
    const admin = await t.login('admin');
    const own = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
    const other = (await admin.get('/api/v1/patients?limit=5')).body.items.find(
      (p: { id: string }) => p.id !== own,
    );
    expect((await family.get(`/api/v1/patients/${other.id}/family`)).status).toBe(404);
    const events = await admin.get(`/api/v1/audit?actorId=${family.userId}`);
    const denied = events.body.items.filter((e: { outcome: string }) => e.outcome === 'denied');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ patientId: other.id, actorRole: 'family' });
  });

  it('is readable only by an administrator', async () => {
    expect((await (await t.login('coordinator')).get('/api/v1/audit')).status).toBe(403);
  });

  it('verifies the hash chain, and the database refuses to change an event', async () => {
    const admin = await t.login('admin');
    const ok = await admin.get('/api/v1/audit/verify');
    expect(ok.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(ok.body.checked).toBeGreaterThan(5);
    await expect(tryToEditAuditEvent(t.database.db, 2)).rejects.toThrow(/append-only/);
    await expect(tryToDeleteAuditEvent(t.database.db, 2)).rejects.toThrow(/append-only/);
  });

  it('detects an event changed behind the database’s back', async () => {
    const admin = await t.login('admin');
    // a superuser can switch the trigger off; the chain still tells
    await tamperWithAuditEvent(t.database.db, 3);
    const res = await admin.get('/api/v1/audit/verify');
    expect(res.body).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });
});

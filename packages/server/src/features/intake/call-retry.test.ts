import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCareRequest, validNewPatient } from '../../test/fixtures.ts';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

/** Unanswered call backs keep the request urgent; the caller becomes a household contact. */
let t: TestApp;
let coordinator: Agent;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
});
afterAll(async () => t.close());

async function newRequest(patientName: string) {
  const submitted = await t.anonymous().post('/api/v1/intake/requests', { ...validCareRequest, patientName });
  expect(submitted.status).toBe(201);
  const queue = await coordinator.get('/api/v1/intake/requests?limit=200');
  return queue.body.items.find((r: { patientName: string }) => r.patientName === patientName).id as string;
}
const call = (id: string, outcome: string) =>
  coordinator.post(`/api/v1/intake/requests/${id}/calls`, { outcome });
const notesAbout = async (id: string) =>
  (await coordinator.get('/api/v1/notifications?limit=100')).body.items
    .filter((n: { entityId: string }) => n.entityId === id)
    .map((n: { kind: string }) => n.kind);

describe('unanswered call backs', () => {
  it('"no answer" keeps the request urgent with a retry deadline; the lead is told when the retry is late', async () => {
    const id = await newRequest('Повтор Звонка');
    const res = await call(id, 'no_answer');
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({
      status: 'in_progress',
      unansweredAttempts: 1,
      retryDueAt: new Date(t.now().getTime() + 15 * 60_000).toISOString(),
      overdue: false,
    });
    // the queue is ordered by the next deadline, the retry counting like a callback deadline
    const queue = await coordinator.get('/api/v1/intake/requests?limit=200');
    const next = queue.body.items.map(
      (r: { retryDueAt: string | null; callbackDueAt: string }) => r.retryDueAt ?? r.callbackDueAt,
    );
    expect(next).toEqual([...next].sort());
    expect(next).toContain(res.body.retryDueAt);
    t.advance(14 * 60_000);
    await t.hearth.jobs.runDue();
    expect(await notesAbout(id)).not.toContain('intake.retry-overdue');
    t.advance(2 * 60_000);
    await t.hearth.jobs.runDue();
    expect((await coordinator.get(`/api/v1/intake/requests/${id}`)).body.overdue).toBe(true);
    expect(await notesAbout(id)).toEqual(['intake.retry-overdue']);
  });

  it('a later call replaces the retry deadline, and reaching the family ends it', async () => {
    const id = await newRequest('Новый Срок');
    await call(id, 'busy');
    t.advance(10 * 60_000);
    const second = await call(id, 'wrong_number');
    expect(second.body).toMatchObject({ status: 'in_progress', unansweredAttempts: 2 });
    t.advance(6 * 60_000);
    await t.hearth.jobs.runDue();
    // the first deadline has passed but was replaced: nobody is told yet
    expect(await notesAbout(id)).toEqual([]);
    const reached = await call(id, 'reached');
    expect(reached.body).toMatchObject({ retryDueAt: null, unansweredAttempts: 0, overdue: false });
    t.advance(20 * 60_000);
    await t.hearth.jobs.runDue();
    expect(await notesAbout(id)).toEqual([]);
  });

  it('after N unanswered tries in a row (a setting) it escalates to the lead, once', async () => {
    const admin = await t.login('admin');
    const set = await admin.patch('/api/v1/settings', {
      callAttemptsBeforeEscalation: 2,
      callRetryMinutes: 30,
    });
    expect(set.status, set.raw).toBe(200);
    const id = await newRequest('Никто Неотвечает');
    const first = await call(id, 'no_answer');
    expect(first.body.retryDueAt).toBe(new Date(t.now().getTime() + 30 * 60_000).toISOString());
    expect(first.body.escalatedAt).toBeNull();
    t.advance(60_000);
    const second = await call(id, 'voicemail');
    expect(second.body.escalatedAt).toBe(t.now().toISOString());
    expect(await notesAbout(id)).toEqual(['intake.attempts-escalated']);
    t.advance(60_000);
    await call(id, 'no_answer');
    expect(await notesAbout(id)).toEqual(['intake.attempts-escalated']);
  });

  it('refuses an outcome it does not know and records nothing', async () => {
    const id = await newRequest('Плохой Исход');
    expect((await call(id, 'maybe')).status).toBe(400);
    expect((await coordinator.get(`/api/v1/intake/requests/${id}`)).body.calls).toEqual([]);
  });
});

describe('the caller joins the household', () => {
  it('refer a request: the caller is a household contact with relationship and phone; the patient keeps their own phone', async () => {
    const id = await newRequest('Сергей Кузьмин');
    await call(id, 'reached');
    const { phone: _callerPhone, contacts: _none, ...identity } = validNewPatient;
    const res = await coordinator.post('/api/v1/commission/cases', {
      careRequestId: id,
      patient: { ...identity, firstName: 'Сергей', lastName: 'Кузьмин', phone: '+375 17 222-33-44' },
      icd10: 'C34.1',
      diagnosis: 'Рак лёгкого',
      performance: { scale: 'ecog', score: 3 },
      reason: 'Боль, прикован к постели',
    });
    expect(res.status, res.raw).toBe(201);
    const patient = (await coordinator.get(`/api/v1/patients/${res.body.patientId}`)).body;
    expect(patient.phone).toBe('+375 17 222-33-44');
    expect(patient.contacts).toEqual([
      expect.objectContaining({
        name: validCareRequest.requesterName,
        relationship: 'сын или дочь',
        phone: validCareRequest.phone,
      }),
    ]);
  });
});

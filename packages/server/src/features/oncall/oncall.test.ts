import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const day = 24 * 3600_000;

describe('the on-call rota', () => {
  it('covers the demo week 24/7 and names who answers now, in escalation order', async () => {
    const nurse = await t.login('nurse');
    const physician = await t.login('physician');
    const physician2 = await t.login('physician2@demo.hearth.local');
    const now = await nurse.get('/api/v1/on-call/now');
    expect(now.status).toBe(200);
    expect(now.body.chain.map((c: { userId: string }) => c.userId)).toEqual([
      physician.userId,
      physician2.userId,
    ]);
    expect(now.body.chain[0].phone).toBeTruthy();
    const from = t.now().toISOString();
    const to = new Date(t.now().getTime() + 7 * day).toISOString();
    const rota = await nurse.get(`/api/v1/on-call/shifts?from=${from}&to=${to}`);
    expect(rota.status).toBe(200);
    expect(rota.body.gaps).toEqual([]);
    expect(rota.body.shifts.length).toBeGreaterThanOrEqual(14);
  });

  it('shows a gap when a primary shift is cancelled, closes it with a new shift, and refuses bad shifts', async () => {
    const coordinator = await t.login('coordinator');
    const from = new Date(t.now().getTime() + 2 * day).toISOString();
    const to = new Date(t.now().getTime() + 3 * day).toISOString();
    const rota = (await coordinator.get(`/api/v1/on-call/shifts?from=${from}&to=${to}`)).body;
    const primary = rota.shifts.find(
      (s: { position: string; startsAt: string }) => s.position === 'primary' && s.startsAt <= from,
    );
    expect((await coordinator.post(`/api/v1/on-call/shifts/${primary.id}/cancel`)).status).toBe(200);
    const gapped = (await coordinator.get(`/api/v1/on-call/shifts?from=${from}&to=${to}`)).body;
    expect(gapped.gaps.length).toBeGreaterThan(0);
    const added = await coordinator.post('/api/v1/on-call/shifts', {
      userId: primary.userId,
      startsAt: primary.startsAt,
      endsAt: primary.endsAt,
      position: 'primary',
    });
    expect(added.status).toBe(201);
    expect((await coordinator.get(`/api/v1/on-call/shifts?from=${from}&to=${to}`)).body.gaps).toEqual([]);
    const backwards = await coordinator.post('/api/v1/on-call/shifts', {
      userId: primary.userId,
      startsAt: primary.endsAt,
      endsAt: primary.startsAt,
    });
    expect(backwards.status).toBe(400);
    const family = await t.login('family');
    const familyUser = (await family.get('/api/v1/auth/me')).body.id;
    const toFamily = await coordinator.post('/api/v1/on-call/shifts', {
      userId: familyUser,
      startsAt: primary.startsAt,
      endsAt: primary.endsAt,
    });
    expect(toFamily.status).toBe(400);
    expect((await family.get(`/api/v1/on-call/shifts?from=${from}&to=${to}`)).status).toBe(403);
    const nurse = await t.login('nurse');
    expect((await nurse.post(`/api/v1/on-call/shifts/${added.body.id}/cancel`)).status).toBe(403);
  });

  it('keeps the outgoing physician’s handover note on their shift', async () => {
    const physician = await t.login('physician');
    const from = t.now().toISOString();
    const to = new Date(t.now().getTime() + 1000).toISOString();
    const mine = (await physician.get(`/api/v1/on-call/shifts?from=${from}&to=${to}`)).body.shifts.find(
      (s: { userId: string }) => s.userId === physician.userId,
    );
    const res = await physician.post(`/api/v1/on-call/shifts/${mine.id}/handover`, {
      note: 'Пациентка Шевчук: боль 8 утром, схема изменена; проверить к вечеру.',
    });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.handoverNote).toContain('схема изменена');
    const nurse = await t.login('nurse');
    expect((await nurse.post(`/api/v1/on-call/shifts/${mine.id}/handover`, { note: 'x' })).status).toBe(403);
  });
});

describe('the call log', () => {
  it('records an inbound call with its response time, linked alert and "called the ambulance first"', async () => {
    const family = await t.login('family');
    const patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
    const entry = await family.post(`/api/v1/patients/${patientId}/diary`, {
      instrument: 'esas_r',
      answers: { pain: 9 },
      coping: 'struggling',
    });
    const physician = await t.login('physician');
    const alert = (await physician.get(`/api/v1/patients/${patientId}/alerts`)).body.items.find(
      (a: { sourceId: string }) => a.sourceId === entry.body.id,
    );
    const receivedAt = new Date(t.now().getTime() - 5 * 60_000);
    const res = await physician.post('/api/v1/calls', {
      patientId,
      callerType: 'family',
      callerName: 'Анна Ковалёва',
      reason: 'Сильная боль, уже вызвали скорую',
      receivedAt: receivedAt.toISOString(),
      answeredAt: new Date(receivedAt.getTime() + 120_000).toISOString(),
      outcome: 'advice_given',
      ambulanceCalledFirst: true,
      alertId: alert.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ responseSeconds: 120, ambulanceCalledFirst: true, alertId: alert.id });
    const list = (await physician.get(`/api/v1/calls?patientId=${patientId}`)).body.items;
    expect(list[0].id).toBe(res.body.id);
    const bad = await physician.post('/api/v1/calls', {
      callerType: 'ambulance',
      reason: 'Уточнение',
      receivedAt: receivedAt.toISOString(),
      answeredAt: new Date(receivedAt.getTime() - 1000).toISOString(),
      outcome: 'no_action',
    });
    expect(bad.status).toBe(400);
    expect((await family.get('/api/v1/calls')).status).toBe(403);
  });
});

describe('the call log filters and refusals', () => {
  it('lists only the calls where the ambulance was called first, and refuses what it must', async () => {
    const coordinator = await t.login('coordinator');
    const receivedAt = new Date(t.now().getTime() - 60_000).toISOString();
    const base = {
      callerType: 'ambulance',
      reason: 'Бригада у пациента',
      receivedAt,
      outcome: 'advice_given',
    };
    const first = await coordinator.post('/api/v1/calls', { ...base, ambulanceCalledFirst: true });
    const plain = await coordinator.post('/api/v1/calls', base);
    expect([first.status, plain.status]).toEqual([201, 201]);
    const flagged = (await coordinator.get('/api/v1/calls?ambulanceFirst=true')).body.items;
    expect(flagged.map((c: { id: string }) => c.id)).toContain(first.body.id);
    expect(flagged.map((c: { id: string }) => c.id)).not.toContain(plain.body.id);
    expect(flagged.every((c: { ambulanceCalledFirst: boolean }) => c.ambulanceCalledFirst)).toBe(true);
    const all = (await coordinator.get('/api/v1/calls')).body.items.map((c: { id: string }) => c.id);
    expect(all).toEqual(expect.arrayContaining([first.body.id, plain.body.id]));
    // an unknown patient is not found, and nothing is written
    const unknown = await coordinator.post('/api/v1/calls', {
      ...base,
      patientId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    expect((await coordinator.get('/api/v1/calls')).body.items).toHaveLength(all.length);
    // a linked alert must exist
    const strayAlert = await coordinator.post('/api/v1/calls', {
      ...base,
      alertId: '00000000-0000-4000-8000-000000000000',
    });
    expect(strayAlert.status).toBe(400);
    const family = await t.login('family');
    expect((await family.post('/api/v1/calls', base)).status).toBe(403);
    expect((await family.get('/api/v1/calls?ambulanceFirst=true')).status).toBe(403);
  });
});

describe('the follow-up task list', () => {
  it('lists the tasks of my patients or of everyone, and hides other families’ patients', async () => {
    const family = await t.login('family');
    const patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
    const physician = await t.login('physician');
    const all = (await physician.get('/api/v1/tasks')).body.items;
    expect(all.some((task: { patientId: string; kind: string }) => task.patientId === patientId)).toBe(true);
    const mine = (await physician.get('/api/v1/tasks?mine=true')).body.items;
    expect(mine.length).toBeLessThanOrEqual(all.length);
    const psychologist = await t.login('psychologist');
    const theirs = await psychologist.get('/api/v1/tasks?mine=true');
    expect(theirs.status).toBe(200);
    for (const task of theirs.body.items) expect(all.map((a: { id: string }) => a.id)).toContain(task.id);
    expect((await family.get('/api/v1/tasks')).status).toBe(403);
    const other = all.find((task: { patientId: string }) => task.patientId !== patientId);
    if (other) expect((await family.get(`/api/v1/patients/${other.patientId}/tasks`)).status).toBe(404);
  });
});

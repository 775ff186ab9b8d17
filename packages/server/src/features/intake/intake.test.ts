import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCareRequest } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { HEARTH_INTAKE_RATE_MAX: '5', HEARTH_TRUST_PROXY: '1' } });
});
afterAll(async () => t.close());

let nextAddress = 1;
const submit = (body: unknown = validCareRequest, ip = `203.0.113.${nextAddress++}`) =>
  t.anonymous().request('POST', '/api/v1/intake/requests', body, { 'x-forwarded-for': ip });

describe('the public request form', () => {
  it('accepts a request without login and confirms with a reference and the callback time', async () => {
    const res = await submit();
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^R\d{2}-[A-Z2-9]{5}$/);
    expect(res.body.callbackWithinMinutes).toBe(15);
    expect(res.body.servicePhone).toBeTruthy();
  });

  it('refuses an incomplete request with field errors and stores nothing', async () => {
    const coordinator = await t.login('coordinator');
    const before = (await coordinator.get('/api/v1/intake/requests?status=new&limit=200')).body.items.length;
    const res = await submit({ ...validCareRequest, consent: false, phone: 'call me', address: '' });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.consent', 'body.phone', 'body.address']));
    expect((await coordinator.get('/api/v1/intake/requests?status=new&limit=200')).body.items.length).toBe(
      before,
    );
  });

  it('tells the public form what to show', async () => {
    const res = await t.anonymous().get('/api/v1/intake/public-info');
    expect(res.status).toBe(200);
    expect(res.body.callbackWithinMinutes).toBe(15);
  });
});

describe('the coordinators’ queue', () => {
  it('lists open requests sorted by callback deadline, flags overdue ones, and records calls', async () => {
    const coordinator = await t.login('coordinator');
    await submit({ ...validCareRequest, patientName: 'Очередь Первый' });
    t.advance(60_000);
    await submit({ ...validCareRequest, patientName: 'Очередь Второй' });
    const queue = await coordinator.get('/api/v1/intake/requests?limit=200');
    expect(queue.status).toBe(200);
    const dues = queue.body.items.map((r: { callbackDueAt: string }) => r.callbackDueAt);
    expect([...dues].sort()).toEqual(dues);
    // the demo request created 40 minutes before the start is overdue
    expect(queue.body.items.some((r: { overdue: boolean }) => r.overdue)).toBe(true);

    const first = queue.body.items.find((r: { patientName: string }) => r.patientName === 'Очередь Первый');
    const call = await coordinator.post(`/api/v1/intake/requests/${first.id}/calls`, {
      outcome: 'no_answer',
      note: 'перезвонить вечером',
    });
    expect(call.status).toBe(200);
    expect(call.body.status).toBe('in_progress');
    expect(call.body.firstCallAt).toBeTruthy();
    expect(call.body.calls).toHaveLength(1);
    const closed = await coordinator.post(`/api/v1/intake/requests/${first.id}/calls`, {
      outcome: 'not_eligible',
    });
    expect(closed.body.status).toBe('closed');
    const again = await coordinator.post(`/api/v1/intake/requests/${first.id}/calls`, { outcome: 'reached' });
    expect(again.status).toBe(409);
    const badOutcome = await coordinator.post(`/api/v1/intake/requests/${first.id}/calls`, {
      outcome: 'maybe',
    });
    expect(badOutcome.status).toBe(400);
  });

  it('lets a coordinator enter a phone request the same way', async () => {
    const coordinator = await t.login('coordinator');
    const res = await coordinator.post('/api/v1/intake/requests/phone', {
      ...validCareRequest,
      patientName: 'Телефон Звонков',
    });
    expect(res.status).toBe(201);
    expect(res.body.source).toBe('phone');
    expect(res.body.status).toBe('new');
  });

  it('keeps the queue from families and nurses', async () => {
    expect((await (await t.login('family')).get('/api/v1/intake/requests')).status).toBe(403);
    expect(
      (await (await t.login('nurse')).post('/api/v1/intake/requests/phone', validCareRequest)).status,
    ).toBe(403);
  });
});

describe('escalation', () => {
  it('tells the coordinators’ lead when nobody called back by the deadline, once', async () => {
    const coordinator = await t.login('coordinator');
    const res = await submit({ ...validCareRequest, patientName: 'Эскалация Тест' });
    expect(res.status).toBe(201);
    const queue = await coordinator.get('/api/v1/intake/requests?limit=200');
    const req = queue.body.items.find((r: { patientName: string }) => r.patientName === 'Эскалация Тест');
    expect(req.escalatedAt).toBeNull();

    t.advance(14 * 60_000);
    await t.hearth.jobs.runDue();
    expect((await coordinator.get(`/api/v1/intake/requests/${req.id}`)).body.escalatedAt).toBeNull();

    t.advance(2 * 60_000);
    await t.hearth.jobs.runDue();
    const after = await coordinator.get(`/api/v1/intake/requests/${req.id}`);
    expect(after.body.escalatedAt).toBeTruthy();
    expect(after.body.overdue).toBe(true);
    const notes = await coordinator.get('/api/v1/notifications');
    const mine = notes.body.items.filter((n: { entityId: string }) => n.entityId === req.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].kind).toBe('intake.escalated');
    await t.hearth.jobs.runDue();
    expect(
      (await coordinator.get('/api/v1/notifications')).body.items.filter(
        (n: { entityId: string }) => n.entityId === req.id,
      ),
    ).toHaveLength(1);
  });

  it('survives a restart: a deadline that passes while the server is down escalates at the next start', async () => {
    await submit({ ...validCareRequest, patientName: 'После Перезапуска' });
    await t.restart();
    t.advance(30 * 60_000);
    await t.hearth.jobs.runDue();
    const coordinator = await t.login('coordinator');
    const queue = await coordinator.get('/api/v1/intake/requests?limit=200');
    const req = queue.body.items.find((r: { patientName: string }) => r.patientName === 'После Перезапуска');
    expect(req.escalatedAt).toBeTruthy();
  });

  it('does not escalate a request that was called back in time', async () => {
    const coordinator = await t.login('coordinator');
    await submit({ ...validCareRequest, patientName: 'Вовремя Позвонили' });
    const queue = await coordinator.get('/api/v1/intake/requests?limit=200');
    const req = queue.body.items.find((r: { patientName: string }) => r.patientName === 'Вовремя Позвонили');
    await coordinator.post(`/api/v1/intake/requests/${req.id}/calls`, { outcome: 'reached' });
    t.advance(20 * 60_000);
    await t.hearth.jobs.runDue();
    expect((await coordinator.get(`/api/v1/intake/requests/${req.id}`)).body.escalatedAt).toBeNull();
  });
});

describe('rate limiting', () => {
  it('limits how many requests one address can submit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await submit(validCareRequest, '198.51.100.7')).status);
    expect(statuses).toContain(429);
    expect((await submit(validCareRequest, '198.51.100.8')).status).toBe(201);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let coordinator: Agent;
let nurse: Agent;
let patientId: string;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
  nurse = await t.login('nurse');
  const family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
});
afterAll(async () => t.close());

type Stop = {
  visitId: string;
  reason: string | null;
  accessNotes: string | null;
  documentation: string | null;
};

describe('the route sheet (dispatch board route of one staff member)', () => {
  it('carries each visit’s notes, and a return after the end of the shift is flagged as overtime', async () => {
    const date = '2026-11-23';
    // the nurse's shift that day ends at 17:00 (a shift of her own replaces none: the rota has one per day)
    const rota = await coordinator.get(`/api/v1/rota?from=${date}&to=${date}`);
    const existing = rota.body.find((s: { staffId: string }) => s.staffId === nurse.userId);
    if (existing) expect((await coordinator.delete(`/api/v1/rota/shifts/${existing.id}`)).status).toBe(200);
    const shift = await coordinator.post('/api/v1/rota/shifts', {
      staffId: nurse.userId,
      date,
      start: '08:00',
      end: '17:00',
    });
    expect(shift.status, shift.raw).toBe(201);
    expect(
      (await coordinator.patch(`/api/v1/patients/${patientId}`, { accessNotes: 'Ключ в сейфе, код 2580' }))
        .status,
    ).toBe(200);
    const req = await coordinator.post(`/api/v1/patients/${patientId}/visits`, {
      discipline: 'nurse',
      date,
      durationMinutes: 90,
      windowFrom: '17:00',
      windowTo: '18:00',
      reason: 'Смена катетера',
    });
    expect(req.status, req.raw).toBe(201);
    const id = req.body.id as string;
    expect(
      (
        await coordinator.post(`/api/v1/visits/${id}/schedule`, {
          staffId: nurse.userId,
          date,
          start: '17:15',
        })
      ).status,
    ).toBe(200);

    const board = await coordinator.get(`/api/v1/dispatch/board?date=${date}`);
    expect(board.status, board.raw).toBe(200);
    const route = board.body.routes.find((r: { staffId: string }) => r.staffId === nurse.userId);
    expect(route.shift.end).toBe('17:00');
    // 17:15 + 90 min of care + the drive back: well after 17:00
    expect(route.returnTime > '18:45').toBe(true);
    expect(route.overtimeMinutes).toBeGreaterThanOrEqual(105);
    expect(route.warnings).toContainEqual(expect.objectContaining({ code: 'overtime' }));
    const stop = route.stops.find((s: Stop) => s.visitId === id) as Stop;
    expect(stop).toMatchObject({
      reason: 'Смена катетера',
      accessNotes: 'Ключ в сейфе, код 2580',
      documentation: null,
    });

    // once documented, the sheet shows what was written
    for (const to of ['on_the_way', 'checked_in'])
      expect((await nurse.post(`/api/v1/visits/${id}/transition`, { to })).status).toBe(200);
    const done = await nurse.post(`/api/v1/visits/${id}/complete`, {
      documentation: { done: 'Катетер заменён', notes: 'Моча светлая', nextSteps: 'Замена через 4 недели' },
    });
    expect(done.status, done.raw).toBe(200);
    const after = await coordinator.get(`/api/v1/dispatch/board?date=${date}`);
    const documented = after.body.routes
      .find((r: { staffId: string }) => r.staffId === nurse.userId)
      .stops.find((s: Stop) => s.visitId === id) as Stop;
    expect(documented.documentation).toBe('Моча светлая · Замена через 4 недели');
  });
});

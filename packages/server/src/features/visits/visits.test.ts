import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let coordinator: Agent;
let nurse: Agent;
let nurse2: Agent;
let family: Agent;
let patientId: string;
let nurseId: string;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
  nurse = await t.login('nurse');
  nurse2 = await t.login('nurse2@demo.hearth.local');
  family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  nurseId = nurse.userId!;
});
afterAll(async () => t.close());

async function newScheduledVisit() {
  const req = await coordinator.post(`/api/v1/patients/${patientId}/visits`, {
    discipline: 'nurse',
    date: '2026-11-23',
    windowFrom: '13:00',
    windowTo: '16:00',
    reason: 'Перевязка',
  });
  expect(req.status, req.raw).toBe(201);
  expect(req.body.status).toBe('requested');
  const sch = await coordinator.post(`/api/v1/visits/${req.body.id}/schedule`, {
    staffId: nurseId,
    date: '2026-11-23',
    start: '14:00',
  });
  expect(sch.status, sch.raw).toBe(200);
  return sch.body.id as string;
}

describe('visit lifecycle', () => {
  it('goes scheduled → on the way → checked in (with location) → completed with documentation', async () => {
    const id = await newScheduledVisit();
    expect((await nurse.post(`/api/v1/visits/${id}/transition`, { to: 'on_the_way' })).body.status).toBe(
      'on_the_way',
    );
    const inn = await nurse.post(`/api/v1/visits/${id}/transition`, {
      to: 'checked_in',
      location: { lat: 53.9, lon: 27.56 },
    });
    expect(inn.body.status).toBe('checked_in');
    expect(inn.body.checkedInAt).toBe('2026-11-23T09:00:00.000Z');
    const done = await nurse.post(`/api/v1/visits/${id}/complete`, {
      documentation: {
        assessment: 'Боль 3/10, кожа крестца цела',
        done: 'Перевязка, смена положения',
        taught: 'Дочь обучена поворачивать на бок',
        nextSteps: 'Осмотр через 3 дня',
      },
    });
    expect(done.status, done.raw).toBe(200);
    expect(done.body.status).toBe('completed');
    expect(done.body.notes[0]).toMatchObject({
      done: 'Перевязка, смена положения',
      byName: 'Мария Соколова',
    });
    expect(done.body.history.map((h: { to: string }) => h.to)).toEqual([
      'requested',
      'scheduled',
      'on_the_way',
      'checked_in',
      'completed',
    ]);
    // the family sees it, and was told when the nurse set off
    const seen = await family.get(`/api/v1/patients/${patientId}/visits`);
    expect(seen.body.map((v: { id: string }) => v.id)).toContain(id);
    // ...without the clinicians' documentation, which staff with visit:read do get
    expect(seen.body.find((v: { id: string }) => v.id === id).notes).toEqual([]);
    expect((await family.get(`/api/v1/visits/${id}`)).body.notes).toEqual([]);
    const staffView = await nurse.get(`/api/v1/patients/${patientId}/visits`);
    expect(staffView.body.find((v: { id: string }) => v.id === id).notes[0].done).toBe(
      'Перевязка, смена положения',
    );
    const notes = await family.get('/api/v1/notifications');
    expect(notes.body.items.map((n: { title: string }) => n.title)).toContain('The team is on the way');
  });

  it('refuses illegal transitions with a clear error and changes nothing', async () => {
    const id = await newScheduledVisit();
    const skip = await nurse.post(`/api/v1/visits/${id}/complete`, { documentation: { done: 'всё' } });
    expect(skip.status).toBe(409);
    expect(skip.body.error.message).toBe(
      'A visit that is scheduled cannot become completed; it can only become on the way or missed or cancelled.',
    );
    const noReason = await nurse.post(`/api/v1/visits/${id}/transition`, { to: 'missed' });
    expect(noReason.status).toBe(400);
    expect((await nurse.get(`/api/v1/visits/${id}`)).body.status).toBe('scheduled');
    const missed = await nurse.post(`/api/v1/visits/${id}/transition`, {
      to: 'missed',
      reason: 'Никого нет дома',
    });
    expect(missed.body).toMatchObject({ status: 'missed', statusReason: 'Никого нет дома' });
    const again = await nurse.post(`/api/v1/visits/${id}/transition`, { to: 'on_the_way' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This visit is already missed; it cannot become on the way.');
  });

  it('lets only the assigned staff member (or a coordinator) record it', async () => {
    const id = await newScheduledVisit();
    const other = await nurse2.post(`/api/v1/visits/${id}/transition`, { to: 'on_the_way' });
    expect(other.status).toBe(403);
    const fam = await family.post(`/api/v1/visits/${id}/transition`, { to: 'cancelled', reason: 'не надо' });
    expect(fam.status).toBe(403);
  });

  it('accepts the same offline command twice and does it once', async () => {
    const id = await newScheduledVisit();
    const clientId = '6f1c2c58-3c7e-4d0e-9a51-3c1d2f7a0b11';
    const at = '2026-11-23T08:40:00.000Z';
    for (let i = 0; i < 2; i++) {
      const r = await nurse.post(`/api/v1/visits/${id}/transition`, { to: 'on_the_way', clientId, at });
      expect(r.status, r.raw).toBe(200);
    }
    await nurse.post(`/api/v1/visits/${id}/transition`, { to: 'checked_in' });
    const doc = {
      documentation: { done: 'Обработка кожи' },
      clientId: '0b7a2c58-3c7e-4d0e-9a51-3c1d2f7a0b22',
    };
    expect((await nurse.post(`/api/v1/visits/${id}/complete`, doc)).status).toBe(200);
    const replay = await nurse.post(`/api/v1/visits/${id}/complete`, doc);
    expect(replay.status).toBe(200);
    expect(replay.body.notes).toHaveLength(1);
    const history = replay.body.history.filter((h: { to: string }) => h.to === 'on_the_way');
    expect(history).toHaveLength(1);
    expect(history[0].at).toBe(at);
  });

  it('shows the nurse her day', async () => {
    const day = await nurse.get('/api/v1/visits/mine?date=2026-11-23');
    expect(day.status).toBe(200);
    expect(day.body.visits.length).toBeGreaterThanOrEqual(4);
    expect(day.body.visits.every((v: { staffId: string }) => v.staffId === nurseId)).toBe(true);
  });
});

describe('the rota', () => {
  it('lists the seeded weekday shifts and refuses overlapping ones', async () => {
    const week = await coordinator.get('/api/v1/rota?from=2026-11-23&to=2026-11-29');
    expect(week.status).toBe(200);
    const mine = week.body.filter((s: { staffId: string }) => s.staffId === nurseId);
    expect(mine.map((s: { date: string }) => s.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    const overlap = await coordinator.post('/api/v1/rota/shifts', {
      staffId: nurseId,
      date: '2026-11-23',
      start: '16:00',
      end: '20:00',
    });
    expect(overlap.status).toBe(409);
    const sat = await coordinator.post('/api/v1/rota/shifts', {
      staffId: nurseId,
      date: '2026-11-28',
      start: '09:00',
      end: '13:00',
    });
    expect(sat.status, sat.raw).toBe(201);
    expect((await coordinator.delete(`/api/v1/rota/shifts/${sat.body.id}`)).status).toBe(200);
    expect(
      (
        await nurse.post('/api/v1/rota/shifts', {
          staffId: nurseId,
          date: '2026-11-29',
          start: '09:00',
          end: '10:00',
        })
      ).status,
    ).toBe(403);
  });
});

import { keptWindowToday } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';
import { waitForRun } from '../../test/plan-runs.ts';
import { raiseAlert } from '../alerts/alerts.service.ts';

let t: TestApp;
let coordinator: Agent;
let family: Agent;
let patientId: string;
const today = '2026-11-23';
beforeAll(async () => {
  // 12:00 in Minsk
  t = await createTestApp();
  coordinator = await t.login('coordinator');
  family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  const admin = await t.login('admin');
  expect((await admin.patch('/api/v1/settings', { planningTimeLimitSeconds: 1 })).status).toBe(200);
});
afterAll(async () => t.close());

type Stop = {
  visitId: string;
  status: string;
  start: string;
  windowFrom: string | null;
  windowTo: string | null;
  /** Minutes of driving from the previous place (the base for a route's first stop). */
  travelMinutes: number;
};
type Route = { staffId: string; role: string; stops: Stop[] };
type VisitView = { id: string; kind: string; status: string; discipline: string; start: string | null };
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Asks for an urgent visit and waits until its plan is ready to accept. */
async function readyUrgentRun(body: Record<string, unknown>) {
  const preview = await coordinator.post('/api/v1/planning/urgent', body);
  expect(preview.status, preview.raw).toBe(202);
  const run = await waitForRun(coordinator, preview.body.id);
  expect(run.status, run.error).toBe('ready');
  return run;
}

async function boardStops() {
  const board = await coordinator.get(`/api/v1/dispatch/board?date=${today}`);
  expect(board.status, board.raw).toBe(200);
  return (board.body.routes as Route[]).flatMap((r) => r.stops.map((s) => ({ ...s, staffId: r.staffId })));
}

const patientVisitsToday = async () =>
  (await coordinator.get(`/api/v1/patients/${patientId}/visits?from=${today}&to=${today}`))
    .body as VisitView[];

describe('an urgent visit for a patient who has a visit later that day', () => {
  let laterVisitId: string;
  it('is offered as bringing that visit forward, and accepting moves that visit instead of adding one', async () => {
    // the family's regular nurse visit this afternoon, 15:00–17:00
    const nurse = await coordinator.get(`/api/v1/dispatch/board?date=${today}`);
    const nurseRoute = (nurse.body.routes as Route[]).find((r) => r.role === 'nurse')!;
    const requested = await coordinator.post(`/api/v1/patients/${patientId}/visits`, {
      discipline: 'nurse',
      date: today,
      windowFrom: '15:00',
      windowTo: '17:00',
      reason: 'Плановый визит медсестры',
    });
    expect(requested.status, requested.raw).toBe(201);
    const scheduled = await coordinator.post(`/api/v1/visits/${requested.body.id}/schedule`, {
      staffId: nurseRoute.staffId,
      date: today,
      start: '16:00',
    });
    expect(scheduled.status, scheduled.raw).toBe(200);
    const openNurseVisits = (await patientVisitsToday())
      .filter((v) => v.discipline === 'nurse' && (v.status === 'scheduled' || v.status === 'requested'))
      .sort((a, b) => (a.start ?? '99').localeCompare(b.start ?? '99'));
    laterVisitId = openNurseVisits[0]!.id;
    const countBefore = (await patientVisitsToday()).length;
    const stopsBefore = await boardStops();

    const run = await readyUrgentRun({
      patientId,
      discipline: 'nurse',
      reason: 'Сильная боль',
    });
    expect(run.sameDayVisit).toMatchObject({ visitId: laterVisitId, merged: true });
    const stops = (run.routes as Route[]).flatMap((r) => r.stops);
    expect(stops.some((s) => s.visitId === 'urgent')).toBe(true);
    // the visit brought forward is not also kept in its old place
    expect(stops.some((s) => s.visitId === laterVisitId)).toBe(false);

    const accepted = await coordinator.post(`/api/v1/planning/runs/${run.id}/publish`);
    expect(accepted.status, accepted.raw).toBe(200);
    const after = await patientVisitsToday();
    expect(after.length).toBe(countBefore);
    const merged = (await coordinator.get(`/api/v1/visits/${laterVisitId}`)).body;
    expect(merged).toMatchObject({ kind: 'urgent', status: 'scheduled', reason: 'Сильная боль' });
    expect(minutes(merged.start)).toBeGreaterThanOrEqual(12 * 60);
    expect(merged.history.at(-1).reason).toMatch(/^Brought forward as an urgent visit/);
    const notes = await family.get('/api/v1/notifications');
    expect(notes.body.items.map((n: { title: string }) => n.title)).toContain(
      'Your visit today comes earlier',
    );

    // no other family's visit went outside its agreed window (or further outside than it was)
    const stopsAfter = await boardStops();
    for (const b of stopsBefore) {
      if (b.visitId === laterVisitId || !b.windowFrom || !b.windowTo || b.status !== 'scheduled') continue;
      const a = stopsAfter.find((x) => x.visitId === b.visitId)!;
      const w = keptWindowToday(
        { windowStart: minutes(b.windowFrom), windowEnd: minutes(b.windowTo), startMin: minutes(b.start) },
        12 * 60,
      );
      expect(minutes(a.start), `${b.visitId} ${b.start} -> ${a.start}`).toBeGreaterThanOrEqual(w.start);
      expect(minutes(a.start), `${b.visitId} ${b.start} -> ${a.start}`).toBeLessThanOrEqual(w.end);
    }
  });

  it('books a second visit only when the coordinator asks to keep the later one', async () => {
    const run = await readyUrgentRun({
      patientId,
      discipline: 'nurse',
      reason: 'Повторный вызов',
      sameDayVisit: 'keep',
    });
    expect(run.sameDayVisit).toMatchObject({ visitId: laterVisitId, merged: false });
    const stops = (run.routes as Route[]).flatMap((r) => r.stops);
    expect(stops.some((s) => s.visitId === laterVisitId)).toBe(true);
    expect(stops.some((s) => s.visitId === 'urgent')).toBe(true);
    const countBefore = (await patientVisitsToday()).length;
    expect((await coordinator.post(`/api/v1/planning/runs/${run.id}/publish`)).status).toBe(200);
    expect((await patientVisitsToday()).length).toBe(countBefore + 1);
  });

  it('refuses an answer other than merge or keep', async () => {
    const bad = await coordinator.post('/api/v1/planning/urgent', {
      patientId,
      discipline: 'nurse',
      reason: 'Проверка',
      sameDayVisit: 'both',
    });
    expect(bad.status).toBe(400);
  });

  it('says nothing about merging for a discipline the patient has no visit of today', async () => {
    const preview = await coordinator.post('/api/v1/planning/urgent', {
      patientId,
      discipline: 'chaplain',
      reason: 'Просьба семьи',
    });
    expect(preview.status, preview.raw).toBe(202);
    const run = await waitForRun(coordinator, preview.body.id);
    expect(run.sameDayVisit).toBeNull();
    expect((await coordinator.post(`/api/v1/planning/runs/${run.id}/discard`)).status).toBe(200);
  });
});

describe('an urgent visit sent from an alert', () => {
  it("merges with the patient's visit that day and answers the alert with who goes and when", async () => {
    // another patient, with a regular nurse visit booked for this afternoon
    const others = (await coordinator.get('/api/v1/patients?status=active&limit=50')).body.items as {
      id: string;
    }[];
    const other = others.find((p) => p.id !== patientId)!.id;
    const nurseRoute = (
      (await coordinator.get(`/api/v1/dispatch/board?date=${today}`)).body.routes as Route[]
    ).find((r) => r.role === 'nurse')!;
    const requested = await coordinator.post(`/api/v1/patients/${other}/visits`, {
      discipline: 'nurse',
      date: today,
      reason: 'Плановый визит',
    });
    expect(requested.status, requested.raw).toBe(201);
    const regular = requested.body.id as string;
    expect(
      (
        await coordinator.post(`/api/v1/visits/${regular}/schedule`, {
          staffId: nurseRoute.staffId,
          date: today,
          start: '16:30',
        })
      ).status,
    ).toBe(200);
    const visitsOfOther = async () =>
      (await coordinator.get(`/api/v1/patients/${other}/visits?from=${today}&to=${today}`))
        .body as VisitView[];
    const countBefore = (await visitsOfOther()).length;
    const deps = t.hearth.deps;
    const raised = await deps.db.transaction().execute((trx) =>
      raiseAlert(trx, deps, {
        organizationId: t.organizationId,
        patientId: other,
        severity: 'urgent',
        audience: 'clinical',
        ruleSet: 'test',
        ruleSetVersion: '1',
        ruleId: 'test.breathing-worse',
        title: 'Breathing suddenly worse',
        facts: {},
      }),
    );

    const run = await readyUrgentRun({
      patientId: other,
      discipline: 'nurse',
      reason: 'Одышка усилилась',
      alertId: raised.alertId,
    });
    expect(run.sameDayVisit).toMatchObject({ visitId: regular, merged: true });
    // the alert stays open until the coordinator accepts
    expect((await coordinator.get(`/api/v1/alerts/${raised.alertId}`)).body.status).toBe('open');

    expect((await coordinator.post(`/api/v1/planning/runs/${run.id}/publish`)).status).toBe(200);
    expect((await visitsOfOther()).length).toBe(countBefore);
    const visit = (await coordinator.get(`/api/v1/visits/${regular}`)).body;
    expect(visit).toMatchObject({ kind: 'urgent', status: 'scheduled' });
    const staffName = (run.routes as (Route & { staffName: string })[]).find(
      (r) => r.staffId === visit.staffId,
    )!.staffName;
    const alert = (await coordinator.get(`/api/v1/alerts/${raised.alertId}`)).body;
    expect(alert).toMatchObject({
      status: 'resolved',
      outcome: 'urgent_visit_requested',
      outcomeNote: `${staffName} ~${visit.start}: Одышка усилилась`,
    });
  });
});

describe('an urgent visit sent from an urgent alert', () => {
  async function alertFor(patient: string, title: string) {
    const deps = t.hearth.deps;
    return deps.db.transaction().execute((trx) =>
      raiseAlert(trx, deps, {
        organizationId: t.organizationId,
        patientId: patient,
        severity: 'urgent',
        audience: 'clinical',
        ruleSet: 'test',
        ruleSetVersion: '1',
        ruleId: `test.${title}`,
        title,
        facts: {},
      }),
    );
  }
  const thirdPatient = async () => {
    const all = (await coordinator.get('/api/v1/patients?status=active&limit=50')).body.items as {
      id: string;
    }[];
    return all.filter((p) => p.id !== patientId)[2]!.id;
  };
  const urgentStop = (run: { routes: Route[] }) =>
    run.routes.flatMap((r) => r.stops).find((s) => s.visitId === 'urgent');
  /** An urgent nurse visit for an alert whose answer-by time is `minutes` from now (negative: passed). */
  async function nurseRunForAlertDueIn(minutes: number, patientId: string, alertId: string, reason: string) {
    const dueAt = new Date(t.now().getTime() + minutes * 60_000);
    await t.hearth.deps.db.updateTable('alert').set({ due_at: dueAt }).where('id', '=', alertId).execute();
    return readyUrgentRun({ patientId, discipline: 'nurse', reason, alertId, sameDayVisit: 'keep' });
  }
  /** Nobody on these routes is out yet today, so whoever goes leaves the base at noon (now). */
  const expectArrivalAfterDriveFromNow = (stop: Route['stops'][number]) => {
    const earliest = 12 * 60 + stop.travelMinutes;
    expect(
      minutes(stop.start),
      `arrives ${stop.start} after ${stop.travelMinutes} min`,
    ).toBeGreaterThanOrEqual(earliest - 1);
    expect(minutes(stop.start)).toBeLessThanOrEqual(earliest + 5);
  };

  it('arrives by the answer-by time, as early as it can, not where the route is shortest', async () => {
    const patient = await thirdPatient();
    // the team's one social worker sees this family at 16:30 (agreed 16:00–17:00) and another
    // family at 12:30 (agreed 12:00–15:00): next to the 16:30 visit an urgent one costs no travel
    const worker = (
      (await coordinator.get(`/api/v1/dispatch/board?date=${today}`)).body.routes as Route[]
    ).filter((r) => r.role === 'social_worker');
    expect(worker).toHaveLength(1);
    const all = (await coordinator.get('/api/v1/patients?status=active&limit=50')).body.items as {
      id: string;
    }[];
    const book = async (who: string, windowFrom: string, windowTo: string, start: string) => {
      const asked = await coordinator.post(`/api/v1/patients/${who}/visits`, {
        discipline: 'social_worker',
        date: today,
        windowFrom,
        windowTo,
        reason: 'Плановый визит',
      });
      expect(asked.status, asked.raw).toBe(201);
      const booked = await coordinator.post(`/api/v1/visits/${asked.body.id}/schedule`, {
        staffId: worker[0]!.staffId,
        date: today,
        start,
      });
      expect(booked.status, booked.raw).toBe(200);
    };
    await book(patient, '16:00', '17:00', '16:30');
    await book(all.filter((p) => p.id !== patientId)[3]!.id, '12:00', '15:00', '12:30');
    const stopsBefore = await boardStops();
    // an urgent alert asks for an answer within the hour: by 13:00
    const raised = await alertFor(patient, 'Pain not controlled');
    const run = await readyUrgentRun({
      patientId: patient,
      discipline: 'social_worker',
      durationMinutes: 20,
      reason: 'Боль не купируется',
      alertId: raised.alertId,
      sameDayVisit: 'keep',
    });
    const stop = urgentStop(run)!;
    expect(stop, 'the urgent visit is planned').toBeDefined();
    expect(minutes(stop.start)).toBeGreaterThanOrEqual(12 * 60);
    expect(minutes(stop.start), `booked at ${stop.start}`).toBeLessThanOrEqual(13 * 60);
    expect(run.urgentTiming).toEqual({ arrives: stop.start, answerBy: '13:00', byAnswerBy: true });

    // the other families' visits stay in their agreed windows (or no further out than they were)
    const stopsAfter = (run.routes as Route[]).flatMap((r) => r.stops);
    for (const b of stopsBefore) {
      if (!b.windowFrom || !b.windowTo || b.status !== 'scheduled') continue;
      const a = stopsAfter.find((x) => x.visitId === b.visitId);
      if (!a) continue;
      const w = keptWindowToday(
        { windowStart: minutes(b.windowFrom), windowEnd: minutes(b.windowTo), startMin: minutes(b.start) },
        12 * 60,
      );
      expect(minutes(a.start), `${b.visitId} ${b.start} -> ${a.start}`).toBeGreaterThanOrEqual(w.start);
      expect(minutes(a.start), `${b.visitId} ${b.start} -> ${a.start}`).toBeLessThanOrEqual(w.end);
    }
    expect((await coordinator.post(`/api/v1/planning/runs/${run.id}/discard`)).status).toBe(200);
  });

  it('when the answer-by time cannot be met, still books it as soon as it can and says so', async () => {
    const patient = await thirdPatient();
    const raised = await alertFor(patient, 'Bleeding');
    // the alert's answer-by time, 11:50, has already passed
    const run = await nurseRunForAlertDueIn(-10, patient, raised.alertId, 'Кровотечение');
    const stop = urgentStop(run)!;
    expect(stop, 'the urgent visit is still planned').toBeDefined();
    expect(run.unassigned).toEqual([]);
    // she sets off from the base now (12:00), not at her shift start: she arrives after the
    // drive, and no later than it takes
    expectArrivalAfterDriveFromNow(stop);
    expect(run.urgentTiming).toEqual({ arrives: stop.start, answerBy: '11:50', byAnswerBy: false });
    expect((await coordinator.post(`/api/v1/planning/runs/${run.id}/discard`)).status).toBe(200);
  });

  it('when the answer-by time is still ahead but nobody can get there by then, solves again for later that day', async () => {
    const patient = await thirdPatient();
    const raised = await alertFor(patient, 'Breathless');
    // due in two minutes: not yet passed, but closer than anyone's drive to this family
    const run = await nurseRunForAlertDueIn(2, patient, raised.alertId, 'Одышка');
    // the first solve, bound by the answer-by time, could not place it; the second one did
    const stop = urgentStop(run)!;
    expect(stop, 'the urgent visit is planned after all').toBeDefined();
    expect(run.unassigned).toEqual([]);
    expectArrivalAfterDriveFromNow(stop);
    const answerBy = run.urgentTiming?.answerBy as string;
    expect(minutes(stop.start)).toBeGreaterThan(minutes(answerBy));
    expect(run.urgentTiming).toEqual({ arrives: stop.start, answerBy, byAnswerBy: false });
    expect((await coordinator.post(`/api/v1/planning/runs/${run.id}/discard`)).status).toBe(200);
  });
});

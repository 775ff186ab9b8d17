import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';
import { waitForRun } from '../../test/plan-runs.ts';
import { raiseAlert } from '../alerts/alerts.service.ts';

let t: TestApp;
let coordinator: Agent;
let family: Agent;
let patientId: string;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
  family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  const admin = await t.login('admin');
  expect((await admin.patch('/api/v1/settings', { planningTimeLimitSeconds: 1 })).status).toBe(200);
});
afterAll(async () => t.close());

type Stop = { visitId: string; discipline: string; start: string; warnings: { code: string }[] };
type Route = { staffId: string; staffName: string; role: string; date: string; stops: Stop[] };

describe('weekly planning', () => {
  let runId: string;
  it('solves the week from the care plans in a worker while the server keeps answering', async () => {
    const started = await coordinator.post('/api/v1/planning/runs', { weekStart: '2026-11-23' });
    expect(started.status, started.raw).toBe(202);
    expect(started.body.status).toBe('running');
    runId = started.body.id;
    const t0 = performance.now();
    const health = await t.anonymous().get('/api/health');
    expect(health.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(500);

    const run = await waitForRun(coordinator, runId);
    expect(run.status, run.error).toBe('ready');
    expect(run.progress.fraction).toBe(1);
    const routes = run.routes as Route[];
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) for (const s of r.stops) expect(s.discipline).toBe(r.role);
    // nothing planned in the past: today starts after noon (Minsk), the clock being 12:00
    for (const r of routes.filter((x) => x.date === '2026-11-23'))
      for (const s of r.stops) expect(s.start >= '12:00').toBe(true);
    expect(run.measures.visitsPlanned).toBeGreaterThan(40);
    expect(run.measures.visitsRequired).toBeGreaterThanOrEqual(run.measures.visitsPlanned);
    expect(run.measures.continuity).toBeGreaterThan(0.5);
    expect(run.measures.travelMinutesPerVisit).toBeGreaterThan(0);
  });

  it('publishes the reviewed plan once: staff and families see their visits', async () => {
    const pub = await coordinator.post(`/api/v1/planning/runs/${runId}/publish`);
    expect(pub.status, pub.raw).toBe(200);
    expect(pub.body.status).toBe('published');
    const again = await coordinator.post(`/api/v1/planning/runs/${runId}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      reason: 'planning.runAlreadyPublished',
      params: {},
      message: 'This plan is published and cannot be published.',
    });
    const visits = await family.get(`/api/v1/patients/${patientId}/visits?from=2026-11-23&to=2026-11-29`);
    expect(visits.body.filter((v: { kind: string }) => v.kind === 'planned').length).toBeGreaterThan(0);
    const nurse = await t.login('nurse');
    const notes = await nurse.get('/api/v1/notifications');
    expect(notes.body.items.map((n: { title: string }) => n.title)).toContain('Your visits are planned');
  });

  it('shows the week’s capacity by discipline and day, and a reason and a fix for every unplanned visit', async () => {
    const run = (await coordinator.get(`/api/v1/planning/runs/${runId}`)).body;
    const rows = run.capacity.rows as {
      discipline: string;
      date: string;
      availableMinutes: number;
      visits: number;
    }[];
    const nurseRows = rows.filter((r) => r.discipline === 'nurse');
    expect(nurseRows.length).toBeGreaterThan(0);
    // the rota's weekday shifts are 08:00–17:00: every nurse-day offers a multiple of nine hours
    // (today only from noon on, the test clock being 12:00)
    for (const r of nurseRows.filter((x) => x.date !== '2026-11-23'))
      expect(r.availableMinutes % 540).toBe(0);
    const plannedVisits = rows.reduce((sum, r) => sum + r.visits, 0);
    expect(plannedVisits).toBe(run.measures.visitsPlanned);
    const shortfalls = run.capacity.shortfalls as {
      visits: number;
      fix: string;
      code: string;
      dates: string[];
    }[];
    expect(shortfalls.reduce((sum, x) => sum + x.visits, 0)).toBe(run.unassigned.length);
    for (const u of run.unassigned) {
      expect(u.code).toBeTruthy();
      expect(u.dates.length).toBeGreaterThan(0);
      expect(shortfalls.some((x) => x.code === u.code && x.fix)).toBe(true);
    }
  });

  it('counts the visits already published when the week is planned again', async () => {
    const again = await coordinator.post('/api/v1/planning/runs', { weekStart: '2026-11-23' });
    const run = await waitForRun(coordinator, again.body.id);
    expect(run.status, run.error).toBe('ready');
    const first = (await coordinator.get(`/api/v1/planning/runs/${runId}`)).body;
    // the published visits are kept as they are, and they count as planned work of the week
    expect(run.measures.visitsPlanned).toBeGreaterThanOrEqual(first.measures.visitsPlanned);
    expect(run.measures.visitsRequired).toBeGreaterThanOrEqual(run.measures.visitsPlanned);
    expect(run.measures.travelMinutesPerVisit).toBeLessThan(first.measures.travelMinutesPerVisit * 1.5);
    // the preview says what publishing it changes: the visits it adds, the published ones it keeps
    const proposed = (run.routes as Route[]).flatMap((r) =>
      r.stops.filter((s) => (s as Stop & { status: string }).status === 'proposed'),
    );
    const firstAdded = first.againstPublished.added.length;
    expect(run.againstPublished.kept).toBeGreaterThanOrEqual(firstAdded);
    expect(run.againstPublished.kept).toBeGreaterThan(0);
    expect(run.againstPublished.added).toHaveLength(proposed.length);
    expect(run.againstPublished.added.length + run.againstPublished.kept).toBeGreaterThanOrEqual(
      run.measures.visitsPlanned,
    );
    await coordinator.post(`/api/v1/planning/runs/${run.id}/discard`);
  });

  it('is for coordinators only', async () => {
    const nurse = await t.login('nurse');
    expect((await nurse.post('/api/v1/planning/runs', { weekStart: '2026-11-30' })).status).toBe(403);
  });
});

describe('moving a visit with a preview', () => {
  it('shows the new times, warnings and people affected without saving, then the move matches it and can be undone', async () => {
    const board = (await coordinator.get('/api/v1/dispatch/board?date=2026-11-25')).body;
    const nurses = (board.routes as Route[]).filter((r) => r.role === 'nurse' && r.stops.length > 0);
    const [a, b] = [nurses[0]!, nurses[1]!];
    const moving = a.stops[0]!;
    const nurse = await t.login('nurse');
    const notesBefore = (await nurse.get('/api/v1/notifications')).body.items.length;

    const preview = await coordinator.post(`/api/v1/visits/${moving.visitId}/move/preview`, {
      staffId: b.staffId,
      date: '2026-11-25',
      position: 0,
    });
    expect(preview.status, preview.raw).toBe(200);
    const change = preview.body.changes.find((c: { visitId: string }) => c.visitId === moving.visitId);
    expect(change).toMatchObject({
      fromStaffName: a.staffName,
      toStaffName: b.staffName,
      fromStart: moving.start,
    });
    const previewRoute = (preview.body.board.routes as Route[]).find((r) => r.staffId === b.staffId)!;
    expect(previewRoute.stops[0]!.visitId).toBe(moving.visitId);

    // nothing was saved: the board, the notifications and the visit are as they were
    const still = (await coordinator.get('/api/v1/dispatch/board?date=2026-11-25')).body;
    expect(still.routes).toEqual(board.routes);
    expect((await nurse.get('/api/v1/notifications')).body.items.length).toBe(notesBefore);

    const moved = await coordinator.post(`/api/v1/visits/${moving.visitId}/move`, {
      staffId: b.staffId,
      date: '2026-11-25',
      position: 0,
    });
    expect((moved.body.routes as Route[]).find((r) => r.staffId === b.staffId)!.stops).toEqual(
      previewRoute.stops,
    );

    // undo: the web moves it back to where it was
    const undone = await coordinator.post(`/api/v1/visits/${moving.visitId}/move`, {
      staffId: a.staffId,
      date: '2026-11-25',
      position: 0,
    });
    expect(undone.status).toBe(200);
    const back = (undone.body.routes as Route[]).find((r) => r.staffId === a.staffId)!;
    expect(back.stops.map((s) => s.visitId)).toEqual(a.stops.map((s) => s.visitId));
  });

  it('refuses a preview into the past like the move itself', async () => {
    const board = (await coordinator.get('/api/v1/dispatch/board?date=2026-11-25')).body;
    const stop = (board.routes as Route[]).find((r) => r.stops.length > 0)!.stops[0]!;
    const past = await coordinator.post(`/api/v1/visits/${stop.visitId}/move/preview`, {
      staffId: (board.routes as Route[])[0]!.staffId,
      date: '2026-11-20',
    });
    expect(past.status).toBe(400);
    expect(past.body.error).toMatchObject({
      reason: 'planning.moveDayPassed',
      message: 'A visit cannot be moved to a day that has passed.',
      details: { fields: [{ field: 'body.date', message: 'in the past' }] },
    });
    const nurse = await t.login('nurse');
    const refused = await nurse.post(`/api/v1/visits/${stop.visitId}/move/preview`, {
      staffId: stop.visitId,
      date: '2026-11-25',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      reason: 'planning.moveCoordinatorOnly',
      message: 'Only a coordinator moves visits.',
    });
  });
});

describe('the dispatch board', () => {
  it('shows each person’s ordered visits with arrival times and travel, and re-times after a move', async () => {
    const board = await coordinator.get('/api/v1/dispatch/board?date=2026-11-24');
    expect(board.status, board.raw).toBe(200);
    const routes = board.body.routes as (Route & { travelMinutes: number })[];
    const nurses = routes.filter((r) => r.role === 'nurse' && r.stops.length > 0);
    expect(nurses.length).toBeGreaterThanOrEqual(2);
    const a = nurses[0]!;
    const b = nurses[1]!;
    for (const r of nurses) {
      const starts = r.stops.map((s) => s.start);
      expect([...starts].sort()).toEqual(starts);
    }
    expect(board.body.travelSource).toBe('estimate');
    const moving = a.stops.at(-1)!;
    const moved = await coordinator.post(`/api/v1/visits/${moving.visitId}/move`, {
      staffId: b.staffId,
      date: '2026-11-24',
      position: 0,
    });
    expect(moved.status, moved.raw).toBe(200);
    const bAfter = (moved.body.routes as Route[]).find((r) => r.staffId === b.staffId)!;
    expect(bAfter.stops[0]!.visitId).toBe(moving.visitId);
    expect(bAfter.stops).toHaveLength(b.stops.length + 1);
    const aAfter = (moved.body.routes as Route[]).find((r) => r.staffId === a.staffId)!;
    expect(aAfter.stops).toHaveLength(a.stops.length - 1);

    const past = await coordinator.post(`/api/v1/visits/${moving.visitId}/move`, {
      staffId: b.staffId,
      date: '2026-11-20',
    });
    expect(past.status).toBe(400);

    // a nurse's visit given to the chaplain is flagged
    const chaplain = routes.find((r) => r.role === 'chaplain')!;
    const wrong = await coordinator.post(`/api/v1/visits/${moving.visitId}/move`, {
      staffId: chaplain.staffId,
      date: '2026-11-24',
    });
    const cr = (wrong.body.routes as Route[]).find((r) => r.staffId === chaplain.staffId)!;
    expect(cr.stops.find((s) => s.visitId === moving.visitId)!.warnings.map((w) => w.code)).toContain(
      'skill',
    );
  });
});

describe('the dispatch board (other days and warnings)', () => {
  it('measures continuity by the key worker, and draws tiles only from a source on this service', async () => {
    const board = await coordinator.get('/api/v1/dispatch/board?date=2026-11-25');
    expect(board.body.measures.continuity).toBeGreaterThan(0);
    expect(board.body.measures.continuity).toBeLessThanOrEqual(1);
    expect(board.body.mapTileUrl).toBeNull();
    const admin = await t.login('admin');
    const travel = (await admin.get('/api/v1/settings')).body.travel;
    const elsewhere = await admin.patch('/api/v1/settings', {
      travel: { ...travel, mapTileUrl: 'https://tile.example.org/{z}/{x}/{y}.png' },
    });
    expect(elsewhere.status).toBe(400);
    const ok = await admin.patch('/api/v1/settings', {
      travel: { ...travel, mapTileUrl: '/tiles/{z}/{x}/{y}.png' },
    });
    expect(ok.status, ok.raw).toBe(200);
    const after = await coordinator.get('/api/v1/dispatch/board?date=2026-11-25');
    expect(after.body.mapTileUrl).toBe('/tiles/{z}/{x}/{y}.png');
  });

  it('moves a visit to another day for the same person, re-timed on that day', async () => {
    const board = await coordinator.get('/api/v1/dispatch/board?date=2026-11-25');
    const next = await coordinator.get('/api/v1/dispatch/board?date=2026-11-26');
    const loadNextDay = (staffId: string) =>
      (next.body.routes as Route[]).find((r) => r.staffId === staffId)?.stops.length ?? 0;
    // the planner works to a time budget, so how full each nurse's next day is varies from run to
    // run; the nurse with the lightest next day keeps the moved visit inside that day
    const nurse = (board.body.routes as Route[])
      .filter((r) => r.role === 'nurse' && r.stops.length > 0)
      .sort((a, b) => loadNextDay(a.staffId) - loadNextDay(b.staffId))[0]!;
    const moving = nurse.stops[0]!;
    const moved = await coordinator.post(`/api/v1/visits/${moving.visitId}/move`, {
      staffId: nurse.staffId,
      date: '2026-11-26',
    });
    expect(moved.status, moved.raw).toBe(200);
    const there = await coordinator.get('/api/v1/dispatch/board?date=2026-11-26');
    const route = (there.body.routes as Route[]).find((r) => r.staffId === nurse.staffId)!;
    const stop = route.stops.find((x) => x.visitId === moving.visitId);
    expect(stop).toBeDefined();
    const starts = route.stops.map((x) => x.start);
    expect([...starts].sort()).toEqual(starts);
    const left = await coordinator.get('/api/v1/dispatch/board?date=2026-11-25');
    expect(
      (left.body.routes as Route[]).flatMap((r) => r.stops).some((x) => x.visitId === moving.visitId),
    ).toBe(false);
  });

  it('warns of broken windows and overtime when one nurse is given the whole day, and counts the overtime', async () => {
    const board = await coordinator.get('/api/v1/dispatch/board?date=2026-11-27');
    const nurses = (board.body.routes as Route[]).filter((r) => r.role === 'nurse' && r.stops.length > 0);
    const target = nurses[0]!;
    let last = board;
    for (const r of nurses.slice(1))
      for (const stop of r.stops) {
        last = await coordinator.post(`/api/v1/visits/${stop.visitId}/move`, {
          staffId: target.staffId,
          date: '2026-11-27',
        });
        expect(last.status, last.raw).toBe(200);
      }
    const route = (last.body.routes as (Route & { warnings: { code: string }[] })[]).find(
      (r) => r.staffId === target.staffId,
    )!;
    const codes = route.warnings.map((w) => w.code);
    expect(codes).toContain('overtime');
    expect(codes).toContain('window');
    expect(last.body.measures.overtimeMinutes).toBeGreaterThan(0);
    expect(last.body.measures.travelKm).toBeGreaterThan(0);
  });
});

describe('urgent visit', () => {
  it('previews the least-disruptive insertion for today, keeps started visits, and notifies on accept', async () => {
    const today = await coordinator.get('/api/v1/dispatch/board?date=2026-11-23');
    const withStops = (today.body.routes as Route[]).filter((r) => r.role === 'nurse' && r.stops.length > 0);
    const started = withStops[0]!.stops[0]!;
    const owner = withStops[0]!;
    // the coordinator marks the first visit as under way (as the nurse's phone would)
    expect(
      (await coordinator.post(`/api/v1/visits/${started.visitId}/transition`, { to: 'on_the_way' })).status,
    ).toBe(200);

    const preview = await coordinator.post('/api/v1/planning/urgent', {
      patientId,
      discipline: 'nurse',
      reason: 'Сильная боль, семья не справляется',
    });
    expect(preview.status, preview.raw).toBe(202);
    const run = await waitForRun(coordinator, preview.body.id);
    expect(run.status, run.error).toBe('ready');
    expect(run.unassigned).toEqual([]);
    const urgentRoute = (run.routes as Route[]).find((r) => r.stops.some((s) => s.visitId === 'urgent'))!;
    expect(urgentRoute.role).toBe('nurse');
    const keep = (run.routes as Route[]).flatMap((r) => r.stops.map((s) => ({ ...s, staffId: r.staffId })));
    expect(keep.find((s) => s.visitId === started.visitId)).toMatchObject({
      staffId: owner.staffId,
      start: started.start,
    });
    // nothing changed yet
    const before = await family.get(`/api/v1/patients/${patientId}/visits?from=2026-11-23&to=2026-11-23`);
    expect(before.body.some((v: { kind: string }) => v.kind === 'urgent')).toBe(false);

    const accepted = await coordinator.post(`/api/v1/planning/runs/${run.id}/publish`);
    expect(accepted.status, accepted.raw).toBe(200);
    const after = await family.get(`/api/v1/patients/${patientId}/visits?from=2026-11-23&to=2026-11-23`);
    const urgent = after.body.find((v: { kind: string }) => v.kind === 'urgent');
    expect(urgent).toMatchObject({
      status: 'scheduled',
      staffId: urgentRoute.staffId,
      reason: 'Сильная боль, семья не справляется',
    });
    const familyNotes = await family.get('/api/v1/notifications');
    // the week plan may have given the patient a nurse visit later today: then that one came earlier
    expect(familyNotes.body.items.map((n: { title: string }) => n.title)).toContain(
      run.sameDayVisit?.merged ? 'Your visit today comes earlier' : 'An urgent visit is on its way',
    );
  });

  it('dispatches from an alert: the alert is answered with "urgent visit"', async () => {
    const deps = t.hearth.deps;
    const raised = await deps.db.transaction().execute((trx) =>
      raiseAlert(trx, deps, {
        organizationId: t.organizationId,
        patientId,
        severity: 'urgent',
        audience: 'clinical',
        ruleSet: 'test',
        ruleSetVersion: '1',
        ruleId: 'test.family-cannot-cope',
        title: 'The family cannot cope',
        facts: {},
      }),
    );
    const alert = { id: raised.alertId, patientId };
    const others = await coordinator.get('/api/v1/patients?status=active&limit=5');
    const otherPatient = others.body.items.find((p: { id: string }) => p.id !== patientId).id;
    const wrongPatient = await coordinator.post('/api/v1/planning/urgent', {
      patientId: otherPatient,
      discipline: 'nurse',
      reason: 'Проверка',
      alertId: alert.id,
    });
    expect(wrongPatient.status).toBe(404);
    expect(wrongPatient.body.error).toMatchObject({
      reason: 'notFound',
      params: { what: 'alert' },
      message: 'The alert was not found.',
    });
    const preview = await coordinator.post('/api/v1/planning/urgent', {
      patientId: alert.patientId,
      discipline: 'physician',
      reason: 'Вызов по тревоге',
      alertId: alert.id,
    });
    expect(preview.status, preview.raw).toBe(202);
    const run = await waitForRun(coordinator, preview.body.id);
    expect(run.status, run.error).toBe('ready');
    expect((await coordinator.post(`/api/v1/planning/runs/${run.id}/publish`)).status).toBe(200);
    const after = await coordinator.get(`/api/v1/alerts/${alert.id}`);
    expect(after.body).toMatchObject({ status: 'resolved', outcome: 'urgent_visit_requested' });
  });

  it('still finds a place late in the evening for someone on an evening shift', async () => {
    // 23:10 in Minsk (UTC+3): the demo shifts have ended; a nurse is on a late shift
    t.advance(Date.parse('2026-11-23T20:10:00Z') - t.now().getTime());
    const board = await coordinator.get('/api/v1/dispatch/board?date=2026-11-23');
    const nurse = (board.body.routes as Route[]).find((r) => r.role === 'nurse')!;
    const shift = await coordinator.post('/api/v1/rota/shifts', {
      staffId: nurse.staffId,
      date: '2026-11-23',
      start: '18:00',
      end: '23:59',
    });
    expect(shift.status, shift.raw).toBe(201);
    const preview = await coordinator.post('/api/v1/planning/urgent', {
      patientId,
      discipline: 'nurse',
      reason: 'Поздний вызов',
    });
    expect(preview.status, preview.raw).toBe(202);
    const run = await waitForRun(coordinator, preview.body.id);
    expect(run.status, run.error).toBe('ready');
    expect(run.unassigned).toEqual([]);
    const stop = (run.routes as Route[]).flatMap((r) => r.stops).find((x) => x.visitId === 'urgent')!;
    expect(stop.start >= '23:10').toBe(true);
  });
});

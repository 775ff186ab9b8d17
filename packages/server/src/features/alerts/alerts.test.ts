import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type HearthApp } from '../../app.ts';
import { openDatabase } from '../../db/database.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { alertJobs } from './alerts.jobs.ts';
import { announceAlerts, type RaiseAlertInput, raiseAlert } from './alerts.service.ts';

let t: TestApp;
let patientIds: string[];
beforeAll(async () => {
  t = await createTestApp();
  const physician = await t.login('physician');
  const list = await physician.get('/api/v1/patients?limit=200');
  patientIds = list.body.items
    .filter((p: { status: string }) => p.status === 'active')
    .map((p: { id: string }) => p.id);
});
afterAll(async () => t.close());

let nextPatient = 0;
const raise = async (overrides: Partial<RaiseAlertInput> = {}) => {
  const deps = t.hearth.deps;
  const raised = await deps.db.transaction().execute((trx) =>
    raiseAlert(trx, deps, {
      organizationId: t.organizationId,
      patientId: patientIds[nextPatient++ % patientIds.length]!,
      severity: 'urgent',
      audience: 'clinical',
      ruleSet: 'test',
      ruleSetVersion: '1',
      ruleId: 'test.rule',
      title: 'Pain 8/10',
      facts: { pain: 8 },
      ...overrides,
    }),
  );
  await announceAlerts(deps, [raised]);
  return raised;
};

const minutes = 60_000;

describe('raising an alert', () => {
  it('gives it to the primary on-call physician with the deadline for its severity, in the inbox and notifications', async () => {
    const physician = await t.login('physician');
    const raised = await raise();
    expect(raised.created).toBe(true);
    expect(raised.ownerId).toBe(physician.userId);
    expect(raised.dueAt.getTime() - t.now().getTime()).toBe(60 * minutes);
    const mine = await physician.get('/api/v1/alerts?mine=true');
    expect(mine.status).toBe(200);
    const alert = mine.body.items.find((a: { id: string }) => a.id === raised.alertId);
    expect(alert).toMatchObject({
      severity: 'urgent',
      status: 'open',
      ruleSet: 'test',
      ruleSetVersion: '1',
      ruleId: 'test.rule',
      facts: { pain: 8 },
      overdue: false,
    });
    expect(alert.timeline.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'notified']);
    const notes = await physician.get('/api/v1/notifications');
    expect(notes.body.items.some((n: { entityId: string }) => n.entityId === raised.alertId)).toBe(true);
    const review = await raise({ severity: 'review', ruleId: 'test.review' });
    expect(review.dueAt.getTime() - t.now().getTime()).toBe(24 * 60 * minutes);
  });

  it('adds a repeat of the same rule to the open alert, raising its severity', async () => {
    const patientId = patientIds[0]!;
    const first = await raise({ patientId, ruleId: 'test.repeat', severity: 'review', facts: { pain: 5 } });
    const again = await raise({ patientId, ruleId: 'test.repeat', severity: 'urgent', facts: { pain: 9 } });
    expect(again.created).toBe(false);
    expect(again.alertId).toBe(first.alertId);
    const physician = await t.login('physician');
    const alert = (await physician.get(`/api/v1/alerts/${first.alertId}`)).body;
    expect(alert.severity).toBe('urgent');
    expect(alert.facts).toEqual({ pain: 9 });
    expect(alert.timeline.map((e: { kind: string }) => e.kind)).toContain('worsened');
  });

  it('sends psychosocial alerts to a psychologist and tells the coordinators’ lead', async () => {
    const psychologist = await t.login('psychologist');
    const coordinator = await t.login('coordinator');
    const raised = await raise({ audience: 'psychosocial', severity: 'review', ruleId: 'test.coping' });
    expect(raised.ownerId).toBe(psychologist.userId);
    expect(raised.notifiedUserIds).toContain(coordinator.userId);
  });

  it('lets only the care team read the inbox', async () => {
    const family = await t.login('family');
    expect((await family.get('/api/v1/alerts')).status).toBe(403);
    const equipment = await t.login('equipment_manager');
    expect((await equipment.get('/api/v1/alerts')).status).toBe(403);
  });
});

describe('answering an alert', () => {
  it('acknowledges (taking ownership), then resolves with an outcome only a physician may choose', async () => {
    const raised = await raise({ ruleId: 'test.answer' });
    const nurse = await t.login('nurse');
    const physician2 = await t.login('physician2@demo.hearth.local');
    const ack = await physician2.post(`/api/v1/alerts/${raised.alertId}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
    expect(ack.body.ownerId).toBe(physician2.userId);

    const noNote = await physician2.post(`/api/v1/alerts/${raised.alertId}/resolve`, {
      outcome: 'advice_by_phone',
    });
    expect(noNote.status).toBe(400);
    const byNurse = await nurse.post(`/api/v1/alerts/${raised.alertId}/resolve`, {
      outcome: 'therapy_adjusted',
    });
    expect(byNurse.status).toBe(403);
    const done = await physician2.post(`/api/v1/alerts/${raised.alertId}/resolve`, {
      outcome: 'therapy_adjusted',
      note: 'Morphine SR dose raised by the physician',
      familyMessage: 'The doctor changed the pain medicine. A nurse will visit tomorrow.',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'resolved', outcome: 'therapy_adjusted' });
    expect(done.body.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'raised',
      'notified',
      'acknowledged',
      'resolved',
    ]);
    const again = await physician2.post(`/api/v1/alerts/${raised.alertId}/resolve`, {
      outcome: 'no_action_needed',
      note: 'x',
    });
    expect(again.status).toBe(409);
    // a new occurrence after resolution is a new alert
    const later = await raise({ patientId: raised.patientId, ruleId: 'test.answer' });
    expect(later.created).toBe(true);
  });
});

describe('escalation along the on-call chain', () => {
  it('passes an unacknowledged alert to the backup, then stops at the end of the chain, surviving a restart', async () => {
    const physician2 = await t.login('physician2@demo.hearth.local');
    const raised = await raise({ ruleId: 'test.escalate' });
    await t.restart();
    t.advance(59 * minutes);
    await t.hearth.jobs.runDue();
    const physician = await t.login('physician');
    let alert = (await physician.get(`/api/v1/alerts/${raised.alertId}`)).body;
    expect(alert.escalationLevel).toBe(0);
    t.advance(2 * minutes);
    await t.hearth.jobs.runDue();
    alert = (await physician.get(`/api/v1/alerts/${raised.alertId}`)).body;
    expect(alert.overdue).toBe(false);
    expect(alert.ownerId).toBe(physician2.userId);
    expect(alert.escalationLevel).toBe(1);
    const escalated = alert.timeline.find((e: { kind: string }) => e.kind === 'escalated');
    expect(escalated.data).toMatchObject({ level: 1, fromUserId: physician.userId, minutesLate: 1 });
    const notes = await physician2.get('/api/v1/notifications');
    expect(
      notes.body.items.some(
        (n: { kind: string; entityId: string }) =>
          n.kind === 'alert.escalated' && n.entityId === raised.alertId,
      ),
    ).toBe(true);
    // the backup has 30 minutes (escalationStepMinutes) before the chain runs out
    t.advance(31 * minutes);
    await t.hearth.jobs.runDue();
    alert = (await physician.get(`/api/v1/alerts/${raised.alertId}`)).body;
    expect(alert.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'raised',
      'notified',
      'escalated',
      'escalation_exhausted',
    ]);
    expect(alert.overdue).toBe(true);
  });

  it('does not escalate an acknowledged alert', async () => {
    const raised = await raise({ ruleId: 'test.ack-stops' });
    const physician = await t.login('physician');
    await physician.post(`/api/v1/alerts/${raised.alertId}/acknowledge`);
    t.advance(3 * 60 * minutes);
    await t.hearth.jobs.runDue();
    const alert = (await physician.get(`/api/v1/alerts/${raised.alertId}`)).body;
    expect(alert.timeline.some((e: { kind: string }) => e.kind === 'escalated')).toBe(false);
    expect(alert.escalationLevel).toBe(0);
  });

  it('never escalates twice when two job runners (two server processes on PostgreSQL) share one database', async () => {
    const raisedIds: string[] = [];
    for (let i = 0; i < 12; i++) raisedIds.push((await raise({ ruleId: `test.race-${i}` })).alertId);
    t.advance(61 * minutes);
    let second: HearthApp | null = null;
    let secondDb: Awaited<ReturnType<typeof openDatabase>> | null = null;
    let otherRunner: { runDue(): Promise<number> };
    if (t.database.kind === 'postgres') {
      // a second server process: its own pool, its own app, the same database
      secondDb = await openDatabase({ databaseUrl: t.database.cliEnv.DATABASE_URL, poolMax: 5 });
      second = await buildApp({ config: t.hearth.deps.config, database: secondDb, clock: () => t.now() });
      otherRunner = second.jobs;
    } else {
      const runner = new JobRunner(t.hearth.deps);
      alertJobs(runner);
      otherRunner = runner;
    }
    try {
      const counts = await Promise.all([
        t.hearth.jobs.runDue(),
        otherRunner.runDue(),
        t.hearth.jobs.runDue(),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12);
      const physician = await t.login('physician');
      for (const id of raisedIds) {
        const alert = (await physician.get(`/api/v1/alerts/${id}`)).body;
        expect(alert.timeline.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(1);
        expect(alert.escalationLevel).toBe(1);
      }
    } finally {
      await second?.close();
      await secondDb?.close();
    }
  });
});

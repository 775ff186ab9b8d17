import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockHeldJob } from '../../platform/jobs/job.repository.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { type Agent, createTestApp, type OtherServer, type TestApp } from '../../test/harness.ts';
import { waitForRun } from '../../test/plan-runs.ts';
import { planSolveJob, planSolveKey } from './plan-run-job.ts';
import { insertRun } from './planning.repository.ts';

// Two server processes on one database, as behind a load balancer: A solves, B answers.
// A long lease, so no heartbeat falls inside a test: a test moves the clock past it to play a
// process that stopped beating.
const leaseMs = 600_000;

let t: TestApp;
let b: OtherServer;
let coordinatorA: Agent;
let coordinatorB: Agent;
let admin: Agent;
const setTimeLimit = async (seconds: number) =>
  expect((await admin.patch('/api/v1/settings', { planningTimeLimitSeconds: seconds })).status).toBe(200);
beforeAll(async () => {
  t = await createTestApp({ env: { HEARTH_JOB_LEASE_MS: String(leaseMs) } });
  admin = await t.login('admin');
  await setTimeLimit(3);
  b = await t.another();
  coordinatorA = await t.login('coordinator');
  coordinatorB = await b.login('coordinator');
});
afterAll(async () => {
  await b.close();
  await t.close();
});

/** The run's job: one row of the job table per run. */
const jobOf = (runId: string) =>
  t.database.db
    .selectFrom('job')
    .selectAll()
    .where('organization_id', '=', t.organizationId)
    .where('idempotency_key', '=', planSolveKey(runId))
    .executeTakeFirstOrThrow();

/** The run's job once its runner has recorded the end (a moment after the run's own row). */
async function finishedJobOf(runId: string) {
  for (let i = 0; i < 100; i++) {
    const job = await jobOf(runId);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the job did not end');
}

/** Waits until the solver of a run has written progress to its row (it is mid-run). */
async function waitUntilUnderWay(agent: Agent, id: string) {
  for (let i = 0; i < 300; i++) {
    const run = (await agent.get(`/api/v1/planning/runs/${id}`)).body;
    if (run.status !== 'running')
      throw new Error(`the run ended before the test could stop it: ${run.status}`);
    if (run.progress.iterations > 0) return run.progress as { iterations: number; fraction: number };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the run never reported progress');
}

describe('durable plan runs', () => {
  it('is a job of the job table, and a server that is not solving it shows its progress', async () => {
    const started = await coordinatorA.post('/api/v1/planning/runs', { weekStart: '2026-11-23' });
    expect(started.status, started.raw).toBe(202);
    const id = started.body.id as string;
    const job = await jobOf(id);
    expect(job).toMatchObject({ kind: planSolveJob, payload: { runId: id }, status: 'running', attempts: 1 });
    expect(job.locked_by).toBe(t.hearth.jobs.id);
    // B's runner leaves a job alone while A holds its lease
    await b.hearth.jobs.runDue();
    expect((await jobOf(id)).locked_by).toBe(t.hearth.jobs.id);

    const seenOnB = await waitUntilUnderWay(coordinatorB, id);
    expect(seenOnB.fraction).toBeGreaterThan(0);
    const doneOnB = await waitForRun(coordinatorB, id);
    expect(doneOnB.status).toBe('ready');
    expect(doneOnB.progress.fraction).toBe(1);
    const doneOnA = (await coordinatorA.get(`/api/v1/planning/runs/${id}`)).body;
    expect(doneOnA.routes.length).toBeGreaterThan(0);
    expect(doneOnB.routes).toEqual(doneOnA.routes);
    expect(await finishedJobOf(id)).toMatchObject({ status: 'done', locked_by: null });
  });

  it('is finished by another server when the one solving it stops mid-run', async () => {
    // long enough that C is surely still solving when it stops, however busy the machine
    await setTimeLimit(120);
    const c = await t.another();
    const coordinatorC = await c.login('coordinator');
    const started = await coordinatorC.post('/api/v1/planning/runs', { weekStart: '2026-11-30' });
    const id = started.body.id as string;
    await waitUntilUnderWay(coordinatorB, id);
    // a graceful stop hands the job back to the queue instead of making the coordinator wait
    await c.close();
    // the server that takes it over prepares it again, with the settings of now
    await setTimeLimit(3);
    expect(await jobOf(id)).toMatchObject({ status: 'pending', locked_by: null });
    expect((await coordinatorB.get(`/api/v1/planning/runs/${id}`)).body.status).toBe('running');
    // both remaining servers look at once: one of them takes it, once
    await Promise.all([t.hearth.jobs.runDue(), b.hearth.jobs.runDue()]);
    const claimed = await jobOf(id);
    expect(claimed.status).toBe('running');
    expect([t.hearth.jobs.id, b.hearth.jobs.id]).toContain(claimed.locked_by);
    expect(claimed.attempts).toBe(1);
    const done = await waitForRun(coordinatorB, id);
    expect(done.status, done.error).toBe('ready');
    expect(done.routes.length).toBeGreaterThan(0);
    expect(await finishedJobOf(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('is taken over once the lease of a server that stopped beating has passed; the late solver stores nothing', async () => {
    await setTimeLimit(120);
    const started = await coordinatorA.post('/api/v1/planning/runs', { weekStart: '2026-11-23' });
    const id = started.body.id as string;
    const held = await jobOf(id);
    expect(held.locked_by).toBe(t.hearth.jobs.id);
    // the solver's own lease, not the shared one (here ten minutes): a dead solver's run passes
    // on within 15 s while the coordinator watches
    expect(held.lease_until!.getTime() - t.now().getTime()).toBe(15_000);
    await setTimeLimit(3);
    // A goes quiet past its lease (on the clock both servers read); B's runner takes the job
    t.advance(15_000 + 60_000);
    await b.hearth.jobs.runDue();
    const claimed = await jobOf(id);
    expect(claimed).toMatchObject({ status: 'running', attempts: 2 });
    expect(claimed.locked_by).toBe(b.hearth.jobs.id);
    // A's writes are fenced by the lease it lost
    expect(await lockHeldJob(t.database.db, t.hearth.jobs.id, claimed.id)).toBe(false);
    const done = await waitForRun(coordinatorA, id);
    expect(done.status, done.error).toBe('ready');
    expect(done.routes.length).toBeGreaterThan(0);
    expect(await finishedJobOf(id)).toMatchObject({ status: 'done', attempts: 2, last_error: null });
    // the taken-over plan publishes like any other
    const pub = await coordinatorA.post(`/api/v1/planning/runs/${id}/publish`);
    expect(pub.status, pub.raw).toBe(200);
  });

  it('fails a run that cannot be prepared again, rather than leaving it running', async () => {
    // a run started before runs were durable has no request to prepare it from; the migration
    // gave it a job
    const id = randomUUID();
    await insertRun(t.database.db, {
      id,
      organization_id: t.organizationId,
      kind: 'week',
      status: 'running',
      week_start: '2026-11-30',
      input: {},
      result: null,
      error: null,
      created_by: coordinatorA.userId!,
      created_at: t.now(),
      finished_at: null,
      published_at: null,
      published_by: null,
    });
    await JobRunner.enqueue(
      t.database.db,
      t.organizationId,
      planSolveJob,
      t.now(),
      { runId: id },
      { idempotencyKey: planSolveKey(id) },
    );
    await b.hearth.jobs.runDue();
    const failed = await waitForRun(coordinatorA, id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/start again/);
    expect(await finishedJobOf(id)).toMatchObject({ status: 'done' });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type OtherServer, type TestApp } from '../../test/harness.ts';
import { insertRun } from './planning.repository.ts';

// Two server processes on one database, as behind a load balancer: A solves, B answers.
let t: TestApp;
let b: OtherServer;
let coordinatorA: Agent;
let coordinatorB: Agent;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  expect((await admin.patch('/api/v1/settings', { planningTimeLimitSeconds: 3 })).status).toBe(200);
  b = await t.another();
  coordinatorA = await t.login('coordinator');
  coordinatorB = await b.login('coordinator');
});
afterAll(async () => {
  await b.close();
  await t.close();
});

const runRow = (id: string) =>
  t.database.db
    .selectFrom('plan_run')
    .select(['status', 'owner', 'attempts', 'error', 'heartbeat_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

async function waitUntilDone(agent: Agent, id: string) {
  for (let i = 0; i < 600; i++) {
    const run = await agent.get(`/api/v1/planning/runs/${id}`);
    if (run.body.status !== 'running') return run.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('planning did not finish');
}

/** Makes a run look as if its process died a minute ago. */
const abandon = (id: string) =>
  t.database.db
    .updateTable('plan_run')
    .set({ owner: 'gone-host/4242/deadbeef', heartbeat_at: new Date(Date.now() - 60_000) })
    .where('id', '=', id)
    .execute();

describe('durable plan runs', () => {
  it('shows a run’s progress on a server that is not solving it, read from the database', async () => {
    const started = await coordinatorA.post('/api/v1/planning/runs', { weekStart: '2026-11-23' });
    expect(started.status, started.raw).toBe(202);
    const id = started.body.id as string;
    expect((await runRow(id)).owner).toBe(t.hearth.planRuns.owner);
    let seenOnB: { iterations: number; fraction: number } | null = null;
    for (let i = 0; i < 100 && !seenOnB; i++) {
      const run = (await coordinatorB.get(`/api/v1/planning/runs/${id}`)).body;
      if (run.status !== 'running') break;
      if (run.progress.iterations > 0) seenOnB = run.progress;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(seenOnB, 'B saw the search under way').not.toBeNull();
    expect(seenOnB!.fraction).toBeGreaterThan(0);
    const doneOnB = await waitUntilDone(coordinatorB, id);
    expect(doneOnB.status).toBe('ready');
    expect(doneOnB.progress.fraction).toBe(1);
    const doneOnA = (await coordinatorA.get(`/api/v1/planning/runs/${id}`)).body;
    expect(doneOnA.routes.length).toBeGreaterThan(0);
    expect(doneOnB.routes).toEqual(doneOnA.routes);
  });

  it('is taken over and finished by another server when its process stops beating', async () => {
    const started = await coordinatorA.post('/api/v1/planning/runs', { weekStart: '2026-11-23' });
    const id = started.body.id as string;
    await abandon(id);
    // A learns at its next heartbeat that the run is no longer its own and stops solving it
    await t.hearth.planRuns.settled();
    expect((await runRow(id)).status).toBe('running');
    expect(await b.hearth.planRuns.takeOverStale()).toBe(1);
    const claimed = await runRow(id);
    expect(claimed.owner).toBe(b.hearth.planRuns.owner);
    expect(claimed.attempts).toBe(2);
    const done = await waitUntilDone(coordinatorA, id);
    expect(done.status, done.error).toBe('ready');
    expect(done.routes.length).toBeGreaterThan(0);
    // the taken-over plan publishes like any other
    const pub = await coordinatorA.post(`/api/v1/planning/runs/${id}/publish`);
    expect(pub.status, pub.raw).toBe(200);
  });

  it('is claimed once when two servers check at the same time', async () => {
    const started = await coordinatorB.post('/api/v1/planning/runs', { weekStart: '2026-11-30' });
    const id = started.body.id as string;
    await abandon(id);
    await b.hearth.planRuns.settled();
    const claims = await Promise.all([t.hearth.planRuns.takeOverStale(), b.hearth.planRuns.takeOverStale()]);
    expect(claims[0] + claims[1]).toBe(1);
    expect((await waitUntilDone(coordinatorB, id)).status).toBe('ready');
  });

  it('leaves a fresh heartbeat alone, and fails a stale run that cannot be prepared again', async () => {
    const started = await coordinatorA.post('/api/v1/planning/runs', { weekStart: '2026-11-30' });
    expect(await b.hearth.planRuns.takeOverStale()).toBe(0);
    expect((await runRow(started.body.id)).owner).toBe(t.hearth.planRuns.owner);
    await waitUntilDone(coordinatorA, started.body.id);

    // a run started before runs were durable has no request to prepare it from
    const id = randomUUID();
    const coordinatorId = coordinatorA.userId!;
    await insertRun(t.database.db, {
      id,
      organization_id: t.organizationId,
      kind: 'week',
      status: 'running',
      week_start: '2026-11-30',
      input: {},
      result: null,
      error: null,
      created_by: coordinatorId,
      created_at: t.now(),
      finished_at: null,
      published_at: null,
      published_by: null,
    });
    expect(await b.hearth.planRuns.takeOverStale()).toBe(1);
    const failed = (await coordinatorA.get(`/api/v1/planning/runs/${id}`)).body;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/start again/);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import * as repo from './job.repository.ts';
import { JobPayloadError, JobRunner } from './job-runner.ts';

const leaseMs = 400;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { HEARTH_JOB_LEASE_MS: String(leaseMs), HEARTH_JOB_RETENTION_DAYS: '30' } });
  // the demo's reminders already due run first, so each test sees only the jobs it queues
  while ((await t.hearth.jobs.runDue()) > 0);
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jobRow = (id: string) =>
  t.hearth.deps.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const jobsWithKey = (key: string) =>
  t.hearth.deps.db.selectFrom('job').selectAll().where('idempotency_key', '=', key).execute();

/** Queues a callback-deadline job for a care request that does not exist: the real handler then does nothing. */
async function queueJob(key = randomUUID()) {
  await JobRunner.enqueue(
    t.hearth.deps.db,
    t.organizationId,
    'intake.callback-deadline',
    t.now(),
    { careRequestId: randomUUID() },
    { idempotencyKey: key },
  );
  const [row] = await jobsWithKey(key);
  return row!;
}

describe('leases', () => {
  it('a job whose runner keeps beating is not taken by another, however long it runs', async () => {
    const job = await queueJob();
    let release = () => {};
    const started: string[] = [];
    const slow = new JobRunner(t.hearth.deps);
    slow.register('intake.callback-deadline', async (_deps, running) => {
      started.push(running.id);
      await new Promise<void>((r) => {
        release = r;
      });
    });
    const other = new JobRunner(t.hearth.deps);
    const otherRan: string[] = [];
    other.register('intake.callback-deadline', async (_deps, running) => {
      otherRan.push(running.id);
    });

    const slowPass = slow.runDue();
    while (started.length === 0) await sleep(5);
    // past the first lease on the clock, with heartbeats in between
    for (let i = 0; i < 4; i++) {
      t.advance(leaseMs / 2);
      await sleep(leaseMs / 2);
      expect(await other.runDue()).toBe(0);
    }
    const during = await jobRow(job.id);
    expect(during).toMatchObject({ status: 'running', locked_by: slow.id, attempts: 1 });
    expect(during.lease_until!.getTime()).toBeGreaterThan(t.now().getTime());

    release();
    expect(await slowPass).toBe(1);
    expect(await jobRow(job.id)).toMatchObject({ status: 'done', locked_by: null, attempts: 1 });
    expect(otherRan).toEqual([]);
  });

  it('a job whose runner died is taken over once its lease has passed, and only then', async () => {
    const job = await queueJob();
    // a process claims it and dies: nothing beats for it again
    const dead = randomUUID();
    const now = t.now();
    const claimed = await repo.claimDueJobs(t.hearth.deps.db, dead, {
      now,
      leaseUntil: new Date(now.getTime() + leaseMs),
      limit: 4,
      queuedBefore: await repo.databaseNow(t.hearth.deps.db),
    });
    expect(claimed.map((c) => c.id)).toContain(job.id);

    const survivor = new JobRunner(t.hearth.deps);
    const ran: string[] = [];
    survivor.register('intake.callback-deadline', async (_deps, running) => {
      ran.push(running.id);
    });
    t.advance(leaseMs - 50);
    expect(await survivor.runDue()).toBe(0);
    t.advance(100);
    expect(await survivor.runDue()).toBe(1);
    expect(ran).toEqual([job.id]);
    expect(await jobRow(job.id)).toMatchObject({ status: 'done', attempts: 2 });
    // the dead runner's late word changes nothing
    expect(await repo.finishJob(t.hearth.deps.db, dead, job.id, t.now())).toBe(false);
    await repo.failJob(t.hearth.deps.db, dead, job.id, 'late', null, t.now());
    expect(await jobRow(job.id)).toMatchObject({ status: 'done', last_error: null });
  });
});

describe('long jobs', () => {
  type Held = { signal: AbortSignal; holds: (conn: typeof t.hearth.deps.db) => Promise<boolean> };
  /** A runner whose callback-deadline jobs are long, and what each of them was given. */
  function longRunner(concurrency: number, ownLeaseMs?: number) {
    const runner = new JobRunner(t.hearth.deps);
    const held = new Map<string, Held>();
    const finish = new Map<string, () => void>();
    runner.register(
      'intake.callback-deadline',
      async (_deps, job) => {
        held.set(job.id, job);
        await new Promise<void>((resolve) => {
          finish.set(job.id, resolve);
          job.signal.addEventListener('abort', () => resolve());
        });
      },
      { long: { concurrency, ...(ownLeaseMs ? { leaseMs: ownLeaseMs } : {}) } },
    );
    return { runner, held, finish };
  }
  const stillHolds = (job: Held) => t.hearth.deps.db.transaction().execute((trx) => job.holds(trx));

  it('run beside the pass, up to their concurrency, and the next starts when one ends', async () => {
    const first = await queueJob();
    const second = await queueJob();
    const { runner, held, finish } = longRunner(1);
    // the pass does not wait for the long job it started
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    const [startedId] = [...held.keys()];
    const waitingId = startedId === first.id ? second.id : first.id;
    expect(await stillHolds(held.get(startedId!)!)).toBe(true);
    expect((await jobRow(waitingId)).status).toBe('pending');

    finish.get(startedId!)!();
    while (!held.has(waitingId)) await sleep(5);
    expect(await jobRow(startedId!)).toMatchObject({ status: 'done' });
    finish.get(waitingId)!();
    while ((await jobRow(waitingId)).status !== 'done') await sleep(5);
  });

  it('learn from the heartbeat that their lease was taken, and their fenced writes no longer count', async () => {
    const job = await queueJob();
    const { runner, held } = longRunner(1);
    await runner.runDue();
    const running = held.get(job.id)!;
    // another runner took the job over (its runner had gone quiet past the lease)
    await t.hearth.deps.db
      .updateTable('job')
      .set({ locked_by: 'another-runner' })
      .where('id', '=', job.id)
      .execute();
    while (!running.signal.aborted) await sleep(5);
    expect(await stillHolds(running)).toBe(false);
    await runner.stop();
    // the late runner did not mark it done
    expect(await jobRow(job.id)).toMatchObject({ status: 'running', locked_by: 'another-runner' });
    await t.hearth.deps.db.deleteFrom('job').where('id', '=', job.id).execute();
  });

  it('hold a kind’s own lease, whether claimed by a pass or at once by key, and keep it by beating', async () => {
    const ownLeaseMs = 90;
    const leaseLeft = async (id: string) => (await jobRow(id)).lease_until!.getTime() - t.now().getTime();
    const { runner, held, finish } = longRunner(2, ownLeaseMs);
    const byPass = await queueJob();
    await runner.runDue();
    expect(held.has(byPass.id)).toBe(true);
    expect(await leaseLeft(byPass.id)).toBe(ownLeaseMs);

    const byKey = await queueJob();
    expect(await runner.runNow(t.organizationId, byKey.idempotency_key!)).toBe(true);
    expect(await leaseLeft(byKey.id)).toBe(ownLeaseMs);

    // several of its leases pass in real time; the heartbeat (a third of the lease) keeps both
    t.advance(ownLeaseMs / 2);
    await sleep(4 * ownLeaseMs);
    for (const job of [byPass, byKey]) {
      expect(await stillHolds(held.get(job.id)!)).toBe(true);
      expect(await leaseLeft(job.id)).toBe(ownLeaseMs);
      finish.get(job.id)!();
    }
    for (const job of [byPass, byKey]) while ((await jobRow(job.id)).status !== 'done') await sleep(5);
  });

  it('are handed back to the queue, unfinished and uncounted, when their process stops', async () => {
    const job = await queueJob();
    const { runner, held } = longRunner(1);
    await runner.runDue();
    expect(await jobRow(job.id)).toMatchObject({ status: 'running', attempts: 1 });
    await runner.stop();
    expect(held.get(job.id)!.signal.aborted).toBe(true);
    expect(await jobRow(job.id)).toMatchObject({ status: 'pending', locked_by: null, attempts: 0 });
    // and a stopped runner starts nothing more
    expect(await runner.runNow(t.organizationId, job.idempotency_key!)).toBe(false);
    await t.hearth.jobs.runDue();
    expect((await jobRow(job.id)).status).toBe('done');
  });
});

describe('idempotency keys', () => {
  it('a second enqueue with the same key adds nothing, also when both race', async () => {
    const key = `test:${randomUUID()}`;
    const payload = { careRequestId: randomUUID() };
    const db = t.hearth.deps.db;
    const first = await JobRunner.enqueue(
      db,
      t.organizationId,
      'intake.callback-deadline',
      t.now(),
      payload,
      {
        idempotencyKey: key,
      },
    );
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        db.transaction().execute((trx) =>
          JobRunner.enqueue(trx, t.organizationId, 'intake.callback-deadline', t.now(), payload, {
            idempotencyKey: key,
          }),
        ),
      ),
    );
    expect([first, ...again]).toEqual([true, false, false, false]);
    expect(await jobsWithKey(key)).toHaveLength(1);

    // once it ran, the key still holds: the job is not queued a second time
    await t.hearth.jobs.runDue();
    expect((await jobsWithKey(key))[0]!.status).toBe('done');
    expect(
      await JobRunner.enqueue(db, t.organizationId, 'intake.callback-deadline', t.now(), payload, {
        idempotencyKey: key,
      }),
    ).toBe(false);
    // without a key, or with another, jobs are added as before
    expect(await JobRunner.enqueue(db, t.organizationId, 'intake.callback-deadline', t.now(), payload)).toBe(
      true,
    );
    expect(await JobRunner.enqueue(db, t.organizationId, 'intake.callback-deadline', t.now(), payload)).toBe(
      true,
    );
    await t.hearth.jobs.runDue();
  });
});

describe('payload schemas', () => {
  it('refuses a payload that does not fit its kind at enqueue, naming the fields, and writes nothing', async () => {
    const key = `bad:${randomUUID()}`;
    const bad = JobRunner.enqueue(
      t.hearth.deps.db,
      t.organizationId,
      'alerts.deadline',
      t.now(),
      // biome-ignore lint/suspicious/noExplicitAny: the point is a payload the types would refuse
      { alertId: 'not-an-id', level: -1 } as any,
      { idempotencyKey: key },
    );
    await expect(bad).rejects.toBeInstanceOf(JobPayloadError);
    await expect(bad).rejects.toThrow(/"alerts\.deadline" refused: alertId: .*; level: /);
    await expect(
      // biome-ignore lint/suspicious/noExplicitAny: an unknown kind, as a typo would make it
      JobRunner.enqueue(t.hearth.deps.db, t.organizationId, 'alerts.dedline' as any, t.now(), {} as any),
    ).rejects.toThrow(/unknown job kind "alerts\.dedline"/);
    expect(await jobsWithKey(key)).toEqual([]);
  });

  it('a stored payload that does not parse fails at once, without retries', async () => {
    const id = randomUUID();
    await repo.enqueueJob(t.hearth.deps.db, {
      id,
      organization_id: t.organizationId,
      kind: 'equipment.due-back',
      payload: { loanId: randomUUID(), expectedReturnOn: 'next Tuesday' },
      run_at: t.now(),
      idempotency_key: null,
    });
    expect(await t.hearth.jobs.runDue()).toBe(1);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(/"equipment\.due-back" refused: expectedReturnOn: /);
    expect(row.finished_at).not.toBeNull();
  });
});

describe('retention', () => {
  it('purges finished jobs older than the retention period, and nothing else', async () => {
    const db = t.hearth.deps.db;
    // the purge runs at most hourly once caught up, and an earlier pass in this file already ran it
    t.advance(2 * 3_600_000);
    const day = 86_400_000;
    const at = (daysAgo: number) => new Date(t.now().getTime() - daysAgo * day);
    const rows = [
      { status: 'done', finished: at(31), gone: true },
      { status: 'failed', finished: at(45), gone: true },
      { status: 'done', finished: at(29), gone: false },
      { status: 'failed', finished: at(2), gone: false },
      { status: 'pending', finished: null, gone: false },
    ] as const;
    const ids: string[] = [];
    for (const r of rows) {
      const id = randomUUID();
      ids.push(id);
      await db
        .insertInto('job')
        .values({
          id,
          organization_id: t.organizationId,
          kind: 'intake.callback-deadline',
          payload: JSON.stringify({ careRequestId: randomUUID() }),
          // long ago, and a pending one not due: the pass must not run it
          run_at: r.status === 'pending' ? new Date(t.now().getTime() + 90 * day) : at(60),
          status: r.status,
          finished_at: r.finished,
        })
        .execute();
    }
    await t.hearth.jobs.runDue();
    const left = new Set(
      (await db.selectFrom('job').select('id').where('id', 'in', ids).execute()).map((r) => r.id),
    );
    expect(ids.map((id) => !left.has(id))).toEqual(rows.map((r) => r.gone));
  });
});

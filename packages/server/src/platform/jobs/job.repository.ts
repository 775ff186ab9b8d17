import { sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import { storedJson } from '../../db/stored-json.ts';

export interface NewJob {
  id: string;
  organization_id: string;
  kind: string;
  payload: Record<string, unknown>;
  run_at: Date;
  idempotency_key: string | null;
}

/**
 * Writes the job unless one with the same idempotency key already exists in the organization
 * (the unique partial index decides, so two transactions racing both end with one row). Returns
 * whether a row was written.
 */
export async function enqueueJob(db: Conn, job: NewJob): Promise<boolean> {
  const inserted = await db
    .insertInto('job')
    .values({ ...job, payload: storedJson(job.payload) })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * A job a runner now holds. The payload stays `unknown` here: only the runner knows the kind's
 * domain schema (`checkJobPayload`), and a payload that does not parse fails the job for good
 * rather than the request that would otherwise have read it.
 */
export interface ClaimedJob {
  id: string;
  organizationId: string;
  kind: string;
  payload: unknown;
  attempts: number;
}

type ClaimedRow = { id: string; organization_id: string; kind: string; payload: unknown; attempts: number };

const toClaimed = (r: ClaimedRow): ClaimedJob => ({
  id: r.id,
  organizationId: r.organization_id,
  kind: r.kind,
  payload: r.payload,
  attempts: r.attempts,
});

/** Which kinds a claim may take: the pass takes the short kinds, long kinds are claimed apart. */
export type KindFilter = { only: string[] } | { except: string[] };

const kindCondition = (kinds: KindFilter) => {
  const list = 'only' in kinds ? kinds.only : kinds.except;
  if (list.length === 0) return 'only' in kinds ? sql`false` : sql`true`;
  const names = sql.join(list.map((k) => sql`${k}`));
  return 'only' in kinds ? sql`kind in (${names})` : sql`kind not in (${names})`;
};

/**
 * Claims up to `limit` jobs of the given kinds for `runner` with a lease until `leaseUntil`:
 * pending jobs that are due and were queued by `queuedBefore` (the database's clock), and running
 * jobs whose lease has passed (their runner died or stalled) and that another runner holds (a
 * runner knows it is still working on its own). `FOR UPDATE SKIP LOCKED` lets several processes
 * claim at once without waiting on, or taking, each other's rows; the lease is what keeps a slow
 * job from being taken while its runner still works on it.
 */
export async function claimDueJobs(
  db: Conn,
  runner: string,
  at: { now: Date; leaseUntil: Date; limit: number; queuedBefore?: Date; kinds?: KindFilter },
) {
  const { now, leaseUntil, limit, queuedBefore, kinds } = at;
  const rows = await sql<ClaimedRow>`
    update job
    set status = 'running', locked_by = ${runner}, locked_at = ${now}, lease_until = ${leaseUntil},
        attempts = attempts + 1
    where id in (
      select id from job
      where ((status = 'pending' and run_at <= ${now} and created_at <= ${queuedBefore ?? sql`clock_timestamp()`})
         or (status = 'running' and lease_until < ${now} and locked_by is distinct from ${runner}))
        and ${kindCondition(kinds ?? { except: [] })}
      order by run_at
      limit ${limit}
      for update skip locked
    )
    returning id, organization_id, kind, payload, attempts`.execute(db);
  return rows.rows.map(toClaimed);
}

/**
 * Claims the pending job with this idempotency key for `runner`, whether due or not: the request
 * that queued it wants it started at once. Nothing when another runner took it first.
 */
export async function claimKeyedJob(
  db: Conn,
  runner: string,
  key: { organizationId: string; idempotencyKey: string },
  at: { now: Date; leaseUntil: Date },
) {
  const rows = await sql<ClaimedRow>`
    update job
    set status = 'running', locked_by = ${runner}, locked_at = ${at.now}, lease_until = ${at.leaseUntil},
        attempts = attempts + 1
    where id in (
      select id from job
      where organization_id = ${key.organizationId} and idempotency_key = ${key.idempotencyKey}
        and status = 'pending'
      for update skip locked
    )
    returning id, organization_id, kind, payload, attempts`.execute(db);
  return rows.rows[0] && toClaimed(rows.rows[0]);
}

/**
 * Whether `runner` still holds the job. In a transaction the row stays locked until commit, so
 * no other runner can claim the job before the caller's writes are committed.
 */
export async function lockHeldJob(db: Conn, runner: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('job')
    .select('id')
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', runner)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Gives a job this runner holds back to the queue, due at once, without counting the attempt:
 * the process is stopping, and another may carry on with it now instead of after the lease.
 */
export const releaseJob = (db: Conn, runner: string, id: string, now: Date) =>
  db
    .updateTable('job')
    .set({
      status: 'pending',
      run_at: now,
      attempts: sql`greatest(attempts - 1, 0)`,
      locked_at: null,
      locked_by: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', runner)
    .execute();

/** The database's own clock (rows' `created_at` come from it). */
export async function databaseNow(db: Conn): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(db);
  return new Date(rows[0]!.now);
}

/** Extends the lease of the runner's jobs still running; returns the ids it still holds. */
export async function extendLeases(db: Conn, runner: string, ids: string[], leaseUntil: Date) {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('job')
    .set({ lease_until: leaseUntil })
    .where('id', 'in', ids)
    .where('status', '=', 'running')
    .where('locked_by', '=', runner)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Marks the job done, only if this runner still holds it: a runner that lost its lease (and so
 * its job to another) must not overwrite what the other one records. Returns whether it did.
 */
export async function finishJob(db: Conn, runner: string, id: string, now: Date) {
  const result = await db
    .updateTable('job')
    .set({ status: 'done', locked_at: null, locked_by: null, lease_until: null, finished_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', runner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Puts the job back for a retry at `retryAt`, or marks it failed when there is none. */
export const failJob = (
  db: Conn,
  runner: string,
  id: string,
  error: string,
  retryAt: Date | null,
  now: Date,
) =>
  db
    .updateTable('job')
    .set(
      retryAt
        ? {
            status: 'pending',
            run_at: retryAt,
            last_error: error,
            locked_at: null,
            locked_by: null,
            lease_until: null,
          }
        : {
            status: 'failed',
            last_error: error,
            locked_at: null,
            locked_by: null,
            lease_until: null,
            finished_at: now,
          },
    )
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', runner)
    .execute();

/**
 * Deletes up to `limit` jobs that finished before `cutoff`, oldest first (the partial index on
 * finished rows serves the inner select). Returns how many went.
 */
export async function purgeFinishedJobs(db: Conn, cutoff: Date, limit: number) {
  const result = await sql`
    delete from job where id in (
      select id from job
      where status in ('done', 'failed') and finished_at < ${cutoff}
      order by finished_at
      limit ${limit}
    )`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

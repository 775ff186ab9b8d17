import { sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';

export const enqueueJob = (
  db: Conn,
  job: { id: string; organization_id: string; kind: string; payload: Record<string, unknown>; run_at: Date },
) =>
  db
    .insertInto('job')
    .values({ ...job, payload: JSON.stringify(job.payload) })
    .execute();

/**
 * Claims due jobs so that several server processes never run the same one: `FOR UPDATE SKIP
 * LOCKED` lets each process take rows the others have not locked. A job left `running` by a
 * crashed process is taken again after `staleAfter`.
 */
export async function claimDueJobs(db: Conn, now: Date, limit: number, staleAfterMs: number) {
  const stale = new Date(now.getTime() - staleAfterMs);
  const rows = await sql<{
    id: string;
    organization_id: string;
    kind: string;
    payload: Record<string, unknown>;
    attempts: number;
  }>`
    update job set status = 'running', locked_at = ${now}, attempts = attempts + 1
    where id in (
      select id from job
      where (status = 'pending' and run_at <= ${now}) or (status = 'running' and locked_at < ${stale})
      order by run_at
      limit ${limit}
      for update skip locked
    )
    returning id, organization_id, kind, payload, attempts`.execute(db);
  return rows.rows;
}

export const finishJob = (db: Conn, id: string) =>
  db.updateTable('job').set({ status: 'done', locked_at: null }).where('id', '=', id).execute();

export const failJob = (db: Conn, id: string, error: string, retryAt: Date | null) =>
  db
    .updateTable('job')
    .set(
      retryAt
        ? { status: 'pending', run_at: retryAt, last_error: error, locked_at: null }
        : { status: 'failed', last_error: error, locked_at: null },
    )
    .where('id', '=', id)
    .execute();

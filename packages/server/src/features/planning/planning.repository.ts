import { sql, type Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { PlanRunTable } from './planning.table.ts';

type Json = 'input' | 'result' | 'request' | 'progress';

export const insertRun = (
  db: Conn,
  row: Omit<PlanRunTable, Json | 'owner' | 'heartbeat_at' | 'attempts'> & {
    input: unknown;
    result: unknown;
    request?: unknown;
    owner?: string | null;
    heartbeat_at?: Date | null;
  },
) =>
  db
    .insertInto('plan_run')
    .values({
      ...row,
      input: JSON.stringify(row.input),
      result: row.result ? JSON.stringify(row.result) : null,
      request: row.request ? JSON.stringify(row.request) : null,
    })
    .execute();

export const updateRun = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Omit<Updateable<PlanRunTable>, 'result'> & { result?: unknown },
) => {
  const { result, ...rest } = patch;
  return db
    .updateTable('plan_run')
    .set({ ...rest, ...(result !== undefined ? { result: JSON.stringify(result) } : {}) })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
};

/**
 * Writes what the owner of a running run has to say (progress and heartbeat, or the outcome).
 * Counts only while `owner` still owns the run and it is still running: a process that lost the
 * run to a takeover, or whose run was discarded, learns it from the answer (false) and stops.
 */
export async function writeAsOwner(
  db: Conn,
  id: string,
  owner: string,
  patch: {
    progress?: unknown;
    heartbeat_at?: Date;
    status?: 'ready' | 'failed';
    input?: unknown;
    result?: unknown;
    error?: string;
    finished_at?: Date;
  },
): Promise<boolean> {
  const { progress, input, result, ...rest } = patch;
  const done = await db
    .updateTable('plan_run')
    .set({
      ...rest,
      ...(progress !== undefined ? { progress: JSON.stringify(progress) } : {}),
      ...(input !== undefined ? { input: JSON.stringify(input) } : {}),
      ...(result !== undefined ? { result: JSON.stringify(result) } : {}),
    })
    .where('id', '=', id)
    .where('owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

/**
 * Claims running runs whose heartbeat is older than `staleBefore` (their process died) for
 * `owner`, in one statement so two processes checking at once never claim the same run.
 */
export const claimStaleRuns = (db: Conn, owner: string, staleBefore: Date, now: Date, limit: number) =>
  db
    .updateTable('plan_run')
    .set({ owner, heartbeat_at: now, attempts: sql`attempts + 1` })
    .where('id', 'in', (q) =>
      q
        .selectFrom('plan_run')
        .select('id')
        .where('status', '=', 'running')
        .where((w) => w.or([w('heartbeat_at', 'is', null), w('heartbeat_at', '<', staleBefore)]))
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .where('status', '=', 'running')
    .returningAll()
    .execute();

export const findRun = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('plan_run')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const lockRun = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('plan_run')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const latestRuns = (db: Conn, organizationId: string, limit: number) =>
  db
    .selectFrom('plan_run')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();

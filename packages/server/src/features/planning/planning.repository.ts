import type { Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { PlanRunTable } from './planning.table.ts';

type Json = 'input' | 'result' | 'request' | 'progress';

export const insertRun = (
  db: Conn,
  row: Omit<PlanRunTable, Json> & {
    input: unknown;
    result: unknown;
    request?: unknown;
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
 * Writes to a run that is still running (its progress, or its outcome). False when the run no
 * longer runs (a coordinator discarded it, or an earlier holder of its job finished it). The
 * caller fences this by the lease of the run's job.
 */
export async function writeRunning(
  db: Conn,
  organizationId: string,
  id: string,
  patch: {
    progress?: unknown;
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
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

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

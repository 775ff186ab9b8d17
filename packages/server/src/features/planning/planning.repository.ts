import type { Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { PlanRunTable } from './planning.table.ts';

export const insertRun = (
  db: Conn,
  row: Omit<PlanRunTable, 'input' | 'result'> & { input: unknown; result: unknown },
) =>
  db
    .insertInto('plan_run')
    .values({
      ...row,
      input: JSON.stringify(row.input),
      result: row.result ? JSON.stringify(row.result) : null,
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

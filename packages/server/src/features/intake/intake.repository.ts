import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { CallAttemptTable, CareRequestTable } from './intake.table.ts';

export const insertCareRequest = (db: Conn, row: Insertable<CareRequestTable>) =>
  db.insertInto('care_request').values(row).execute();

export const findCareRequest = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('care_request')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Locks the row for the rest of the transaction so two coordinators' updates queue up. */
export const findCareRequestForUpdate = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('care_request')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const updateCareRequest = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<CareRequestTable>,
) =>
  db
    .updateTable('care_request')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export function listCareRequests(
  db: Conn,
  organizationId: string,
  statuses: CareRequestTable['status'][],
  after: { dueAt: Date; id: string } | undefined,
  limit: number,
) {
  // the next deadline first: a retry after an unanswered call counts like a callback deadline
  const due = sql<Date>`coalesce(retry_due_at, callback_due_at)`;
  let q = db
    .selectFrom('care_request')
    .selectAll()
    .select(due.as('next_due_at'))
    .where('organization_id', '=', organizationId)
    .where('status', 'in', statuses);
  if (after) {
    q = q.where((eb) =>
      eb.or([eb(due, '>', after.dueAt), eb.and([eb(due, '=', after.dueAt), eb('id', '>', after.id)])]),
    );
  }
  return q.orderBy(due).orderBy('id').limit(limit).execute();
}

export const callsFor = (db: Conn, organizationId: string, requestIds: string[]) =>
  requestIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('call_attempt as c')
        .innerJoin('app_user as u', 'u.id', 'c.by_user_id')
        .select(['c.id', 'c.care_request_id', 'c.at', 'c.outcome', 'c.note', 'u.name as by_name'])
        .where('c.organization_id', '=', organizationId)
        .where('c.care_request_id', 'in', requestIds)
        .orderBy('c.at')
        .execute();

export const insertCallAttempt = (db: Conn, row: Insertable<CallAttemptTable>) =>
  db.insertInto('call_attempt').values(row).execute();

export const defaultOrganization = (db: Conn) =>
  db
    .selectFrom('organization')
    .select(['id', 'name'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();

export const organizationById = (db: Conn, id: string) =>
  db.selectFrom('organization').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

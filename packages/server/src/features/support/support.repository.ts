import type { Insertable, Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { RoutingItemTable, SupportNoteTable, SupportReferralTable } from './support.table.ts';

export const insertReferral = (db: Conn, row: Insertable<SupportReferralTable>) =>
  db.insertInto('support_referral').values(row).execute();

export const updateReferral = (
  db: Conn,
  orgId: string,
  id: string,
  patch: Updateable<SupportReferralTable>,
) =>
  db
    .updateTable('support_referral')
    .set(patch)
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();

export const findReferralForUpdate = (db: Conn, orgId: string, patientId: string, id: string) =>
  db
    .selectFrom('support_referral')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const openReferralOf = (db: Conn, orgId: string, patientId: string, discipline: string) =>
  db
    .selectFrom('support_referral')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('discipline', '=', discipline as SupportReferralTable['discipline'])
    .where('status', '!=', 'closed')
    .orderBy('created_at', 'desc')
    .forUpdate()
    .executeTakeFirst();

const referralColumns = (db: Conn) =>
  db
    .selectFrom('support_referral as r')
    .innerJoin('patient as p', 'p.id', 'r.patient_id')
    .innerJoin('app_user as c', 'c.id', 'r.created_by')
    .leftJoin('app_user as a', 'a.id', 'r.assigned_user_id')
    .selectAll('r')
    .select(['c.name as created_by_name', 'a.name as assigned_name'])
    .select((eb) =>
      eb
        .fn<string>('concat', ['p.last_name', eb.cast(eb.val(' '), 'text'), 'p.first_name'])
        .as('patient_name'),
    );
export type ReferralRow = Awaited<ReturnType<typeof referralsOfPatient>>[number];

export const referralsOfPatient = (db: Conn, orgId: string, patientId: string) =>
  referralColumns(db)
    .where('r.organization_id', '=', orgId)
    .where('r.patient_id', '=', patientId)
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();

export const findReferral = (db: Conn, orgId: string, id: string) =>
  referralColumns(db).where('r.organization_id', '=', orgId).where('r.id', '=', id).executeTakeFirst();

export function listReferrals(
  db: Conn,
  orgId: string,
  filter: { discipline?: string | undefined; status?: string | undefined; assignedTo?: string | undefined },
  after: { createdAt: Date; id: string } | undefined,
  limit: number,
) {
  let q = referralColumns(db).where('r.organization_id', '=', orgId);
  if (filter.discipline)
    q = q.where('r.discipline', '=', filter.discipline as SupportReferralTable['discipline']);
  if (filter.status) q = q.where('r.status', '=', filter.status as SupportReferralTable['status']);
  else q = q.where('r.status', '!=', 'closed');
  if (filter.assignedTo) q = q.where('r.assigned_user_id', '=', filter.assignedTo);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('r.created_at', '<', after.createdAt),
        eb.and([eb('r.created_at', '=', after.createdAt), eb('r.id', '<', after.id)]),
      ]),
    );
  return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

export const notesOf = (db: Conn, orgId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('support_note as n')
        .innerJoin('app_user as u', 'u.id', 'n.by_user_id')
        .selectAll('n')
        .select('u.name as by_name')
        .where('n.organization_id', '=', orgId)
        .where('n.referral_id', 'in', ids)
        .orderBy('n.at')
        .execute();

export const routingOf = (db: Conn, orgId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('routing_item as r')
        .leftJoin('app_user as u', 'u.id', 'r.updated_by')
        .selectAll('r')
        .select('u.name as updated_by_name')
        .where('r.organization_id', '=', orgId)
        .where('r.referral_id', 'in', ids)
        .execute();

export const insertNote = (db: Conn, row: Insertable<SupportNoteTable>) =>
  db.insertInto('support_note').values(row).execute();

export const insertRoutingItems = (db: Conn, rows: Insertable<RoutingItemTable>[]) =>
  db.insertInto('routing_item').values(rows).execute();

export const updateRoutingItem = (
  db: Conn,
  orgId: string,
  referralId: string,
  item: string,
  patch: Updateable<RoutingItemTable>,
) =>
  db
    .updateTable('routing_item')
    .set(patch)
    .where('organization_id', '=', orgId)
    .where('referral_id', '=', referralId)
    .where('item', '=', item)
    .executeTakeFirst();

export const activeUsersOfRole = (db: Conn, orgId: string, role: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'name'])
    .where('organization_id', '=', orgId)
    .where('role', '=', role)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .execute();

/** Whether a user id names an active team member (not a family or volunteer account) in the organization. */
export const isActiveStaffUser = async (db: Conn, organizationId: string, userId: string) =>
  (await db
    .selectFrom('app_user')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .where('role', 'not in', ['family', 'volunteer'])
    .executeTakeFirst()) !== undefined;

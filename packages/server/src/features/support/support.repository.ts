import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { RoutingItemTable, SupportNoteTable, SupportReferralTable } from './support.table.ts';

/** A referral to a psychologist, social worker or chaplain. */
export interface SupportReferralRecord {
  id: string;
  patientId: string;
  discipline: SupportReferralTable['discipline'];
  status: SupportReferralTable['status'];
  source: string;
  reason: string;
  forWhom: string | null;
  respiteOffered: boolean;
  assignedUserId: string | null;
  outcome: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

/** A referral with the names the inbox and the patient page show. */
export interface ReferralListRecord extends SupportReferralRecord {
  patientName: string;
  createdByName: string;
  assignedName: string | null;
}

/** A note on a referral, with its author's name. */
export interface SupportNoteRecord {
  id: string;
  referralId: string;
  text: string;
  byUserId: string;
  byName: string;
  at: Date;
}

/** One item of a social worker's routing checklist. */
export interface RoutingItemRecord {
  referralId: string;
  item: string;
  status: string;
  note: string | null;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: Date | null;
}

const toReferral = (r: Selectable<SupportReferralTable>): SupportReferralRecord => ({
  id: r.id,
  patientId: r.patient_id,
  discipline: r.discipline,
  status: r.status,
  source: r.source,
  reason: r.reason,
  forWhom: r.for_whom,
  respiteOffered: r.respite_offered,
  assignedUserId: r.assigned_user_id,
  outcome: r.outcome,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
});

const toListed = (
  r: Selectable<SupportReferralTable> & {
    patient_name: string;
    created_by_name: string;
    assigned_name: string | null;
  },
): ReferralListRecord => ({
  ...toReferral(r),
  patientName: r.patient_name,
  createdByName: r.created_by_name,
  assignedName: r.assigned_name,
});

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

/** A patient's referral, locked for a change. */
export const findReferralForUpdate = async (db: Conn, orgId: string, patientId: string, id: string) => {
  const row = await db
    .selectFrom('support_referral')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toReferral(row);
};

/** The latest referral of a discipline still open for a patient, locked so it can be joined. */
export const openReferralOf = async (db: Conn, orgId: string, patientId: string, discipline: string) => {
  const row = await db
    .selectFrom('support_referral')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('discipline', '=', discipline as SupportReferralTable['discipline'])
    .where('status', '!=', 'closed')
    .orderBy('created_at', 'desc')
    .forUpdate()
    .executeTakeFirst();
  return row && toReferral(row);
};

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
/** A patient's referrals, newest first. */
export const referralsOfPatient = async (db: Conn, orgId: string, patientId: string) =>
  (
    await referralColumns(db)
      .where('r.organization_id', '=', orgId)
      .where('r.patient_id', '=', patientId)
      .orderBy('r.created_at', 'desc')
      .limit(200)
      .execute()
  ).map(toListed);

export const findReferral = async (db: Conn, orgId: string, id: string) => {
  const row = await referralColumns(db)
    .where('r.organization_id', '=', orgId)
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row && toListed(row);
};

/** The inbox: referrals by filter, newest first, after the keyset cursor. */
export async function listReferrals(
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
  return (await q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute()).map(
    toListed,
  );
}

/** The notes on the given referrals, oldest first. */
export const notesOf = async (db: Conn, orgId: string, ids: string[]): Promise<SupportNoteRecord[]> =>
  ids.length === 0
    ? []
    : (
        await db
          .selectFrom('support_note as n')
          .innerJoin('app_user as u', 'u.id', 'n.by_user_id')
          .selectAll('n')
          .select('u.name as by_name')
          .where('n.organization_id', '=', orgId)
          .where('n.referral_id', 'in', ids)
          .orderBy('n.at')
          .execute()
      ).map((n) => ({
        id: n.id,
        referralId: n.referral_id,
        text: n.text,
        byUserId: n.by_user_id,
        byName: n.by_name,
        at: n.at,
      }));

/** The routing checklists of the given referrals. */
export const routingOf = async (db: Conn, orgId: string, ids: string[]): Promise<RoutingItemRecord[]> =>
  ids.length === 0
    ? []
    : (
        await db
          .selectFrom('routing_item as r')
          .leftJoin('app_user as u', 'u.id', 'r.updated_by')
          .selectAll('r')
          .select('u.name as updated_by_name')
          .where('r.organization_id', '=', orgId)
          .where('r.referral_id', 'in', ids)
          .execute()
      ).map((x) => ({
        referralId: x.referral_id,
        item: x.item,
        status: x.status,
        note: x.note,
        updatedBy: x.updated_by,
        updatedByName: x.updated_by_name,
        updatedAt: x.updated_at,
      }));

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

import type { Insertable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { HomeSafetyActionTable, HomeSafetyCheckTable } from './home-safety.table.ts';

type CheckRow = Omit<Insertable<HomeSafetyCheckTable>, 'items'> & {
  items: { key: string; answer: string; note: string | null }[];
};

export const insertCheck = (db: Conn, row: CheckRow) =>
  db
    .insertInto('home_safety_check')
    .values({ ...row, items: JSON.stringify(row.items) })
    .execute();

export const insertActions = (db: Conn, rows: Insertable<HomeSafetyActionTable>[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('home_safety_action').values(rows).execute();

export const checksOf = (db: Conn, orgId: string, patientId: string) =>
  db
    .selectFrom('home_safety_check as c')
    .innerJoin('app_user as u', 'u.id', 'c.checked_by')
    .selectAll('c')
    .select('u.name as checked_by_name')
    .where('c.organization_id', '=', orgId)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.created_at', 'desc')
    .limit(100)
    .execute();

export const actionsOf = (db: Conn, orgId: string, patientId: string) =>
  db
    .selectFrom('home_safety_action as a')
    .leftJoin('app_user as u', 'u.id', 'a.done_by')
    .selectAll('a')
    .select('u.name as done_by_name')
    .where('a.organization_id', '=', orgId)
    .where('a.patient_id', '=', patientId)
    .orderBy('a.created_at')
    .execute();

export const findActionForUpdate = (db: Conn, orgId: string, patientId: string, id: string) =>
  db
    .selectFrom('home_safety_action')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const markActionDone = (db: Conn, orgId: string, id: string, by: string, at: Date) =>
  db
    .updateTable('home_safety_action')
    .set({ status: 'done', done_at: at, done_by: by })
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();

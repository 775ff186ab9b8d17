import type { Insertable, Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { CallLogTable, OnCallShiftTable } from './oncall.table.ts';

export const insertShift = (db: Conn, row: Insertable<OnCallShiftTable>) =>
  db.insertInto('on_call_shift').values(row).execute();

export const updateShift = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<OnCallShiftTable>,
) =>
  db
    .updateTable('on_call_shift')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findShift = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('on_call_shift')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Shifts overlapping [from, to), with the person's name and phone. */
export const shiftsBetween = (db: Conn, organizationId: string, from: Date, to: Date) =>
  db
    .selectFrom('on_call_shift as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select(['u.name as user_name', 'u.phone as user_phone'])
    .where('s.organization_id', '=', organizationId)
    .where('s.cancelled_at', 'is', null)
    .where('s.starts_at', '<', to)
    .where('s.ends_at', '>', from)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(1000)
    .execute();

/** Active users of some roles, leads first, then by name (stable order for chains). */
export const activeStaff = (db: Conn, organizationId: string, roles: string[]) =>
  db
    .selectFrom('app_user')
    .select(['id', 'role', 'is_lead', 'name'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .where('role', 'in', roles)
    .orderBy('is_lead', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();

export const insertCall = (db: Conn, row: Insertable<CallLogTable>) =>
  db.insertInto('call_log').values(row).execute();

export function listCalls(
  db: Conn,
  organizationId: string,
  patientId: string | undefined,
  limit: number,
  ambulanceFirst = false,
) {
  let q = db
    .selectFrom('call_log as c')
    .innerJoin('app_user as u', 'u.id', 'c.answered_by')
    .leftJoin('patient as p', 'p.id', 'c.patient_id')
    .selectAll('c')
    .select(['u.name as answered_by_name', 'p.first_name', 'p.last_name'])
    .where('c.organization_id', '=', organizationId);
  if (patientId) q = q.where('c.patient_id', '=', patientId);
  if (ambulanceFirst) q = q.where('c.ambulance_called_first', '=', true);
  return q.orderBy('c.received_at', 'desc').orderBy('c.id').limit(limit).execute();
}

export const findAlertPatient = (db: Conn, organizationId: string, alertId: string) =>
  db
    .selectFrom('alert')
    .select(['id', 'patient_id'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', alertId)
    .executeTakeFirst();

export const findStaffUser = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'role', 'status'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

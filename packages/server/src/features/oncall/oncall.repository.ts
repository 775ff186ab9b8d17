import { callerTypes, callOutcomesLog } from '@hearth/domain';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored } from '../../db/stored-json.ts';
import type { CallLogTable, OnCallShiftTable } from './oncall.table.ts';

/** One on-call shift (cancelled ones included: a cancelled shift is still read to refuse changes). */
export interface OnCallShiftRecord {
  id: string;
  userId: string;
  startsAt: Date;
  endsAt: Date;
  position: OnCallShiftTable['position'];
  handoverNote: string | null;
  handoverBy: string | null;
  handoverAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  cancelledAt: Date | null;
}

/** A shift on the rota with the name and phone of whoever is on call. */
export interface RotaShiftRecord extends OnCallShiftRecord {
  userName: string;
  userPhone: string | null;
}

/** An active member of staff who may be in an escalation chain. */
export interface ChainStaffRecord {
  id: string;
  role: string;
  isLead: boolean;
  name: string;
}

/** A logged call, with who answered it and the patient's name. */
export interface CallRecord {
  id: string;
  patientId: string | null;
  patientFirstName: string | null;
  patientLastName: string | null;
  callerType: (typeof callerTypes)[number];
  callerName: string | null;
  reason: string;
  receivedAt: Date;
  answeredAt: Date | null;
  answeredBy: string;
  answeredByName: string;
  outcome: (typeof callOutcomesLog)[number];
  ambulanceCalledFirst: boolean;
  alertId: string | null;
  createdAt: Date;
}

const toShift = (r: Selectable<OnCallShiftTable>): OnCallShiftRecord => ({
  id: r.id,
  userId: r.user_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  position: r.position,
  handoverNote: r.handover_note,
  handoverBy: r.handover_by,
  handoverAt: r.handover_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  cancelledAt: r.cancelled_at,
});

const callerTypeSchema = z.enum(callerTypes);
const outcomeSchema = z.enum(callOutcomesLog);

const toCall = (
  r: Selectable<CallLogTable> & {
    answered_by_name: string;
    first_name: string | null;
    last_name: string | null;
  },
): CallRecord => ({
  id: r.id,
  patientId: r.patient_id,
  patientFirstName: r.first_name,
  patientLastName: r.last_name,
  callerType: parseStored(callerTypeSchema, r.caller_type, {
    table: 'call_log',
    column: 'caller_type',
    id: r.id,
  }),
  callerName: r.caller_name,
  reason: r.reason,
  receivedAt: r.received_at,
  answeredAt: r.answered_at,
  answeredBy: r.answered_by,
  answeredByName: r.answered_by_name,
  outcome: parseStored(outcomeSchema, r.outcome, { table: 'call_log', column: 'outcome', id: r.id }),
  ambulanceCalledFirst: r.ambulance_called_first,
  alertId: r.alert_id,
  createdAt: r.created_at,
});

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

export const findShift = async (db: Conn, organizationId: string, id: string) => {
  const row = await db
    .selectFrom('on_call_shift')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toShift(row);
};

/** Shifts overlapping [from, to), with the person's name and phone. */
export const shiftsBetween = async (
  db: Conn,
  organizationId: string,
  from: Date,
  to: Date,
): Promise<RotaShiftRecord[]> =>
  (
    await db
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
      .execute()
  ).map((r) => ({ ...toShift(r), userName: r.user_name, userPhone: r.user_phone }));

/** Active users of some roles, leads first, then by name (stable order for chains). */
export const activeStaff = async (
  db: Conn,
  organizationId: string,
  roles: string[],
): Promise<ChainStaffRecord[]> =>
  (
    await db
      .selectFrom('app_user')
      .select(['id', 'role', 'is_lead', 'name'])
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'active')
      .where('role', 'in', roles)
      .orderBy('is_lead', 'desc')
      .orderBy('name')
      .orderBy('id')
      .execute()
  ).map((u) => ({ id: u.id, role: u.role, isLead: u.is_lead, name: u.name }));

export const insertCall = (db: Conn, row: Insertable<CallLogTable>) =>
  db.insertInto('call_log').values(row).execute();

export async function listCalls(
  db: Conn,
  organizationId: string,
  patientId: string | undefined,
  limit: number,
  ambulanceFirst = false,
): Promise<CallRecord[]> {
  let q = db
    .selectFrom('call_log as c')
    .innerJoin('app_user as u', 'u.id', 'c.answered_by')
    .leftJoin('patient as p', 'p.id', 'c.patient_id')
    .selectAll('c')
    .select(['u.name as answered_by_name', 'p.first_name', 'p.last_name'])
    .where('c.organization_id', '=', organizationId);
  if (patientId) q = q.where('c.patient_id', '=', patientId);
  if (ambulanceFirst) q = q.where('c.ambulance_called_first', '=', true);
  return (await q.orderBy('c.received_at', 'desc').orderBy('c.id').limit(limit).execute()).map(toCall);
}

export const findAlertPatient = (db: Conn, organizationId: string, alertId: string) =>
  db
    .selectFrom('alert')
    .select(['id', 'patient_id as patientId'])
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

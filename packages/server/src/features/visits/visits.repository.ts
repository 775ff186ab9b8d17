import {
  type Discipline,
  disciplineSchema,
  type VisitDocumentation,
  type VisitKind,
  type VisitStatus,
  visitDocumentationSchema,
  visitStatuses,
} from '@hearth/domain';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { StaffShiftTable, VisitEventTable, VisitNoteTable, VisitTable } from './visits.table.ts';

/** A visit as stored. */
export interface VisitRecord {
  id: string;
  patientId: string;
  discipline: Discipline;
  kind: VisitKind;
  status: VisitStatus;
  staffId: string | null;
  visitDate: string;
  startMin: number | null;
  durationMin: number;
  windowStart: number | null;
  windowEnd: number | null;
  reason: string | null;
  statusReason: string | null;
  planRunId: string | null;
  sequence: number | null;
  checkedInAt: Date | null;
  checkInLat: number | null;
  checkInLon: number | null;
  completedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A visit with its patient's name and place and the name of who visits. */
export interface VisitDetailRecord extends VisitRecord {
  firstName: string;
  lastName: string;
  address: string;
  accessNotes: string | null;
  lat: number | null;
  lon: number | null;
  designatedFamilyUserId: string | null;
  staffName: string | null;
}

/** One step of a visit's history, with the name of who took it. */
export interface VisitEventRecord {
  id: string;
  visitId: string;
  fromStatus: VisitStatus | null;
  toStatus: VisitStatus;
  reason: string | null;
  byUserId: string | null;
  byName: string | null;
  at: Date;
  clientId: string | null;
}

/** One version of a visit's documentation, with the name of who wrote it. */
export interface VisitNoteRecord {
  id: string;
  visitId: string;
  patientId: string;
  content: VisitDocumentation;
  byUserId: string;
  byName: string;
  at: Date;
  clientId: string | null;
}

/** A rota shift, with the person's name and role. */
export interface StaffShiftRecord {
  id: string;
  userId: string;
  shiftDate: string;
  startMin: number;
  endMin: number;
  staffName: string;
  role: string;
  createdBy: string | null;
  createdAt: Date;
  cancelledAt: Date | null;
}

/** The last day a patient had (or has planned) a visit of a discipline. */
export interface LastVisitDayRecord {
  patientId: string;
  discipline: string;
  lastDate: string | null;
}

const statusSchema = z.enum(visitStatuses);

const toVisit = (r: Selectable<VisitTable>): VisitRecord => ({
  id: r.id,
  patientId: r.patient_id,
  discipline: parseStored(disciplineSchema, r.discipline, { table: 'visit', column: 'discipline', id: r.id }),
  kind: r.kind,
  status: r.status,
  staffId: r.staff_id,
  visitDate: r.visit_date,
  startMin: r.start_min,
  durationMin: r.duration_min,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  reason: r.reason,
  statusReason: r.status_reason,
  planRunId: r.plan_run_id,
  sequence: r.sequence,
  checkedInAt: r.checked_in_at,
  checkInLat: r.check_in_lat,
  checkInLon: r.check_in_lon,
  completedAt: r.completed_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toVisitDetail = (
  r: Selectable<VisitTable> & {
    first_name: string;
    last_name: string;
    address: string;
    access_notes: string | null;
    lat: number | null;
    lon: number | null;
    designated_family_user_id: string | null;
    staff_name: string | null;
  },
): VisitDetailRecord => ({
  ...toVisit(r),
  firstName: r.first_name,
  lastName: r.last_name,
  address: r.address,
  accessNotes: r.access_notes,
  lat: r.lat,
  lon: r.lon,
  designatedFamilyUserId: r.designated_family_user_id,
  staffName: r.staff_name,
});

const toEvent = (r: Selectable<VisitEventTable> & { by_name: string | null }): VisitEventRecord => {
  const at = (column: string) => ({ table: 'visit_event', column, id: r.id });
  return {
    id: r.id,
    visitId: r.visit_id,
    fromStatus: r.from_status === null ? null : parseStored(statusSchema, r.from_status, at('from_status')),
    toStatus: parseStored(statusSchema, r.to_status, at('to_status')),
    reason: r.reason,
    byUserId: r.by_user_id,
    byName: r.by_name,
    at: r.at,
    clientId: r.client_id,
  };
};

const toNote = (r: Selectable<VisitNoteTable> & { by_name: string }): VisitNoteRecord => ({
  id: r.id,
  visitId: r.visit_id,
  patientId: r.patient_id,
  content: parseStored(visitDocumentationSchema, r.content, {
    table: 'visit_note',
    column: 'content',
    id: r.id,
  }),
  byUserId: r.by_user_id,
  byName: r.by_name,
  at: r.at,
  clientId: r.client_id,
});

const visitColumns = (db: Conn) =>
  db
    .selectFrom('visit as v')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .leftJoin('app_user as s', 's.id', 'v.staff_id')
    .selectAll('v')
    .select([
      'p.first_name',
      'p.last_name',
      'p.address',
      'p.access_notes',
      'p.lat',
      'p.lon',
      'p.designated_family_user_id',
      's.name as staff_name',
    ]);

export const findVisit = async (db: Conn, organizationId: string, id: string) => {
  const row = await visitColumns(db)
    .where('v.organization_id', '=', organizationId)
    .where('v.id', '=', id)
    .executeTakeFirst();
  return row && toVisitDetail(row);
};

export const lockVisit = async (db: Conn, organizationId: string, id: string) => {
  const row = await db
    .selectFrom('visit')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toVisit(row);
};

export const insertVisits = (db: Conn, rows: Insertable<VisitTable>[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('visit').values(rows).execute();

export const updateVisit = (db: Conn, organizationId: string, id: string, patch: Updateable<VisitTable>) =>
  db
    .updateTable('visit')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const visitsBetween = async (db: Conn, organizationId: string, from: string, to: string) =>
  (
    await visitColumns(db)
      .where('v.organization_id', '=', organizationId)
      .where('v.visit_date', '>=', from)
      .where('v.visit_date', '<=', to)
      .orderBy('v.visit_date')
      .orderBy('v.start_min')
      .execute()
  ).map(toVisitDetail);

export const visitsOfPatient = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  from: string,
  to: string,
) =>
  (
    await visitColumns(db)
      .where('v.organization_id', '=', organizationId)
      .where('v.patient_id', '=', patientId)
      .where('v.visit_date', '>=', from)
      .where('v.visit_date', '<=', to)
      .orderBy('v.visit_date')
      .orderBy('v.start_min')
      .limit(500)
      .execute()
  ).map(toVisitDetail);

export const visitsOfStaff = async (db: Conn, organizationId: string, staffId: string, date: string) =>
  (
    await visitColumns(db)
      .where('v.organization_id', '=', organizationId)
      .where('v.staff_id', '=', staffId)
      .where('v.visit_date', '=', date)
      .where('v.status', '!=', 'cancelled')
      .orderBy('v.start_min')
      .execute()
  ).map(toVisitDetail);

/** Last visit day per patient and discipline before a date (completed or still planned). */
export const lastVisitDays = async (
  db: Conn,
  organizationId: string,
  before: string,
): Promise<LastVisitDayRecord[]> =>
  (
    await db
      .selectFrom('visit')
      .select(['patient_id', 'discipline', (eb) => eb.fn.max('visit_date').as('last_date')])
      .where('organization_id', '=', organizationId)
      .where('visit_date', '<', before)
      .where('status', 'in', ['completed', 'scheduled', 'on_the_way', 'checked_in'])
      .groupBy(['patient_id', 'discipline'])
      .execute()
  ).map((r) => ({ patientId: r.patient_id, discipline: r.discipline, lastDate: r.last_date }));

export const eventsOf = async (
  db: Conn,
  organizationId: string,
  visitIds: string[],
): Promise<VisitEventRecord[]> =>
  visitIds.length === 0
    ? []
    : (
        await db
          .selectFrom('visit_event as e')
          .leftJoin('app_user as u', 'u.id', 'e.by_user_id')
          .selectAll('e')
          .select('u.name as by_name')
          .where('e.organization_id', '=', organizationId)
          .where('e.visit_id', 'in', visitIds)
          .orderBy('e.at')
          .execute()
      ).map(toEvent);

/** The documentation of visits, every version, oldest first. */
export const notesOf = async (
  db: Conn,
  organizationId: string,
  visitIds: string[],
): Promise<VisitNoteRecord[]> =>
  visitIds.length === 0
    ? []
    : (
        await db
          .selectFrom('visit_note as n')
          .innerJoin('app_user as u', 'u.id', 'n.by_user_id')
          .selectAll('n')
          .select('u.name as by_name')
          .where('n.organization_id', '=', organizationId)
          .where('n.visit_id', 'in', visitIds)
          .orderBy('n.at')
          .execute()
      ).map(toNote);

export const insertEvent = (db: Conn, row: VisitEventTable) =>
  db.insertInto('visit_event').values(row).execute();

export const insertEvents = (db: Conn, rows: VisitEventTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('visit_event').values(rows).execute();

/** The id of the event a client's command already made, if it did. */
export const eventByClientId = (db: Conn, organizationId: string, clientId: string) =>
  db
    .selectFrom('visit_event')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();

export const insertNote = (
  db: Conn,
  row: {
    id: string;
    organization_id: string;
    visit_id: string;
    patient_id: string;
    content: VisitDocumentation;
    by_user_id: string;
    at: Date;
    client_id: string | null;
  },
) =>
  db
    .insertInto('visit_note')
    .values({ ...row, content: storedJson(row.content) })
    .execute();

/** The id of the note a client's command already made, if it did. */
export const noteByClientId = (db: Conn, organizationId: string, clientId: string) =>
  db
    .selectFrom('visit_note')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();

export const shiftsBetween = async (
  db: Conn,
  organizationId: string,
  from: string,
  to: string,
): Promise<StaffShiftRecord[]> =>
  (
    await db
      .selectFrom('staff_shift as sh')
      .innerJoin('app_user as u', 'u.id', 'sh.user_id')
      .selectAll('sh')
      .select(['u.name as staff_name', 'u.role'])
      .where('sh.organization_id', '=', organizationId)
      .where('sh.shift_date', '>=', from)
      .where('sh.shift_date', '<=', to)
      .where('sh.cancelled_at', 'is', null)
      .where('u.status', '=', 'active')
      .orderBy('sh.shift_date')
      .orderBy('u.name')
      .execute()
  ).map((r) => ({
    id: r.id,
    userId: r.user_id,
    shiftDate: r.shift_date,
    startMin: r.start_min,
    endMin: r.end_min,
    staffName: r.staff_name,
    role: r.role,
    createdBy: r.created_by,
    createdAt: r.created_at,
    cancelledAt: r.cancelled_at,
  }));

export const insertShifts = (db: Conn, rows: StaffShiftTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('staff_shift').values(rows).execute();

export const cancelShift = (db: Conn, organizationId: string, id: string, at: Date) =>
  db
    .updateTable('staff_shift')
    .set({ cancelled_at: at })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();

export const activeStaff = (db: Conn, organizationId: string, roles: readonly string[]) =>
  db
    .selectFrom('app_user')
    .select(['id', 'name', 'role'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .where('role', 'in', [...roles])
    .orderBy('name')
    .execute();

export const familyUsersOf = (db: Conn, organizationId: string, patientIds: string[]) =>
  patientIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('family_link')
        .select(['user_id as userId', 'patient_id as patientId'])
        .where('organization_id', '=', organizationId)
        .where('patient_id', 'in', patientIds)
        .where('removed_at', 'is', null)
        .execute();

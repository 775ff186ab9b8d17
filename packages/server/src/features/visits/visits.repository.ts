import type { VisitDocumentation } from '@hearth/domain';
import type { Insertable, Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { StaffShiftTable, VisitEventTable, VisitTable } from './visits.table.ts';

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
export type VisitRow = Awaited<ReturnType<typeof findVisit>> & {};

export const findVisit = (db: Conn, organizationId: string, id: string) =>
  visitColumns(db).where('v.organization_id', '=', organizationId).where('v.id', '=', id).executeTakeFirst();

export const lockVisit = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('visit')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const insertVisits = (db: Conn, rows: Insertable<VisitTable>[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('visit').values(rows).execute();

export const updateVisit = (db: Conn, organizationId: string, id: string, patch: Updateable<VisitTable>) =>
  db
    .updateTable('visit')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const visitsBetween = (db: Conn, organizationId: string, from: string, to: string) =>
  visitColumns(db)
    .where('v.organization_id', '=', organizationId)
    .where('v.visit_date', '>=', from)
    .where('v.visit_date', '<=', to)
    .orderBy('v.visit_date')
    .orderBy('v.start_min')
    .execute();

export const visitsOfPatient = (
  db: Conn,
  organizationId: string,
  patientId: string,
  from: string,
  to: string,
) =>
  visitColumns(db)
    .where('v.organization_id', '=', organizationId)
    .where('v.patient_id', '=', patientId)
    .where('v.visit_date', '>=', from)
    .where('v.visit_date', '<=', to)
    .orderBy('v.visit_date')
    .orderBy('v.start_min')
    .limit(500)
    .execute();

export const visitsOfStaff = (db: Conn, organizationId: string, staffId: string, date: string) =>
  visitColumns(db)
    .where('v.organization_id', '=', organizationId)
    .where('v.staff_id', '=', staffId)
    .where('v.visit_date', '=', date)
    .where('v.status', '!=', 'cancelled')
    .orderBy('v.start_min')
    .execute();

/** Last visit day per patient and discipline before a date (completed or still planned). */
export const lastVisitDays = (db: Conn, organizationId: string, before: string) =>
  db
    .selectFrom('visit')
    .select(['patient_id', 'discipline', (eb) => eb.fn.max('visit_date').as('last_date')])
    .where('organization_id', '=', organizationId)
    .where('visit_date', '<', before)
    .where('status', 'in', ['completed', 'scheduled', 'on_the_way', 'checked_in'])
    .groupBy(['patient_id', 'discipline'])
    .execute();

export const eventsOf = (db: Conn, organizationId: string, visitIds: string[]) =>
  visitIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('visit_event as e')
        .leftJoin('app_user as u', 'u.id', 'e.by_user_id')
        .selectAll('e')
        .select('u.name as by_name')
        .where('e.organization_id', '=', organizationId)
        .where('e.visit_id', 'in', visitIds)
        .orderBy('e.at')
        .execute();

export const notesOf = (db: Conn, organizationId: string, visitIds: string[]) =>
  visitIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('visit_note as n')
        .innerJoin('app_user as u', 'u.id', 'n.by_user_id')
        .selectAll('n')
        .select('u.name as by_name')
        .where('n.organization_id', '=', organizationId)
        .where('n.visit_id', 'in', visitIds)
        .orderBy('n.at')
        .execute();

export const insertEvent = (db: Conn, row: VisitEventTable) =>
  db.insertInto('visit_event').values(row).execute();

export const insertEvents = (db: Conn, rows: VisitEventTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('visit_event').values(rows).execute();

export const eventByClientId = (db: Conn, organizationId: string, clientId: string) =>
  db
    .selectFrom('visit_event')
    .selectAll()
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
    .values({ ...row, content: JSON.stringify(row.content) })
    .execute();

export const noteByClientId = (db: Conn, organizationId: string, clientId: string) =>
  db
    .selectFrom('visit_note')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();

export const shiftsBetween = (db: Conn, organizationId: string, from: string, to: string) =>
  db
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
    .execute();

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
        .select(['user_id', 'patient_id'])
        .where('organization_id', '=', organizationId)
        .where('patient_id', 'in', patientIds)
        .where('removed_at', 'is', null)
        .execute();

import { type Insertable, sql, type Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type {
  VolunteerAssignmentTable,
  VolunteerHoursTable,
  VolunteerNoteTable,
  VolunteerRequestTable,
  VolunteerScreeningTable,
  VolunteerStatusHistoryTable,
  VolunteerTable,
  VolunteerTrainingTable,
} from './volunteers.table.ts';

type VolunteerInsert = Omit<Insertable<VolunteerTable>, 'areas' | 'languages' | 'skills' | 'availability'> & {
  areas: unknown[];
  languages: unknown[];
  skills: unknown[];
  availability: unknown[];
};
const json = (v: unknown) => JSON.stringify(v);

export const insertVolunteer = (db: Conn, row: VolunteerInsert) =>
  db
    .insertInto('volunteer')
    .values({
      ...row,
      areas: json(row.areas),
      languages: json(row.languages),
      skills: json(row.skills),
      availability: json(row.availability),
    })
    .execute();

export function updateVolunteer(
  db: Conn,
  organizationId: string,
  id: string,
  patch: Omit<Updateable<VolunteerTable>, 'areas' | 'languages' | 'skills' | 'availability'> & {
    areas?: unknown[] | undefined;
    languages?: unknown[] | undefined;
    skills?: unknown[] | undefined;
    availability?: unknown[] | undefined;
  },
) {
  const { areas, languages, skills, availability, ...rest } = patch;
  return db
    .updateTable('volunteer')
    .set({
      ...rest,
      ...(areas && { areas: json(areas) }),
      ...(languages && { languages: json(languages) }),
      ...(skills && { skills: json(skills) }),
      ...(availability && { availability: json(availability) }),
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

const volunteerColumns = (db: Conn) => db.selectFrom('volunteer').selectAll();

export const findVolunteer = (db: Conn, organizationId: string, id: string) =>
  volunteerColumns(db).where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();

export const findVolunteerForUpdate = (db: Conn, organizationId: string, id: string) =>
  volunteerColumns(db)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const findVolunteerByUser = (db: Conn, organizationId: string, userId: string) =>
  volunteerColumns(db)
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export function listVolunteers(
  db: Conn,
  organizationId: string,
  filter: { status?: string | undefined; q?: string | undefined },
  after: { name: string; id: string } | undefined,
  limit: number,
) {
  let q = volunteerColumns(db).where('organization_id', '=', organizationId);
  if (filter.status) q = q.where('status', '=', filter.status as VolunteerTable['status']);
  if (filter.q) q = q.where('name', 'ilike', `%${filter.q.replaceAll(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (after)
    q = q.where((eb) =>
      eb.or([eb('name', '>', after.name), eb.and([eb('name', '=', after.name), eb('id', '>', after.id)])]),
    );
  return q.orderBy('name').orderBy('id').limit(limit).execute();
}

export const volunteersByStatus = (db: Conn, organizationId: string, statuses: VolunteerTable['status'][]) =>
  volunteerColumns(db)
    .where('organization_id', '=', organizationId)
    .where('status', 'in', statuses)
    .orderBy('name')
    .execute();

export const insertStatusHistory = (db: Conn, row: VolunteerStatusHistoryTable) =>
  db.insertInto('volunteer_status_history').values(row).execute();

export const statusHistoryOf = (db: Conn, organizationId: string, volunteerId: string) =>
  db
    .selectFrom('volunteer_status_history')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('volunteer_id', '=', volunteerId)
    .orderBy('at')
    .execute();

export const insertScreening = (db: Conn, row: VolunteerScreeningTable) =>
  db.insertInto('volunteer_screening').values(row).execute();

export const latestScreening = (db: Conn, organizationId: string, volunteerId: string) =>
  db
    .selectFrom('volunteer_screening as s')
    .innerJoin('app_user as u', 'u.id', 's.recorded_by')
    .selectAll('s')
    .select('u.name as recorded_by_name')
    .where('s.organization_id', '=', organizationId)
    .where('s.volunteer_id', '=', volunteerId)
    .orderBy('s.version', 'desc')
    .limit(1)
    .executeTakeFirst();

export const insertTraining = (db: Conn, row: VolunteerTrainingTable) =>
  db.insertInto('volunteer_training').values(row).execute();

export const trainingOf = (db: Conn, organizationId: string, volunteerId: string) =>
  db
    .selectFrom('volunteer_training as t')
    .innerJoin('app_user as u', 'u.id', 't.recorded_by')
    .selectAll('t')
    .select('u.name as recorded_by_name')
    .where('t.organization_id', '=', organizationId)
    .where('t.volunteer_id', '=', volunteerId)
    .orderBy('t.completed_on')
    .execute();

export const insertNote = (db: Conn, row: VolunteerNoteTable) =>
  db.insertInto('volunteer_note').values(row).execute();

export const notesOf = (db: Conn, organizationId: string, volunteerId: string) =>
  db
    .selectFrom('volunteer_note as n')
    .innerJoin('app_user as u', 'u.id', 'n.by_user_id')
    .selectAll('n')
    .select('u.name as by_name')
    .where('n.organization_id', '=', organizationId)
    .where('n.volunteer_id', '=', volunteerId)
    .orderBy('n.on_date', 'desc')
    .orderBy('n.at', 'desc')
    .execute();

export const insertRequest = (db: Conn, row: VolunteerRequestTable) =>
  db.insertInto('volunteer_request').values(row).execute();

export const updateRequest = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<VolunteerRequestTable>,
) =>
  db
    .updateTable('volunteer_request')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

const requestColumns = (db: Conn) =>
  db
    .selectFrom('volunteer_request as r')
    .innerJoin('patient as p', 'p.id', 'r.patient_id')
    .selectAll('r')
    .select([
      'p.first_name as patient_first_name',
      'p.address as patient_address',
      'p.lat as patient_lat',
      'p.lon as patient_lon',
    ])
    .select((eb) =>
      eb
        .fn<string>('concat', ['p.last_name', eb.cast(eb.val(' '), 'text'), 'p.first_name'])
        .as('patient_name'),
    );

export const findRequest = (db: Conn, organizationId: string, id: string) =>
  requestColumns(db)
    .where('r.organization_id', '=', organizationId)
    .where('r.id', '=', id)
    .executeTakeFirst();

export const findRequestForUpdate = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('volunteer_request')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export function listRequests(
  db: Conn,
  organizationId: string,
  status: string | undefined,
  after: { at: Date; id: string } | undefined,
  limit: number,
) {
  let q = requestColumns(db).where('r.organization_id', '=', organizationId);
  if (status) q = q.where('r.status', '=', status as VolunteerRequestTable['status']);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('r.starts_at', '>', after.at),
        eb.and([eb('r.starts_at', '=', after.at), eb('r.id', '>', after.id)]),
      ]),
    );
  return q.orderBy('r.starts_at').orderBy('r.id').limit(limit).execute();
}

export const insertAssignment = (db: Conn, row: Insertable<VolunteerAssignmentTable>) =>
  db.insertInto('volunteer_assignment').values(row).execute();

export const updateAssignment = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<VolunteerAssignmentTable>,
) =>
  db
    .updateTable('volunteer_assignment')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const assignmentsOfRequests = (db: Conn, organizationId: string, requestIds: string[]) =>
  requestIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('volunteer_assignment as a')
        .innerJoin('volunteer as v', 'v.id', 'a.volunteer_id')
        .selectAll('a')
        .select('v.name as volunteer_name')
        .where('a.organization_id', '=', organizationId)
        .where('a.request_id', 'in', requestIds)
        .orderBy('a.offered_at')
        .execute();

const assignmentWithRequest = (db: Conn) =>
  db
    .selectFrom('volunteer_assignment as a')
    .innerJoin('volunteer_request as r', 'r.id', 'a.request_id')
    .innerJoin('patient as p', 'p.id', 'r.patient_id')
    .selectAll('a')
    .select([
      'r.kind',
      'r.starts_at',
      'r.duration_minutes',
      'r.what_to_bring',
      'r.patient_id',
      'p.first_name as family_first_name',
      'p.address as family_address',
    ]);

export const findAssignmentForUpdate = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('volunteer_assignment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const findAssignmentOfVolunteer = (
  db: Conn,
  organizationId: string,
  volunteerId: string,
  id: string,
) =>
  assignmentWithRequest(db)
    .where('a.organization_id', '=', organizationId)
    .where('a.volunteer_id', '=', volunteerId)
    .where('a.id', '=', id)
    .executeTakeFirst();

export const assignmentsOfVolunteer = (
  db: Conn,
  organizationId: string,
  volunteerId: string,
  limit: number,
) =>
  assignmentWithRequest(db)
    .where('a.organization_id', '=', organizationId)
    .where('a.volunteer_id', '=', volunteerId)
    .where('a.status', 'in', ['offered', 'accepted', 'completed'])
    .orderBy('r.starts_at', 'desc')
    .limit(limit)
    .execute();

/** Volunteers holding an offered or accepted assignment that overlaps [from, to). */
export const busyVolunteerIds = async (db: Conn, organizationId: string, from: Date, to: Date) =>
  (
    await db
      .selectFrom('volunteer_assignment as a')
      .innerJoin('volunteer_request as r', 'r.id', 'a.request_id')
      .select('a.volunteer_id')
      .where('a.organization_id', '=', organizationId)
      .where('a.status', 'in', ['offered', 'accepted'])
      .where('r.starts_at', '<', to)
      .where(sql<boolean>`r.starts_at + make_interval(mins => r.duration_minutes) > ${from}`)
      .execute()
  ).map((r) => r.volunteer_id);

export const insertHours = (db: Conn, row: VolunteerHoursTable) =>
  db.insertInto('volunteer_hours').values(row).execute();

export const updateHours = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<VolunteerHoursTable>,
) =>
  db
    .updateTable('volunteer_hours')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const findHoursForUpdate = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('volunteer_hours')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const hoursOfAssignments = (db: Conn, organizationId: string, assignmentIds: string[]) =>
  assignmentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('volunteer_hours')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('assignment_id', 'in', assignmentIds)
        .orderBy('on_date')
        .execute();

const hoursColumns = (db: Conn) =>
  db
    .selectFrom('volunteer_hours as h')
    .innerJoin('volunteer as v', 'v.id', 'h.volunteer_id')
    .innerJoin('volunteer_assignment as a', 'a.id', 'h.assignment_id')
    .innerJoin('volunteer_request as r', 'r.id', 'a.request_id')
    .leftJoin('app_user as d', 'd.id', 'h.decided_by')
    .selectAll('h')
    .select(['v.name as volunteer_name', 'r.kind', 'd.name as decided_by_name']);

export const findHoursEntry = (db: Conn, organizationId: string, id: string) =>
  hoursColumns(db).where('h.organization_id', '=', organizationId).where('h.id', '=', id).executeTakeFirst();

export function listHours(
  db: Conn,
  organizationId: string,
  status: string | undefined,
  after: { at: Date; id: string } | undefined,
  limit: number,
) {
  let q = hoursColumns(db).where('h.organization_id', '=', organizationId);
  if (status) q = q.where('h.status', '=', status as VolunteerHoursTable['status']);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('h.logged_at', '>', after.at),
        eb.and([eb('h.logged_at', '=', after.at), eb('h.id', '>', after.id)]),
      ]),
    );
  return q.orderBy('h.logged_at').orderBy('h.id').limit(limit).execute();
}

/** Hours entries dated within [from, to] (calendar dates), for the monthly report. */
export const hoursBetween = (db: Conn, organizationId: string, from: string, to: string) =>
  hoursColumns(db)
    .where('h.organization_id', '=', organizationId)
    .where('h.on_date', '>=', from)
    .where('h.on_date', '<=', to)
    .execute();

export const findPaidCareHours = (db: Conn, organizationId: string, month: string) =>
  db
    .selectFrom('paid_care_hours')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('month', '=', month)
    .executeTakeFirst();

export const upsertPaidCareHours = (
  db: Conn,
  row: { organization_id: string; month: string; hours: number; entered_by: string; entered_at: Date },
) =>
  db
    .insertInto('paid_care_hours')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organization_id', 'month']).doUpdateSet({
        hours: row.hours,
        entered_by: row.entered_by,
        entered_at: row.entered_at,
      }),
    )
    .execute();

export const deletePaidCareHours = (db: Conn, organizationId: string, month: string) =>
  db
    .deleteFrom('paid_care_hours')
    .where('organization_id', '=', organizationId)
    .where('month', '=', month)
    .execute();

/**
 * Paid staff's patient-care minutes from the visits record: completed visits dated within
 * [from, to] by a staff member. The checked-in to completed time where both are known, the
 * planned duration otherwise.
 */
export const completedVisitMinutes = async (db: Conn, organizationId: string, from: string, to: string) => {
  const row = await db
    .selectFrom('visit')
    .select([
      sql<number>`coalesce(sum(case when checked_in_at is not null and completed_at is not null and completed_at > checked_in_at
        then extract(epoch from (completed_at - checked_in_at)) / 60.0 else duration_min end), 0)`.as(
        'minutes',
      ),
      sql<number>`count(*)`.as('visits'),
    ])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'completed')
    .where('staff_id', 'is not', null)
    .where('visit_date', '>=', from)
    .where('visit_date', '<=', to)
    .executeTakeFirstOrThrow();
  return { minutes: Number(row.minutes), visits: Number(row.visits) };
};

/** A volunteer's hours on one day that still count (not rejected), with their request's times. */
export const countingHoursOnDay = (db: Conn, organizationId: string, volunteerId: string, onDate: string) =>
  db
    .selectFrom('volunteer_hours as h')
    .innerJoin('volunteer_assignment as a', 'a.id', 'h.assignment_id')
    .innerJoin('volunteer_request as r', 'r.id', 'a.request_id')
    .select(['h.assignment_id', 'h.minutes', 'r.starts_at', 'r.duration_minutes'])
    .where('h.organization_id', '=', organizationId)
    .where('h.volunteer_id', '=', volunteerId)
    .where('h.on_date', '=', onDate)
    .where('h.status', '!=', 'rejected')
    .execute();

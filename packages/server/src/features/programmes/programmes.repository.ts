import { type Insertable, sql, type Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type {
  CampApplicationTable,
  CampCareNoteTable,
  CampConsentTable,
  ClownVisitTable,
  CourseAttendanceTable,
  CourseEnrolmentTable,
  ProgrammeSessionTable,
  ProgrammeTable,
  SessionParticipantTable,
  SessionRosterTable,
} from './programmes.table.ts';

export const insertProgramme = (db: Conn, row: ProgrammeTable) =>
  db.insertInto('programme').values(row).execute();

export const findProgramme = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('programme')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

export function listProgrammes(
  db: Conn,
  organizationId: string,
  kind: string | undefined,
  after: { at: Date; id: string } | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('programme as p')
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('programme_session as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.programme_id', '=', 'p.id')
        .where('s.organization_id', '=', organizationId)
        .as('session_count'),
    )
    .where('p.organization_id', '=', organizationId);
  if (kind) q = q.where('p.kind', '=', kind as ProgrammeTable['kind']);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('p.created_at', '>', after.at),
        eb.and([eb('p.created_at', '=', after.at), eb('p.id', '>', after.id)]),
      ]),
    );
  return q.orderBy('p.created_at').orderBy('p.id').limit(limit).execute();
}

export const insertSession = (db: Conn, row: ProgrammeSessionTable) =>
  db.insertInto('programme_session').values(row).execute();

export const sessionsOf = (db: Conn, organizationId: string, programmeId: string) =>
  db
    .selectFrom('programme_session')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('programme_id', '=', programmeId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();

/** A session with its programme, locked so capacity checks and inserts do not race. */
export const findSessionForUpdate = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('programme_session as s')
    .innerJoin('programme as p', 'p.id', 's.programme_id')
    .selectAll('s')
    .select(['p.kind', 'p.max_age_years', 'p.name as programme_name'])
    .where('s.organization_id', '=', organizationId)
    .where('s.id', '=', id)
    .forUpdate('s')
    .executeTakeFirst();

export const insertRoster = (db: Conn, row: SessionRosterTable) =>
  db.insertInto('session_roster').values(row).execute();

export const removeRoster = (db: Conn, organizationId: string, sessionId: string, id: string, at: Date) =>
  db
    .updateTable('session_roster')
    .set({ removed_at: at })
    .where('organization_id', '=', organizationId)
    .where('session_id', '=', sessionId)
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();

export const rosterOf = (db: Conn, organizationId: string, sessionIds: string[]) =>
  sessionIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('session_roster as r')
        .leftJoin('app_user as u', 'u.id', 'r.user_id')
        .leftJoin('volunteer as v', 'v.id', 'r.volunteer_id')
        .select([
          'r.id',
          'r.session_id',
          'r.user_id',
          'r.volunteer_id',
          'r.role',
          'u.name as user_name',
          'v.name as volunteer_name',
        ])
        .where('r.organization_id', '=', organizationId)
        .where('r.session_id', 'in', sessionIds)
        .where('r.removed_at', 'is', null)
        .orderBy('r.added_at')
        .execute();

/** A user account as the programmes need it: who may work a session or enrol on a course as staff. */
export const findAccount = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'name', 'email', 'role', 'status'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertParticipant = (db: Conn, row: SessionParticipantTable) =>
  db.insertInto('session_participant').values(row).execute();

export const participantsOf = (db: Conn, organizationId: string, sessionIds: string[]) =>
  sessionIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('session_participant')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('session_id', 'in', sessionIds)
        .orderBy('added_at')
        .execute();

export const insertApplication = (db: Conn, row: CampApplicationTable) =>
  db.insertInto('camp_application').values(row).execute();

export const updateApplication = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<CampApplicationTable>,
) =>
  db
    .updateTable('camp_application')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const findApplication = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('camp_application')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const applicationsOf = (db: Conn, organizationId: string, sessionIds: string[]) =>
  sessionIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('camp_application as a')
        .innerJoin('patient as p', 'p.id', 'a.patient_id')
        .selectAll('a')
        .select((eb) =>
          eb
            .fn<string>('concat', ['p.first_name', eb.cast(eb.val(' '), 'text'), 'p.last_name'])
            .as('child_name'),
        )
        .where('a.organization_id', '=', organizationId)
        .where('a.session_id', 'in', sessionIds)
        .orderBy('a.queue_no')
        .execute();

export const latestCareNotes = (db: Conn, organizationId: string, applicationIds: string[]) =>
  applicationIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('camp_care_note as n')
        .innerJoin('app_user as u', 'u.id', 'n.recorded_by')
        .selectAll('n')
        .select('u.name as recorded_by_name')
        .where('n.organization_id', '=', organizationId)
        .where('n.application_id', 'in', applicationIds)
        .orderBy('n.recorded_at')
        .execute();

export const insertCareNote = (db: Conn, row: CampCareNoteTable) =>
  db.insertInto('camp_care_note').values(row).execute();

export const insertConsent = (db: Conn, row: CampConsentTable) =>
  db.insertInto('camp_consent').values(row).execute();

export const consentsOf = (db: Conn, organizationId: string, applicationIds: string[]) =>
  applicationIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('camp_consent')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('application_id', 'in', applicationIds)
        .orderBy('recorded_at')
        .execute();

/**
 * The current version of each of a child's prescriptions (medicines module), oldest first: what
 * the camp's medicines line lists. The caller drops the ended ones.
 */
export const currentPrescriptionsOf = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('prescription as p')
    .innerJoin('prescription_version as v', (j) =>
      j
        .onRef('v.prescription_id', '=', 'p.id')
        .onRef('v.version', '=', 'p.current_version')
        .onRef('v.organization_id', '=', 'p.organization_id'),
    )
    .select([
      'v.name',
      'v.strength',
      'v.dose_amount',
      'v.dose_unit',
      'v.route',
      'v.kind',
      'v.times_of_day',
      'v.ends_at',
    ])
    .where('p.organization_id', '=', organizationId)
    .where('p.patient_id', '=', patientId)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();

export const insertClownVisit = (db: Conn, row: Insertable<ClownVisitTable>) =>
  db.insertInto('clown_visit').values(row).execute();

export const updateClownVisit = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<ClownVisitTable>,
) =>
  db
    .updateTable('clown_visit')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

const clownColumns = (db: Conn) =>
  db
    .selectFrom('clown_visit as c')
    .innerJoin('patient as p', 'p.id', 'c.patient_id')
    .selectAll('c')
    .select('p.first_name as child_first_name');

export const findClownVisit = (db: Conn, organizationId: string, id: string) =>
  clownColumns(db).where('c.organization_id', '=', organizationId).where('c.id', '=', id).executeTakeFirst();

export const listClownVisits = (db: Conn, organizationId: string, from: Date, limit: number) =>
  clownColumns(db)
    .where('c.organization_id', '=', organizationId)
    .where('c.scheduled_at', '>=', from)
    .orderBy('c.scheduled_at')
    .limit(limit)
    .execute();

export const insertEnrolment = (db: Conn, row: CourseEnrolmentTable) =>
  db.insertInto('course_enrolment').values(row).execute();

export const updateEnrolment = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<CourseEnrolmentTable>,
) =>
  db
    .updateTable('course_enrolment')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const findEnrolmentForUpdate = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('course_enrolment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const enrolmentsOf = (db: Conn, organizationId: string, programmeId: string) =>
  db
    .selectFrom('course_enrolment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('programme_id', '=', programmeId)
    .orderBy('learner_name')
    .orderBy('id')
    .execute();

export const countCertificates = async (db: Conn, organizationId: string) =>
  Number(
    (
      await db
        .selectFrom('course_enrolment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organizationId)
        .where('certificate_number', 'is not', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const upsertAttendance = (db: Conn, row: CourseAttendanceTable) =>
  db
    .insertInto('course_attendance')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['organization_id', 'enrolment_id', 'session_id'])
        .doUpdateSet({ present: row.present, recorded_by: row.recorded_by, recorded_at: row.recorded_at }),
    )
    .execute();

export const attendanceOf = (db: Conn, organizationId: string, enrolmentIds: string[]) =>
  enrolmentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('course_attendance')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('enrolment_id', 'in', enrolmentIds)
        .execute();

/** Serializes certificate numbering within an organization for the current transaction. */
export const lockCertificates = (db: Conn, organizationId: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`certificates:${organizationId}`}))`.execute(db);

/** The latest current phase-of-illness assessment of a patient (assessments module), if any. */
export const latestPhase = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('assessment')
    .select(['answers', 'taken_at'])
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('instrument', '=', 'phase')
    .where('is_current', '=', true)
    .orderBy('taken_at', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();

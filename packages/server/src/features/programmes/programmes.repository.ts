import { consentKinds, type PhaseOfIllness, phaseAnswersSchema, phasesOfIllness } from '@hearth/domain';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored } from '../../db/stored-json.ts';
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

export interface ProgrammeRecord {
  id: string;
  kind: ProgrammeTable['kind'];
  name: string;
  description: string | null;
  maxAgeYears: number | null;
  createdBy: string;
  createdAt: Date;
}

export interface SessionRecord {
  id: string;
  programmeId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  capacity: number;
  familyCapacity: number | null;
  createdAt: Date;
}

/** A session locked for a write, with what its programme's rules need. */
export interface LockedSessionRecord extends SessionRecord {
  kind: ProgrammeTable['kind'];
  maxAgeYears: number | null;
  programmeName: string;
}

/** Someone working a session: a staff account or a volunteer, with the name of whichever it is. */
export interface RosterEntryRecord {
  id: string;
  sessionId: string;
  userId: string | null;
  volunteerId: string | null;
  role: string;
  userName: string | null;
  volunteerName: string | null;
}

export interface ParticipantRecord {
  id: string;
  sessionId: string;
  patientId: string | null;
  name: string;
  addedBy: string;
  addedAt: Date;
}

export interface CampApplicationRecord {
  id: string;
  sessionId: string;
  patientId: string;
  familyMembers: number;
  queueNo: number;
  status: CampApplicationTable['status'];
  notes: string | null;
  appliedBy: string;
  appliedAt: Date;
  updatedAt: Date;
}

/** An application as a shift's list shows it, with the child's name from the record. */
export interface CampApplicationListRecord extends CampApplicationRecord {
  childName: string;
}

/** One version of a child's camp care note. */
export interface CareNoteRecord {
  id: string;
  applicationId: string;
  medicines: string | null;
  equipment: string | null;
  diet: string | null;
  mobility: string | null;
  whoMayGive: string | null;
  notes: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

export interface CampConsentRecord {
  id: string;
  applicationId: string;
  kind: (typeof consentKinds)[number];
  signedBy: string;
  signedOn: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface ClownVisitRecord {
  id: string;
  patientId: string;
  childFirstName: string;
  scheduledAt: Date;
  familyWish: ClownVisitTable['family_wish'];
  phase: PhaseOfIllness;
  phaseSource: z.infer<typeof phaseSourceSchema>;
  status: ClownVisitTable['status'];
  notes: string | null;
  outcome: string | null;
  createdBy: string;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
}

export interface EnrolmentRecord {
  id: string;
  programmeId: string;
  userId: string | null;
  learnerName: string;
  learnerEmail: string | null;
  learnerOrganization: string | null;
  enrolledBy: string;
  enrolledAt: Date;
  completedOn: string | null;
  certificateNumber: string | null;
}

export interface AttendanceRecord {
  enrolmentId: string;
  sessionId: string;
  present: boolean;
  recordedBy: string;
  recordedAt: Date;
}

/** The phase of illness a clinician last recorded for a patient, and when. */
export interface PhaseRecord {
  phase: PhaseOfIllness;
  takenAt: Date;
}

const phaseSchema = z.enum(phasesOfIllness);
const phaseSourceSchema = z.enum(['assessment', 'confirmed_by_coordinator']);
const consentKindSchema = z.enum(consentKinds);

const toProgramme = (r: Selectable<ProgrammeTable>): ProgrammeRecord => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  description: r.description,
  maxAgeYears: r.max_age_years,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const toSession = (r: Selectable<ProgrammeSessionTable>): SessionRecord => ({
  id: r.id,
  programmeId: r.programme_id,
  title: r.title,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  place: r.place,
  capacity: r.capacity,
  familyCapacity: r.family_capacity,
  createdAt: r.created_at,
});

const toApplication = (r: Selectable<CampApplicationTable>): CampApplicationRecord => ({
  id: r.id,
  sessionId: r.session_id,
  patientId: r.patient_id,
  familyMembers: r.family_members,
  queueNo: r.queue_no,
  status: r.status,
  notes: r.notes,
  appliedBy: r.applied_by,
  appliedAt: r.applied_at,
  updatedAt: r.updated_at,
});

const toClownVisit = (r: Selectable<ClownVisitTable> & { child_first_name: string }): ClownVisitRecord => {
  const at = (column: string) => ({ table: 'clown_visit', column, id: r.id });
  return {
    id: r.id,
    patientId: r.patient_id,
    childFirstName: r.child_first_name,
    scheduledAt: r.scheduled_at,
    familyWish: r.family_wish,
    phase: parseStored(phaseSchema, r.phase, at('phase')),
    phaseSource: parseStored(phaseSourceSchema, r.phase_source, at('phase_source')),
    status: r.status,
    notes: r.notes,
    outcome: r.outcome,
    createdBy: r.created_by,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
  };
};

const toEnrolment = (r: Selectable<CourseEnrolmentTable>): EnrolmentRecord => ({
  id: r.id,
  programmeId: r.programme_id,
  userId: r.user_id,
  learnerName: r.learner_name,
  learnerEmail: r.learner_email,
  learnerOrganization: r.learner_organization,
  enrolledBy: r.enrolled_by,
  enrolledAt: r.enrolled_at,
  completedOn: r.completed_on,
  certificateNumber: r.certificate_number,
});

export const insertProgramme = (db: Conn, row: ProgrammeTable) =>
  db.insertInto('programme').values(row).execute();

export const findProgramme = async (
  db: Conn,
  organizationId: string,
  id: string,
): Promise<ProgrammeRecord | undefined> => {
  const row = await db
    .selectFrom('programme')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toProgramme(row);
};

/** Programmes oldest first (the cursor is the creation time and id), each with its number of sessions. */
export async function listProgrammes(
  db: Conn,
  organizationId: string,
  kind: string | undefined,
  after: { at: Date; id: string } | undefined,
  limit: number,
): Promise<(ProgrammeRecord & { sessionCount: number })[]> {
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
  return (await q.orderBy('p.created_at').orderBy('p.id').limit(limit).execute()).map((r) => ({
    ...toProgramme(r),
    // a count comes back from the driver as text
    sessionCount: Number(r.session_count ?? 0),
  }));
}

export const insertSession = (db: Conn, row: ProgrammeSessionTable) =>
  db.insertInto('programme_session').values(row).execute();

export const sessionsOf = async (db: Conn, organizationId: string, programmeId: string) =>
  (
    await db
      .selectFrom('programme_session')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('programme_id', '=', programmeId)
      .orderBy('starts_at')
      .orderBy('id')
      .execute()
  ).map(toSession);

/** A session with its programme, locked so capacity checks and inserts do not race. */
export const findSessionForUpdate = async (
  db: Conn,
  organizationId: string,
  id: string,
): Promise<LockedSessionRecord | undefined> => {
  const row = await db
    .selectFrom('programme_session as s')
    .innerJoin('programme as p', 'p.id', 's.programme_id')
    .selectAll('s')
    .select(['p.kind', 'p.max_age_years', 'p.name as programme_name'])
    .where('s.organization_id', '=', organizationId)
    .where('s.id', '=', id)
    .forUpdate('s')
    .executeTakeFirst();
  return (
    row && {
      ...toSession(row),
      kind: row.kind,
      maxAgeYears: row.max_age_years,
      programmeName: row.programme_name,
    }
  );
};

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

export const rosterOf = async (
  db: Conn,
  organizationId: string,
  sessionIds: string[],
): Promise<RosterEntryRecord[]> =>
  sessionIds.length === 0
    ? []
    : (
        await db
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
          .execute()
      ).map((r) => ({
        id: r.id,
        sessionId: r.session_id,
        userId: r.user_id,
        volunteerId: r.volunteer_id,
        role: r.role,
        userName: r.user_name,
        volunteerName: r.volunteer_name,
      }));

/** A user account as the programmes need it: who may work a session or enrol on a course as staff. */
export const insertParticipant = (db: Conn, row: SessionParticipantTable) =>
  db.insertInto('session_participant').values(row).execute();

export const participantsOf = async (
  db: Conn,
  organizationId: string,
  sessionIds: string[],
): Promise<ParticipantRecord[]> =>
  sessionIds.length === 0
    ? []
    : (
        await db
          .selectFrom('session_participant')
          .selectAll()
          .where('organization_id', '=', organizationId)
          .where('session_id', 'in', sessionIds)
          .orderBy('added_at')
          .execute()
      ).map((r) => ({
        id: r.id,
        sessionId: r.session_id,
        patientId: r.patient_id,
        name: r.name,
        addedBy: r.added_by,
        addedAt: r.added_at,
      }));

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

export const findApplication = async (
  db: Conn,
  organizationId: string,
  id: string,
): Promise<CampApplicationRecord | undefined> => {
  const row = await db
    .selectFrom('camp_application')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toApplication(row);
};

/** The applications of the given shifts, in order of application. */
export const applicationsOf = async (
  db: Conn,
  organizationId: string,
  sessionIds: string[],
): Promise<CampApplicationListRecord[]> =>
  sessionIds.length === 0
    ? []
    : (
        await db
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
          .execute()
      ).map((r) => ({ ...toApplication(r), childName: r.child_name }));

/** Every version of the applications' care notes, oldest first. */
export const latestCareNotes = async (
  db: Conn,
  organizationId: string,
  applicationIds: string[],
): Promise<CareNoteRecord[]> =>
  applicationIds.length === 0
    ? []
    : (
        await db
          .selectFrom('camp_care_note as n')
          .innerJoin('app_user as u', 'u.id', 'n.recorded_by')
          .selectAll('n')
          .select('u.name as recorded_by_name')
          .where('n.organization_id', '=', organizationId)
          .where('n.application_id', 'in', applicationIds)
          .orderBy('n.recorded_at')
          .execute()
      ).map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        medicines: r.medicines,
        equipment: r.equipment,
        diet: r.diet,
        mobility: r.mobility,
        whoMayGive: r.who_may_give,
        notes: r.notes,
        recordedBy: r.recorded_by,
        recordedByName: r.recorded_by_name,
        recordedAt: r.recorded_at,
      }));

export const insertCareNote = (db: Conn, row: CampCareNoteTable) =>
  db.insertInto('camp_care_note').values(row).execute();

export const insertConsent = (db: Conn, row: CampConsentTable) =>
  db.insertInto('camp_consent').values(row).execute();

/** The signed forms of the applications, oldest first. */
export const consentsOf = async (
  db: Conn,
  organizationId: string,
  applicationIds: string[],
): Promise<CampConsentRecord[]> =>
  applicationIds.length === 0
    ? []
    : (
        await db
          .selectFrom('camp_consent')
          .selectAll()
          .where('organization_id', '=', organizationId)
          .where('application_id', 'in', applicationIds)
          .orderBy('recorded_at')
          .execute()
      ).map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        kind: parseStored(consentKindSchema, r.kind, { table: 'camp_consent', column: 'kind', id: r.id }),
        signedBy: r.signed_by,
        signedOn: r.signed_on,
        recordedBy: r.recorded_by,
        recordedAt: r.recorded_at,
      }));

/**
 * The current version of each of a child's prescriptions (medicines module), oldest first: what
 * the camp's medicines line lists. The caller drops the ended ones.
 */

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

export const findClownVisit = async (
  db: Conn,
  organizationId: string,
  id: string,
): Promise<ClownVisitRecord | undefined> => {
  const row = await clownColumns(db)
    .where('c.organization_id', '=', organizationId)
    .where('c.id', '=', id)
    .executeTakeFirst();
  return row && toClownVisit(row);
};

export const listClownVisits = async (db: Conn, organizationId: string, from: Date, limit: number) =>
  (
    await clownColumns(db)
      .where('c.organization_id', '=', organizationId)
      .where('c.scheduled_at', '>=', from)
      .orderBy('c.scheduled_at')
      .limit(limit)
      .execute()
  ).map(toClownVisit);

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

export const findEnrolmentForUpdate = async (
  db: Conn,
  organizationId: string,
  id: string,
): Promise<EnrolmentRecord | undefined> => {
  const row = await db
    .selectFrom('course_enrolment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toEnrolment(row);
};

export const enrolmentsOf = async (db: Conn, organizationId: string, programmeId: string) =>
  (
    await db
      .selectFrom('course_enrolment')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('programme_id', '=', programmeId)
      .orderBy('learner_name')
      .orderBy('id')
      .execute()
  ).map(toEnrolment);

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

export const attendanceOf = async (
  db: Conn,
  organizationId: string,
  enrolmentIds: string[],
): Promise<AttendanceRecord[]> =>
  enrolmentIds.length === 0
    ? []
    : (
        await db
          .selectFrom('course_attendance')
          .selectAll()
          .where('organization_id', '=', organizationId)
          .where('enrolment_id', 'in', enrolmentIds)
          .execute()
      ).map((r) => ({
        enrolmentId: r.enrolment_id,
        sessionId: r.session_id,
        present: r.present,
        recordedBy: r.recorded_by,
        recordedAt: r.recorded_at,
      }));

/** Serializes certificate numbering within an organization for the current transaction. */
export const lockCertificates = (db: Conn, organizationId: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`certificates:${organizationId}`}))`.execute(db);

/** The latest current phase-of-illness assessment of a patient (assessments module), if any. */
export const latestPhase = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<PhaseRecord | undefined> => {
  const row = await db
    .selectFrom('assessment')
    .select(['id', 'answers', 'taken_at'])
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('instrument', '=', 'phase')
    .where('is_current', '=', true)
    .orderBy('taken_at', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      phase: parseStored(phaseAnswersSchema, row.answers, {
        table: 'assessment',
        column: 'answers',
        id: row.id,
      }).phase,
      takenAt: row.taken_at,
    }
  );
};

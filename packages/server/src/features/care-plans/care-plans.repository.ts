import { type CarePlanContent, carePlanContentSchema, meetingSchema } from '@hearth/domain';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { PatientTable } from '../patients/patients.table.ts';
import type { CarePlanVersionTable, TeamMeetingReviewTable, TeamMeetingTable } from './care-plans.table.ts';

/** One version of a patient's care plan, with who changed it. */
export interface CarePlanVersionRecord {
  id: string;
  patientId: string;
  version: number;
  content: CarePlanContent;
  keyWorkerId: string | null;
  reviewDate: string;
  phase: string;
  reason: string;
  meetingId: string | null;
  changedBy: string;
  changedByName: string;
  createdAt: Date;
}

/** The current plan of an active patient, with what planning needs of the patient. */
export interface CurrentPlanRecord {
  patientId: string;
  version: number;
  content: CarePlanContent;
  phase: string;
  createdAt: Date;
  patientFirstName: string;
  patientLastName: string;
  lat: PatientTable['lat'];
  lon: PatientTable['lon'];
  address: string;
  area: string;
  dateOfBirth: string;
}

/** The phase of one version, for when the current phase began. */
export interface PhaseChangeRecord {
  patientId: string;
  version: number;
  phase: string;
  createdAt: Date;
}

/** When a patient was last reviewed in a team meeting. */
export interface LastReviewRecord {
  patientId: string;
  heldOn: string;
}

export type MeetingAttendee = z.output<typeof meetingSchema.shape.attendees>[number];

/** A team meeting and who attended it. */
export interface MeetingRecord {
  id: string;
  heldOn: string;
  notes: string;
  attendees: MeetingAttendee[];
  createdBy: string;
  createdAt: Date;
}

/** A patient reviewed in a meeting, with the patient's and the owner's names. */
export interface MeetingReviewRecord {
  id: string;
  meetingId: string;
  patientId: string;
  heldOn: string;
  summary: string;
  carePlanVersion: number | null;
  ownerId: string | null;
  patientFirstName: string;
  patientLastName: string;
  ownerName: string | null;
}

const contentOf = (id: string, value: unknown) =>
  parseStored(carePlanContentSchema, value, { table: 'care_plan_version', column: 'content', id });

const toVersion = (
  r: Selectable<CarePlanVersionTable> & { changed_by_name: string },
): CarePlanVersionRecord => ({
  id: r.id,
  patientId: r.patient_id,
  version: r.version,
  content: contentOf(r.id, r.content),
  keyWorkerId: r.key_worker_id,
  reviewDate: r.review_date,
  phase: r.phase,
  reason: r.reason,
  meetingId: r.meeting_id,
  changedBy: r.changed_by,
  changedByName: r.changed_by_name,
  createdAt: r.created_at,
});

const toMeeting = (r: Selectable<TeamMeetingTable>): MeetingRecord => ({
  id: r.id,
  heldOn: r.held_on,
  notes: r.notes,
  attendees: parseStored(meetingSchema.shape.attendees, r.attendees, {
    table: 'team_meeting',
    column: 'attendees',
    id: r.id,
  }),
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const versionColumns = (db: Conn) =>
  db
    .selectFrom('care_plan_version as v')
    .innerJoin('app_user as u', 'u.id', 'v.changed_by')
    .selectAll('v')
    .select('u.name as changed_by_name');

/** The latest version of a patient's plan, if there is one. */
export const latestVersion = async (db: Conn, organizationId: string, patientId: string) => {
  const row = await versionColumns(db)
    .where('v.organization_id', '=', organizationId)
    .where('v.patient_id', '=', patientId)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toVersion(row);
};

/** Every version of a patient's plan, newest first. */
export const versionsOf = async (db: Conn, organizationId: string, patientId: string) =>
  (
    await versionColumns(db)
      .where('v.organization_id', '=', organizationId)
      .where('v.patient_id', '=', patientId)
      .orderBy('v.version', 'desc')
      .limit(200)
      .execute()
  ).map(toVersion);

export interface NewVersion {
  id: string;
  organizationId: string;
  patientId: string;
  version: number;
  content: CarePlanContent;
  reason: string;
  meetingId: string | null;
  changedBy: string;
  at: Date;
}

export const insertVersion = (db: Conn, v: NewVersion) =>
  db
    .insertInto('care_plan_version')
    .values({
      id: v.id,
      organization_id: v.organizationId,
      patient_id: v.patientId,
      version: v.version,
      content: storedJson(v.content),
      key_worker_id: v.content.keyWorkerId,
      review_date: v.content.reviewDate,
      phase: v.content.phase,
      reason: v.reason,
      meeting_id: v.meetingId,
      changed_by: v.changedBy,
      created_at: v.at,
    })
    .execute();

/** The current care plan of every active patient (latest version each). */
export const currentPlans = async (db: Conn, organizationId: string): Promise<CurrentPlanRecord[]> =>
  (
    await db
      .selectFrom('care_plan_version as v')
      .innerJoin('patient as p', 'p.id', 'v.patient_id')
      .distinctOn('v.patient_id')
      .select([
        'v.id',
        'v.patient_id',
        'v.version',
        'v.content',
        'v.phase',
        'v.created_at',
        'p.first_name',
        'p.last_name',
        'p.lat',
        'p.lon',
        'p.address',
        'p.area',
        'p.date_of_birth',
      ])
      .where('v.organization_id', '=', organizationId)
      .where('p.status', '=', 'active')
      .orderBy('v.patient_id')
      .orderBy('v.version', 'desc')
      .execute()
  ).map((r) => ({
    patientId: r.patient_id,
    version: r.version,
    content: contentOf(r.id, r.content),
    phase: r.phase,
    createdAt: r.created_at,
    patientFirstName: r.first_name,
    patientLastName: r.last_name,
    lat: r.lat,
    lon: r.lon,
    address: r.address,
    area: r.area,
    dateOfBirth: r.date_of_birth,
  }));

/** When each patient's current phase began: the earliest version of the latest run of the same phase. */
export const phaseHistory = async (db: Conn, organizationId: string): Promise<PhaseChangeRecord[]> =>
  (
    await db
      .selectFrom('care_plan_version')
      .select(['patient_id', 'version', 'phase', 'created_at'])
      .where('organization_id', '=', organizationId)
      .orderBy('patient_id')
      .orderBy('version')
      .execute()
  ).map((r) => ({ patientId: r.patient_id, version: r.version, phase: r.phase, createdAt: r.created_at }));

/** The day of each patient's last team review. */
export const lastReviews = async (db: Conn, organizationId: string): Promise<LastReviewRecord[]> =>
  (
    await db
      .selectFrom('team_meeting_review')
      .select(['patient_id', (eb) => eb.fn.max('held_on').as('held_on')])
      .where('organization_id', '=', organizationId)
      .groupBy('patient_id')
      .execute()
  ).map((r) => ({ patientId: r.patient_id, heldOn: String(r.held_on) }));

export const insertMeeting = (
  db: Conn,
  row: Omit<TeamMeetingTable, 'attendees'> & { attendees: MeetingAttendee[] },
) =>
  db
    .insertInto('team_meeting')
    .values({ ...row, attendees: storedJson(row.attendees) })
    .execute();

export const insertReview = (db: Conn, row: TeamMeetingReviewTable) =>
  db.insertInto('team_meeting_review').values(row).execute();

export const findMeeting = async (db: Conn, organizationId: string, id: string) => {
  const row = await db
    .selectFrom('team_meeting')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toMeeting(row);
};

/** The latest meetings, newest first. */
export const listMeetings = async (db: Conn, organizationId: string, limit: number) =>
  (
    await db
      .selectFrom('team_meeting')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('held_on', 'desc')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute()
  ).map(toMeeting);

const toReview = (
  r: Selectable<TeamMeetingReviewTable> & {
    first_name: string;
    last_name: string;
    owner_name: string | null;
  },
): MeetingReviewRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  patientId: r.patient_id,
  heldOn: r.held_on,
  summary: r.summary,
  carePlanVersion: r.care_plan_version,
  ownerId: r.owner_id,
  patientFirstName: r.first_name,
  patientLastName: r.last_name,
  ownerName: r.owner_name,
});

/** The patients reviewed in the given meetings, by patient name. */
export const reviewsOf = async (
  db: Conn,
  organizationId: string,
  meetingIds: string[],
): Promise<MeetingReviewRecord[]> =>
  meetingIds.length === 0
    ? []
    : (
        await db
          .selectFrom('team_meeting_review as r')
          .innerJoin('patient as p', 'p.id', 'r.patient_id')
          .leftJoin('app_user as o', 'o.id', 'r.owner_id')
          .selectAll('r')
          .select(['p.first_name', 'p.last_name', 'o.name as owner_name'])
          .where('r.organization_id', '=', organizationId)
          .where('r.meeting_id', 'in', meetingIds)
          .orderBy('p.last_name')
          .execute()
      ).map(toReview);

export const usersByIds = (db: Conn, organizationId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('app_user')
        .select(['id', 'name', 'role', 'status'])
        .where('organization_id', '=', organizationId)
        .where('id', 'in', ids)
        .execute();

export const activeTeam = (db: Conn, organizationId: string, roles: readonly string[]) =>
  db
    .selectFrom('app_user')
    .select(['id', 'name', 'role'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .where('role', 'in', [...roles])
    .orderBy('role')
    .orderBy('name')
    .execute();

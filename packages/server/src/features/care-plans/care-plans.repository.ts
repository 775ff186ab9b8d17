import type { CarePlanContent } from '@hearth/domain';
import type { Conn } from '../../db/conn.ts';
import type { TeamMeetingReviewTable, TeamMeetingTable } from './care-plans.table.ts';

const versionColumns = (db: Conn) =>
  db
    .selectFrom('care_plan_version as v')
    .innerJoin('app_user as u', 'u.id', 'v.changed_by')
    .selectAll('v')
    .select('u.name as changed_by_name');

export const latestVersion = (db: Conn, organizationId: string, patientId: string) =>
  versionColumns(db)
    .where('v.organization_id', '=', organizationId)
    .where('v.patient_id', '=', patientId)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();

export const versionsOf = (db: Conn, organizationId: string, patientId: string) =>
  versionColumns(db)
    .where('v.organization_id', '=', organizationId)
    .where('v.patient_id', '=', patientId)
    .orderBy('v.version', 'desc')
    .limit(200)
    .execute();

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
      content: JSON.stringify(v.content),
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
export const currentPlans = (db: Conn, organizationId: string) =>
  db
    .selectFrom('care_plan_version as v')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .distinctOn('v.patient_id')
    .select([
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
    .execute();

/** When each patient's current phase began: the earliest version of the latest run of the same phase. */
export const phaseHistory = (db: Conn, organizationId: string) =>
  db
    .selectFrom('care_plan_version')
    .select(['patient_id', 'version', 'phase', 'created_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('patient_id')
    .orderBy('version')
    .execute();

export const lastReviews = (db: Conn, organizationId: string) =>
  db
    .selectFrom('team_meeting_review')
    .select(['patient_id', (eb) => eb.fn.max('held_on').as('held_on')])
    .where('organization_id', '=', organizationId)
    .groupBy('patient_id')
    .execute();

export const insertMeeting = (db: Conn, row: Omit<TeamMeetingTable, 'attendees'> & { attendees: unknown }) =>
  db
    .insertInto('team_meeting')
    .values({ ...row, attendees: JSON.stringify(row.attendees) })
    .execute();

export const insertReview = (db: Conn, row: TeamMeetingReviewTable) =>
  db.insertInto('team_meeting_review').values(row).execute();

export const findMeeting = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('team_meeting')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listMeetings = (db: Conn, organizationId: string, limit: number) =>
  db
    .selectFrom('team_meeting')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();

export const reviewsOf = (db: Conn, organizationId: string, meetingIds: string[]) =>
  meetingIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('team_meeting_review as r')
        .innerJoin('patient as p', 'p.id', 'r.patient_id')
        .leftJoin('app_user as o', 'o.id', 'r.owner_id')
        .selectAll('r')
        .select(['p.first_name', 'p.last_name', 'o.name as owner_name'])
        .where('r.organization_id', '=', organizationId)
        .where('r.meeting_id', 'in', meetingIds)
        .orderBy('p.last_name')
        .execute();

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

import { type EpisodeEffect, episodeEffectsSchema, type VisitStatus } from '@hearth/domain';
import { sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';

/** One status or level-of-care change, with the effects it set off in the order applied. */
export interface EpisodeChangeRecord {
  id: string;
  patientId: string;
  fromStatus: string;
  toStatus: string;
  fromSetting: string;
  toSetting: string;
  effects: EpisodeEffect[];
  reason: string;
  byUserId: string | null;
  at: Date;
}

/** A visit not yet started, as the change holds, cancels or restores it. */
export interface PendingVisitRecord {
  id: string;
  status: VisitStatus;
  staffId: string | null;
  visitDate: string;
}

/** A visit on hold while the patient is away, with its person's name. */
export interface HeldVisitRecord {
  id: string;
  visitDate: string;
  discipline: string;
  staffId: string | null;
  statusReason: string | null;
  staffName: string | null;
}

/** What the bereavement view shows of a death. */
export interface DeathRecord {
  diedAt: Date;
  place: string;
  familyMessage: string | null;
}

export const insertChange = (db: Conn, organizationId: string, c: EpisodeChangeRecord) =>
  db
    .insertInto('episode_change')
    .values({
      id: c.id,
      organization_id: organizationId,
      patient_id: c.patientId,
      from_status: c.fromStatus,
      to_status: c.toStatus,
      from_setting: c.fromSetting,
      to_setting: c.toSetting,
      effects: storedJson(c.effects),
      reason: c.reason,
      by_user_id: c.byUserId,
      at: c.at,
    })
    .execute();

export const lastChange = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<EpisodeChangeRecord | undefined> => {
  const r = await db
    .selectFrom('episode_change')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      patientId: r.patient_id,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      fromSetting: r.from_setting,
      toSetting: r.to_setting,
      effects: parseStored(episodeEffectsSchema, r.effects, {
        table: 'episode_change',
        column: 'effects',
        id: r.id,
      }),
      reason: r.reason,
      byUserId: r.by_user_id,
      at: r.at,
    }
  );
};

/** Visits from `fromDate` on that have not started, locked for the change. */
export const pendingVisits = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  fromDate: string,
  statuses: ('requested' | 'scheduled' | 'on_hold')[],
): Promise<PendingVisitRecord[]> =>
  (
    await db
      .selectFrom('visit')
      .select(['id', 'status', 'staff_id', 'visit_date'])
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .where('visit_date', '>=', fromDate)
      .where('status', 'in', statuses)
      .orderBy('visit_date')
      .forUpdate()
      .execute()
  ).map((v) => ({ id: v.id, status: v.status, staffId: v.staff_id, visitDate: v.visit_date }));

/** Every held visit of the patient (any date), for the episode view and the restore. */
export const heldVisits = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<HeldVisitRecord[]> =>
  (
    await db
      .selectFrom('visit as v')
      .leftJoin('app_user as s', 's.id', 'v.staff_id')
      .select([
        'v.id',
        'v.visit_date',
        'v.discipline',
        'v.staff_id',
        'v.status_reason',
        's.name as staff_name',
      ])
      .where('v.organization_id', '=', organizationId)
      .where('v.patient_id', '=', patientId)
      .where('v.status', '=', 'on_hold')
      .orderBy('v.visit_date')
      .orderBy('v.start_min')
      .execute()
  ).map((v) => ({
    id: v.id,
    visitDate: v.visit_date,
    discipline: v.discipline,
    staffId: v.staff_id,
    statusReason: v.status_reason,
    staffName: v.staff_name,
  }));

/** Moves visits to a status, with the reason, and writes one event each. */
export async function setVisitsStatus(
  db: Conn,
  organizationId: string,
  visits: { id: string; status: string }[],
  to: 'on_hold' | 'scheduled' | 'requested' | 'cancelled',
  reason: string,
  byUserId: string | null,
  at: Date,
  newId: () => string,
) {
  if (visits.length === 0) return;
  await db
    .updateTable('visit')
    .set({ status: to, status_reason: reason, updated_at: at })
    .where('organization_id', '=', organizationId)
    .where(
      'id',
      'in',
      visits.map((v) => v.id),
    )
    .execute();
  await db
    .insertInto('visit_event')
    .values(
      visits.map((v) => ({
        id: newId(),
        organization_id: organizationId,
        visit_id: v.id,
        from_status: v.status,
        to_status: to,
        reason,
        by_user_id: byUserId,
        at,
        client_id: null,
      })),
    )
    .execute();
}

/** Loans not yet delivered are cancelled; loans at home are marked for collection. Returns the latter. */
export async function endLoans(db: Conn, organizationId: string, patientId: string, at: Date, today: string) {
  await db
    .updateTable('equipment_loan')
    .set({ status: 'cancelled', updated_at: at })
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'requested')
    .execute();
  return db
    .updateTable('equipment_loan')
    .set({ collection_requested_at: at, expected_return_on: today, updated_at: at })
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('status', 'in', ['delivered', 'in_use'])
    .returning(['id', 'kind'])
    .execute();
}

/**
 * Stops the patient's pending reminder jobs of the given kinds. The rows stay (marked done with
 * why), so the job history still shows what was planned.
 */
export const stopPatientJobs = (
  db: Conn,
  organizationId: string,
  patientId: string,
  kinds: string[],
  why: string,
  now: Date,
) =>
  db
    .updateTable('job')
    .set({ status: 'done', last_error: why, finished_at: now })
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'pending')
    .where('kind', 'in', kinds)
    .where(sql<string>`payload->>'patientId'`, '=', patientId)
    .execute();

export const familyOf = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('family_link as f')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .select('u.id')
    .where('f.organization_id', '=', organizationId)
    .where('f.patient_id', '=', patientId)
    .where('f.removed_at', 'is', null)
    .where('u.status', '=', 'active')
    .execute();

export const deathOf = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<DeathRecord | undefined> => {
  const d = await db
    .selectFrom('death_record')
    .select(['died_at', 'place', 'family_message'])
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
  return d && { diedAt: d.died_at, place: d.place, familyMessage: d.family_message };
};

import { type FhirReferral, fhirReferralSchema } from '@hearth/domain';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { CallAttemptTable, CareRequestTable } from './intake.table.ts';

/**
 * A request for care at home as stored. The relationship and the preferred call time stay as
 * written: requests entered before the form's lists existed carry free words there.
 */
export interface CareRequestRecord {
  id: string;
  organizationId: string;
  reference: string;
  source: CareRequestTable['source'];
  status: CareRequestTable['status'];
  patientName: string;
  patientAgeYears: number | null;
  requesterName: string;
  relationship: string;
  diagnosisText: string;
  address: string;
  phone: string;
  preferredCallTime: string;
  locale: string;
  consentAt: Date;
  createdBy: string | null;
  createdAt: Date;
  callbackDueAt: Date;
  firstCallAt: Date | null;
  escalatedAt: Date | null;
  closedReason: string | null;
  commissionCaseId: string | null;
  retryDueAt: Date | null;
  /** What a FHIR referral brought (source `fhir`); null otherwise. */
  referral: FhirReferral | null;
}

/** A request in the queue, with the deadline it is sorted by (the retry's, else the callback's). */
export interface QueuedCareRequestRecord extends CareRequestRecord {
  nextDueAt: Date;
}

/** One call back to the family, with who made it. */
export interface CallAttemptRecord {
  id: string;
  careRequestId: string;
  at: Date;
  outcome: string;
  note: string | null;
  byName: string;
}

const referralSchema = fhirReferralSchema.nullable();

const toCareRequest = (r: Selectable<CareRequestTable>): CareRequestRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  reference: r.reference,
  source: r.source,
  status: r.status,
  patientName: r.patient_name,
  patientAgeYears: r.patient_age_years,
  requesterName: r.requester_name,
  relationship: r.relationship,
  diagnosisText: r.diagnosis_text,
  address: r.address,
  phone: r.phone,
  preferredCallTime: r.preferred_call_time,
  locale: r.locale,
  consentAt: r.consent_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  callbackDueAt: r.callback_due_at,
  firstCallAt: r.first_call_at,
  escalatedAt: r.escalated_at,
  closedReason: r.closed_reason,
  commissionCaseId: r.commission_case_id,
  retryDueAt: r.retry_due_at,
  referral: parseStored(referralSchema, r.referral, { table: 'care_request', column: 'referral', id: r.id }),
});

/** The referral is written as the FHIR import parsed it; everything else as the row's columns. */
export const insertCareRequest = (
  db: Conn,
  row: Omit<Insertable<CareRequestTable>, 'referral'> & { referral?: FhirReferral | null },
) =>
  db
    .insertInto('care_request')
    .values({ ...row, referral: row.referral ? storedJson(row.referral) : null })
    .execute();

export const findCareRequest = async (db: Conn, organizationId: string, id: string) => {
  const row = await db
    .selectFrom('care_request')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toCareRequest(row);
};

/** Locks the row for the rest of the transaction so two coordinators' updates queue up. */
export const findCareRequestForUpdate = async (db: Conn, organizationId: string, id: string) => {
  const row = await db
    .selectFrom('care_request')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toCareRequest(row);
};

export const updateCareRequest = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Omit<Updateable<CareRequestTable>, 'referral'>,
) =>
  db
    .updateTable('care_request')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export async function listCareRequests(
  db: Conn,
  organizationId: string,
  statuses: CareRequestTable['status'][],
  after: { dueAt: Date; id: string } | undefined,
  limit: number,
): Promise<QueuedCareRequestRecord[]> {
  // the next deadline first: a retry after an unanswered call counts like a callback deadline
  const due = sql<Date>`coalesce(retry_due_at, callback_due_at)`;
  let q = db
    .selectFrom('care_request')
    .selectAll()
    .select(due.as('next_due_at'))
    .where('organization_id', '=', organizationId)
    .where('status', 'in', statuses);
  if (after) {
    q = q.where((eb) =>
      eb.or([eb(due, '>', after.dueAt), eb.and([eb(due, '=', after.dueAt), eb('id', '>', after.id)])]),
    );
  }
  const rows = await q.orderBy(due).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ ...toCareRequest(r), nextDueAt: new Date(r.next_due_at) }));
}

export const callsFor = async (
  db: Conn,
  organizationId: string,
  requestIds: string[],
): Promise<CallAttemptRecord[]> =>
  requestIds.length === 0
    ? []
    : (
        await db
          .selectFrom('call_attempt as c')
          .innerJoin('app_user as u', 'u.id', 'c.by_user_id')
          .select(['c.id', 'c.care_request_id', 'c.at', 'c.outcome', 'c.note', 'u.name as by_name'])
          .where('c.organization_id', '=', organizationId)
          .where('c.care_request_id', 'in', requestIds)
          .orderBy('c.at')
          .execute()
      ).map((c) => ({
        id: c.id,
        careRequestId: c.care_request_id,
        at: c.at,
        outcome: c.outcome,
        note: c.note,
        byName: c.by_name,
      }));

export const insertCallAttempt = (db: Conn, row: Insertable<CallAttemptTable>) =>
  db.insertInto('call_attempt').values(row).execute();

export const defaultOrganization = (db: Conn) =>
  db
    .selectFrom('organization')
    .select(['id', 'name'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();

export const organizationById = (db: Conn, id: string) =>
  db.selectFrom('organization').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

import { type CommissionStatus, commissionMemberSchema, performanceScales } from '@hearth/domain';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { CommissionCaseTable, CommissionDecisionTable, StoredFileTable } from './commission.table.ts';

/** A case as the commission holds it (without the patient's name when read for an update). */
export interface CommissionCaseRecord {
  id: string;
  status: CommissionStatus;
  patientId: string;
  careRequestId: string | null;
  icd10: string;
  diagnosis: string;
  performance: { scale: (typeof performanceScales)[number]; score: number };
  reason: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A case with the patient's name, as lists and the case page show it. */
export interface CommissionCaseWithPatientRecord extends CommissionCaseRecord {
  patientName: string;
}

/** A document attached to a case (its metadata; the bytes are read one file at a time). */
export interface CommissionDocumentRecord {
  caseId: string;
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedByName: string;
}

export type CommissionMember = z.infer<typeof commissionMemberSchema>;

/** One decision of the commission on a case. */
export interface CommissionDecisionRecord {
  id: string;
  caseId: string;
  decision: CommissionDecisionTable['decision'];
  decidedOn: string;
  members: CommissionMember[];
  reviewDate: string | null;
  missing: string | null;
  reason: string | null;
  notes: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

/** A document's bytes with what a download needs, and the patient for the audit line. */
export interface CommissionFileRecord {
  id: string;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  sizeBytes: number;
  patientId: string;
}

const scaleSchema = z.enum(performanceScales);
const membersSchema = z.array(commissionMemberSchema);

const toCase = (r: Selectable<CommissionCaseTable>): CommissionCaseRecord => ({
  id: r.id,
  status: r.status,
  patientId: r.patient_id,
  careRequestId: r.care_request_id,
  icd10: r.icd10,
  diagnosis: r.diagnosis,
  performance: {
    scale: parseStored(scaleSchema, r.performance_scale, {
      table: 'commission_case',
      column: 'performance_scale',
      id: r.id,
    }),
    score: r.performance_score,
  },
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toCaseWithPatient = (
  r: Selectable<CommissionCaseTable> & { patient_name: string },
): CommissionCaseWithPatientRecord => ({ ...toCase(r), patientName: r.patient_name });

const toDecision = (
  r: Selectable<CommissionDecisionTable> & { recorded_by_name: string },
): CommissionDecisionRecord => ({
  id: r.id,
  caseId: r.case_id,
  decision: r.decision,
  decidedOn: r.decided_on,
  members: parseStored(membersSchema, r.members, {
    table: 'commission_decision',
    column: 'members',
    id: r.id,
  }),
  reviewDate: r.review_date,
  missing: r.missing,
  reason: r.reason,
  notes: r.notes,
  recordedBy: r.recorded_by,
  recordedByName: r.recorded_by_name,
  recordedAt: r.recorded_at,
});

export const insertCase = (db: Conn, row: Insertable<CommissionCaseTable>) =>
  db.insertInto('commission_case').values(row).execute();

export const updateCase = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<CommissionCaseTable>,
) =>
  db
    .updateTable('commission_case')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

const caseColumns = (db: Conn) =>
  db
    .selectFrom('commission_case as c')
    .innerJoin('patient as p', 'p.id', 'c.patient_id')
    .selectAll('c')
    .select((eb) =>
      eb
        .fn<string>('concat', ['p.last_name', eb.cast(eb.val(' '), 'text'), 'p.first_name'])
        .as('patient_name'),
    );

export async function findCase(db: Conn, organizationId: string, id: string) {
  const row = await caseColumns(db)
    .where('c.organization_id', '=', organizationId)
    .where('c.id', '=', id)
    .executeTakeFirst();
  return row && toCaseWithPatient(row);
}

export async function findCaseForUpdate(db: Conn, organizationId: string, id: string) {
  const row = await db
    .selectFrom('commission_case')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toCase(row);
}

export async function listCases(
  db: Conn,
  organizationId: string,
  status: string | undefined,
  after: { createdAt: Date; id: string } | undefined,
  limit: number,
) {
  let q = caseColumns(db).where('c.organization_id', '=', organizationId);
  if (status) q = q.where('c.status', '=', status as CommissionCaseTable['status']);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('c.created_at', '>', after.createdAt),
        eb.and([eb('c.created_at', '=', after.createdAt), eb('c.id', '>', after.id)]),
      ]),
    );
  }
  return (await q.orderBy('c.created_at').orderBy('c.id').limit(limit).execute()).map(toCaseWithPatient);
}

export const documentsOf = async (
  db: Conn,
  organizationId: string,
  caseIds: string[],
): Promise<CommissionDocumentRecord[]> =>
  caseIds.length === 0
    ? []
    : (
        await db
          .selectFrom('commission_document as d')
          .innerJoin('stored_file as f', 'f.id', 'd.file_id')
          .innerJoin('app_user as u', 'u.id', 'f.uploaded_by')
          .select([
            'd.case_id',
            'f.id',
            'f.file_name',
            'f.content_type',
            'f.size_bytes',
            'f.sha256',
            'f.uploaded_at',
            'u.name as uploaded_by_name',
          ])
          .where('d.organization_id', '=', organizationId)
          .where('d.case_id', 'in', caseIds)
          .orderBy('f.uploaded_at')
          .execute()
      ).map((r) => ({
        caseId: r.case_id,
        id: r.id,
        fileName: r.file_name,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        sha256: r.sha256,
        uploadedAt: r.uploaded_at,
        uploadedByName: r.uploaded_by_name,
      }));

export const decisionsOf = async (
  db: Conn,
  organizationId: string,
  caseIds: string[],
): Promise<CommissionDecisionRecord[]> =>
  caseIds.length === 0
    ? []
    : (
        await db
          .selectFrom('commission_decision as d')
          .innerJoin('app_user as u', 'u.id', 'd.recorded_by')
          .selectAll('d')
          .select('u.name as recorded_by_name')
          .where('d.organization_id', '=', organizationId)
          .where('d.case_id', 'in', caseIds)
          .orderBy('d.recorded_at')
          .execute()
      ).map(toDecision);

type DecisionRow = Omit<Insertable<CommissionDecisionTable>, 'members'> & { members: CommissionMember[] };

export const insertDecision = (db: Conn, row: DecisionRow) =>
  db
    .insertInto('commission_decision')
    .values({ ...row, members: storedJson(row.members) })
    .execute();

export async function insertDocument(db: Conn, caseId: string, file: StoredFileTable) {
  await db.insertInto('stored_file').values(file).execute();
  await db
    .insertInto('commission_document')
    .values({ organization_id: file.organization_id, case_id: caseId, file_id: file.id })
    .execute();
}

export async function findDocument(
  db: Conn,
  organizationId: string,
  caseId: string,
  fileId: string,
): Promise<CommissionFileRecord | undefined> {
  const r = await db
    .selectFrom('commission_document as d')
    .innerJoin('stored_file as f', 'f.id', 'd.file_id')
    .innerJoin('commission_case as c', 'c.id', 'd.case_id')
    .select(['f.id', 'f.file_name', 'f.content_type', 'f.content', 'f.size_bytes', 'c.patient_id'])
    .where('d.organization_id', '=', organizationId)
    .where('d.case_id', '=', caseId)
    .where('d.file_id', '=', fileId)
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      fileName: r.file_name,
      contentType: r.content_type,
      content: r.content,
      sizeBytes: r.size_bytes,
      patientId: r.patient_id,
    }
  );
}

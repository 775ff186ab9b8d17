import type { Insertable, Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { CommissionCaseTable, CommissionDecisionTable, StoredFileTable } from './commission.table.ts';

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

export const findCase = (db: Conn, organizationId: string, id: string) =>
  caseColumns(db).where('c.organization_id', '=', organizationId).where('c.id', '=', id).executeTakeFirst();

export const findCaseForUpdate = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('commission_case')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export function listCases(
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
  return q.orderBy('c.created_at').orderBy('c.id').limit(limit).execute();
}

export const documentsOf = (db: Conn, organizationId: string, caseIds: string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db
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
        .execute();

export const decisionsOf = (db: Conn, organizationId: string, caseIds: string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('commission_decision as d')
        .innerJoin('app_user as u', 'u.id', 'd.recorded_by')
        .selectAll('d')
        .select('u.name as recorded_by_name')
        .where('d.organization_id', '=', organizationId)
        .where('d.case_id', 'in', caseIds)
        .orderBy('d.recorded_at')
        .execute();

type DecisionRow = Omit<Insertable<CommissionDecisionTable>, 'members'> & {
  members: { name: string; role?: string | undefined }[];
};

export const insertDecision = (db: Conn, row: DecisionRow) =>
  db
    .insertInto('commission_decision')
    .values({ ...row, members: JSON.stringify(row.members) })
    .execute();

export async function insertDocument(db: Conn, caseId: string, file: StoredFileTable) {
  await db.insertInto('stored_file').values(file).execute();
  await db
    .insertInto('commission_document')
    .values({ organization_id: file.organization_id, case_id: caseId, file_id: file.id })
    .execute();
}

export const findDocument = (db: Conn, organizationId: string, caseId: string, fileId: string) =>
  db
    .selectFrom('commission_document as d')
    .innerJoin('stored_file as f', 'f.id', 'd.file_id')
    .innerJoin('commission_case as c', 'c.id', 'd.case_id')
    .select(['f.id', 'f.file_name', 'f.content_type', 'f.content', 'f.size_bytes', 'c.patient_id'])
    .where('d.organization_id', '=', organizationId)
    .where('d.case_id', '=', caseId)
    .where('d.file_id', '=', fileId)
    .executeTakeFirst();

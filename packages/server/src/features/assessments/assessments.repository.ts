import type { Insertable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { AssessmentTable, ClinicalTaskTable } from './assessments.table.ts';

type AssessmentInsert = Omit<Insertable<AssessmentTable>, 'answers' | 'scores' | 'flags'> & {
  answers: Record<string, unknown>;
  scores: Record<string, unknown>;
  flags: Record<string, unknown> | null;
};

export const insertAssessment = (db: Conn, row: AssessmentInsert) =>
  db
    .insertInto('assessment')
    .values({
      ...row,
      answers: JSON.stringify(row.answers),
      scores: JSON.stringify(row.scores),
      flags: row.flags ? JSON.stringify(row.flags) : null,
    })
    .execute();

const withAuthor = (db: Conn) =>
  db
    .selectFrom('assessment as a')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .selectAll('a')
    .select(['u.name as recorded_by_name', 'u.role as recorded_by_role']);

export type AssessmentRow = Awaited<ReturnType<typeof currentVersion>> & {};

/** The current version of a record, locked so two corrections queue up. */
export const currentVersion = (db: Conn, organizationId: string, patientId: string, recordId: string) =>
  withAuthor(db)
    .where('a.organization_id', '=', organizationId)
    .where('a.patient_id', '=', patientId)
    .where('a.record_id', '=', recordId)
    .where('a.is_current', '=', true)
    .forUpdate('a')
    .executeTakeFirst();

export const allVersions = (db: Conn, organizationId: string, recordId: string) =>
  withAuthor(db)
    .where('a.organization_id', '=', organizationId)
    .where('a.record_id', '=', recordId)
    .orderBy('a.version')
    .execute();

export const retireVersion = (db: Conn, organizationId: string, id: string) =>
  db
    .updateTable('assessment')
    .set({ is_current: false })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

/** Current records of a patient taken up to `before`, except one record, newest first. */
const currentBefore = (
  db: Conn,
  organizationId: string,
  patientId: string,
  before: Date,
  excludeRecordId: string,
) =>
  db
    .selectFrom('assessment')
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('is_current', '=', true)
    .where('taken_at', '<=', before)
    .where('record_id', '<>', excludeRecordId)
    .orderBy('taken_at', 'desc')
    .orderBy('recorded_at', 'desc');

/** The last current record of an instrument taken before `before` (excluding one record). */
export const previousOf = (
  db: Conn,
  organizationId: string,
  patientId: string,
  instrument: string,
  before: Date,
  excludeRecordId: string,
) =>
  currentBefore(db, organizationId, patientId, before, excludeRecordId)
    .selectAll()
    .where('instrument', '=', instrument)
    .limit(1)
    .executeTakeFirst();

/**
 * The patient's current records of the given instruments taken in [from, before] (excluding one
 * record), newest first, capped: the triage rules' look-back for each item's last value.
 */
export const recentOf = (
  db: Conn,
  organizationId: string,
  patientId: string,
  instruments: readonly string[],
  from: Date,
  before: Date,
  excludeRecordId: string,
) =>
  currentBefore(db, organizationId, patientId, before, excludeRecordId)
    .select(['instrument', 'answers', 'taken_at'])
    .where('instrument', 'in', instruments)
    .where('taken_at', '>=', from)
    .limit(500)
    .execute();

export function listCurrent(
  db: Conn,
  organizationId: string,
  patientId: string,
  filter: { instrument?: string | undefined; source?: 'staff' | 'family' | undefined },
  limit: number,
  after?: { at: Date; id: string },
) {
  let q = withAuthor(db)
    .where('a.organization_id', '=', organizationId)
    .where('a.patient_id', '=', patientId)
    .where('a.is_current', '=', true);
  if (filter.instrument) q = q.where('a.instrument', '=', filter.instrument);
  if (filter.source) q = q.where('a.source', '=', filter.source);
  // keyset: one current version per record, so (taken_at, record_id) orders the records totally
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('a.taken_at', '<', after.at),
        eb.and([eb('a.taken_at', '=', after.at), eb('a.record_id', '<', after.id)]),
      ]),
    );
  return q.orderBy('a.taken_at', 'desc').orderBy('a.record_id', 'desc').limit(limit).execute();
}

export const insertTask = (db: Conn, row: Insertable<ClinicalTaskTable>) =>
  db.insertInto('clinical_task').values(row).execute();

export const openTasks = (
  db: Conn,
  organizationId: string,
  patientId: string,
  kind: ClinicalTaskTable['kind'],
) =>
  db
    .selectFrom('clinical_task')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .forUpdate()
    .execute();

export const completeTasks = (
  db: Conn,
  organizationId: string,
  ids: string[],
  patch: { done_at: Date; done_by: string; done_by_assessment_id: string | null },
) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .updateTable('clinical_task')
        .set({ ...patch, status: 'done' })
        .where('organization_id', '=', organizationId)
        .where('id', 'in', ids)
        .execute();

export function listTasks(
  db: Conn,
  organizationId: string,
  filter: { status: 'open' | 'done'; patientId?: string | undefined; teamMemberId?: string | undefined },
  limit: number,
) {
  let q = db
    .selectFrom('clinical_task as t')
    .innerJoin('patient as p', 'p.id', 't.patient_id')
    .selectAll('t')
    .select(['p.first_name', 'p.last_name'])
    .where('t.organization_id', '=', organizationId)
    .where('t.status', '=', filter.status);
  if (filter.patientId) q = q.where('t.patient_id', '=', filter.patientId);
  if (filter.teamMemberId) {
    const member = filter.teamMemberId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('patient_team_member as m')
          .select('m.user_id')
          .whereRef('m.patient_id', '=', 't.patient_id')
          .where('m.user_id', '=', member),
      ),
    );
  }
  return q.orderBy('t.due_at').orderBy('t.id').limit(limit).execute();
}

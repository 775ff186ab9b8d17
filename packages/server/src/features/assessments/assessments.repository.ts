import {
  assessmentSchema,
  type Coping,
  diaryAnswersSchemas,
  type Instrument,
  instrumentAnswersSchemas,
  instruments,
  observationFlagsSchema,
} from '@hearth/domain';
import type { Insertable, Selectable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { AssessmentTable, ClinicalTaskTable } from './assessments.table.ts';

/** One instrument's answers as stored: a staff record's in full, a diary entry's maybe partial. */
export type StoredAnswers =
  | z.output<(typeof instrumentAnswersSchemas)[Instrument]>
  | z.output<(typeof diaryAnswersSchemas)[keyof typeof diaryAnswersSchemas]>;

/** The answers of one record, with the instrument they belong to and when they were taken. */
export interface AnswersRecord {
  instrument: Instrument;
  answers: StoredAnswers;
  takenAt: Date;
}

/** One version of an assessment record, with who recorded it. */
export interface AssessmentRecord extends AnswersRecord {
  /** The id of this version. */
  id: string;
  /** Stable across corrections. */
  recordId: string;
  version: number;
  isCurrent: boolean;
  patientId: string;
  scores: Record<string, unknown>;
  flags: z.output<typeof observationFlagsSchema> | null;
  coping: Coping | null;
  note: string | null;
  source: 'staff' | 'family';
  visitId: string | null;
  recordedAt: Date;
  recordedBy: string;
  recordedByName: string;
  recordedByRole: string;
  correctionReason: string | null;
}

const instrumentSchema = z.enum(instruments);
const scoresSchema = assessmentSchema.shape.scores;
const flagsSchema = observationFlagsSchema.nullable();
const at = (id: string, column: string) => ({ table: 'assessment', column, id });

/** The instrument and its answers, read with that instrument's schema (a diary entry's own). */
function answersOf(r: { id: string; instrument: string; source: 'staff' | 'family'; answers: unknown }) {
  const instrument = parseStored(instrumentSchema, r.instrument, at(r.id, 'instrument'));
  const schema =
    r.source === 'family' && (instrument === 'esas_r' || instrument === 'faces')
      ? diaryAnswersSchemas[instrument]
      : instrumentAnswersSchemas[instrument];
  const answers: StoredAnswers = parseStored(schema, r.answers, at(r.id, 'answers'));
  return { instrument, answers };
}

type AuthoredRow = Omit<Selectable<AssessmentTable>, 'organization_id'> & {
  recorded_by_name: string;
  recorded_by_role: string;
};

const toAssessment = (r: AuthoredRow): AssessmentRecord => ({
  id: r.id,
  recordId: r.record_id,
  version: r.version,
  isCurrent: r.is_current,
  patientId: r.patient_id,
  ...answersOf(r),
  scores: parseStored(scoresSchema, r.scores, at(r.id, 'scores')),
  flags: parseStored(flagsSchema, r.flags, at(r.id, 'flags')),
  coping: r.coping,
  note: r.note,
  source: r.source,
  visitId: r.visit_id,
  takenAt: r.taken_at,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  recordedByName: r.recorded_by_name,
  recordedByRole: r.recorded_by_role,
  correctionReason: r.correction_reason,
});

type AssessmentInsert = Omit<Insertable<AssessmentTable>, 'answers' | 'scores' | 'flags'> & {
  answers: object;
  scores: Record<string, unknown>;
  flags: z.output<typeof observationFlagsSchema> | null;
};

export const insertAssessment = (db: Conn, row: AssessmentInsert) =>
  db
    .insertInto('assessment')
    .values({
      ...row,
      answers: storedJson(row.answers),
      scores: storedJson(row.scores),
      flags: row.flags ? storedJson(row.flags) : null,
    })
    .execute();

const withAuthor = (db: Conn) =>
  db
    .selectFrom('assessment as a')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .selectAll('a')
    .select(['u.name as recorded_by_name', 'u.role as recorded_by_role']);

/** The current version of a record, locked so two corrections queue up. */
export const currentVersion = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  recordId: string,
) => {
  const row = await withAuthor(db)
    .where('a.organization_id', '=', organizationId)
    .where('a.patient_id', '=', patientId)
    .where('a.record_id', '=', recordId)
    .where('a.is_current', '=', true)
    .forUpdate('a')
    .executeTakeFirst();
  return row && toAssessment(row);
};

/** Every version of a record, oldest first. */
export const allVersions = async (db: Conn, organizationId: string, recordId: string) =>
  (
    await withAuthor(db)
      .where('a.organization_id', '=', organizationId)
      .where('a.record_id', '=', recordId)
      .orderBy('a.version')
      .execute()
  ).map(toAssessment);

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

const toAnswers = (r: {
  id: string;
  instrument: string;
  source: 'staff' | 'family';
  answers: unknown;
  taken_at: Date;
}): AnswersRecord => ({ ...answersOf(r), takenAt: r.taken_at });

/** The last current record of an instrument taken before `before` (excluding one record). */
export const previousOf = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  instrument: string,
  before: Date,
  excludeRecordId: string,
) => {
  const row = await currentBefore(db, organizationId, patientId, before, excludeRecordId)
    .select(['id', 'instrument', 'source', 'answers', 'taken_at'])
    .where('instrument', '=', instrument)
    .limit(1)
    .executeTakeFirst();
  return row && toAnswers(row);
};

/**
 * The patient's current records of the given instruments taken in [from, before] (excluding one
 * record), newest first, capped: the triage rules' look-back for each item's last value.
 */
export const recentOf = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  instruments: readonly string[],
  from: Date,
  before: Date,
  excludeRecordId: string,
) =>
  (
    await currentBefore(db, organizationId, patientId, before, excludeRecordId)
      .select(['id', 'instrument', 'source', 'answers', 'taken_at'])
      .where('instrument', 'in', instruments)
      .where('taken_at', '>=', from)
      .limit(500)
      .execute()
  ).map(toAnswers);

/** A patient's current records, newest first, one page after the keyset cursor. */
export async function listCurrent(
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
  const rows = await q.orderBy('a.taken_at', 'desc').orderBy('a.record_id', 'desc').limit(limit).execute();
  return rows.map(toAssessment);
}

export const insertTask = (db: Conn, row: Insertable<ClinicalTaskTable>) =>
  db.insertInto('clinical_task').values(row).execute();

/** A follow-up the triage rules or an alert's outcome opened. */
export interface ClinicalTaskRecord {
  id: string;
  patientId: string;
  kind: ClinicalTaskTable['kind'];
  alertId: string | null;
  reason: string;
  dueAt: Date;
  createdAt: Date;
  status: ClinicalTaskTable['status'];
  doneAt: Date | null;
  doneBy: string | null;
  doneByAssessmentId: string | null;
}

/** A task with the name of its patient, for the task list. */
export interface ClinicalTaskListRecord extends ClinicalTaskRecord {
  patientFirstName: string;
  patientLastName: string;
}

const toTask = (r: Selectable<ClinicalTaskTable>): ClinicalTaskRecord => ({
  id: r.id,
  patientId: r.patient_id,
  kind: r.kind,
  alertId: r.alert_id,
  reason: r.reason,
  dueAt: r.due_at,
  createdAt: r.created_at,
  status: r.status,
  doneAt: r.done_at,
  doneBy: r.done_by,
  doneByAssessmentId: r.done_by_assessment_id,
});

/** The open tasks of a kind for a patient, locked so a concurrent write waits for them. */
export const openTasks = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  kind: ClinicalTaskTable['kind'],
) =>
  (
    await db
      .selectFrom('clinical_task')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .where('kind', '=', kind)
      .where('status', '=', 'open')
      .forUpdate()
      .execute()
  ).map(toTask);

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

export async function listTasks(
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
  const rows = await q.orderBy('t.due_at').orderBy('t.id').limit(limit).execute();
  return rows.map(
    (r): ClinicalTaskListRecord => ({
      ...toTask(r),
      patientFirstName: r.first_name,
      patientLastName: r.last_name,
    }),
  );
}

import {
  assessmentSchema,
  instrumentAnswersSchemas,
  instrumentWordingBodySchema,
  type McsiAnswers,
  type Zbi12Answers,
} from '@hearth/domain';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type {
  CaregiverBurdenTable,
  CaregiverScreeningTable,
  CaregiverSkillRecordTable,
  DutyShiftTable,
} from './caregivers.table.ts';

/** A skill a nurse signed for a caregiver, with the nurse's name. */
export interface SkillSignOffRecord {
  id: string;
  patientId: string;
  caregiverName: string;
  familyUserId: string | null;
  skill: string;
  level: CaregiverSkillRecordTable['level'];
  signedOn: string;
  nurseId: string;
  nurseName: string;
  note: string | null;
  createdAt: Date;
}

/** Someone from the family on duty at the patient's home, with who put them on the roster. */
export interface DutyShiftRecord {
  id: string;
  patientId: string;
  date: string;
  slot: DutyShiftTable['slot'];
  personName: string;
  familyUserId: string | null;
  tasks: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  cancelledAt: Date | null;
  cancelledBy: string | null;
}

/**
 * A "cannot cope" call, or a ZBI-12 screening from before screenings were assessments. Its item
 * answers are left out: no reader shows them.
 */
export interface CaregiverBurdenRecord {
  id: string;
  patientId: string;
  caregiverName: string;
  kind: CaregiverBurdenTable['kind'];
  total: number | null;
  threshold: number | null;
  high: boolean;
  cannotCope: boolean;
  onRequest: boolean;
  note: string | null;
  referralId: string | null;
  respiteOffered: boolean;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

/** The licensed wording of an instrument's items in one locale. */
export interface InstrumentWordingRecord {
  instrument: string;
  locale: string;
  items: Record<string, string>;
  licenceNote: string;
  updatedBy: string;
  updatedAt: Date;
}

/** A burden screening stored as an assessment, with what the caregiver workflow added (if any). */
export interface BurdenScreeningRecord {
  recordId: string;
  instrument: 'mcsi' | 'zbi12';
  answers: McsiAnswers | Zbi12Answers;
  scores: Record<string, unknown>;
  takenAt: Date;
  recordedByName: string;
  caregiverName: string | null;
  familyUserId: string | null;
  cannotCope: boolean | null;
  referralId: string | null;
  respiteOffered: boolean | null;
}

export const insertSkillRecord = (db: Conn, row: Insertable<CaregiverSkillRecordTable>) =>
  db.insertInto('caregiver_skill_record').values(row).execute();

/** Every skill signed for a patient's caregivers, oldest first. */
export const skillRecordsOf = async (db: Conn, orgId: string, patientId: string) =>
  (
    await db
      .selectFrom('caregiver_skill_record as s')
      .innerJoin('app_user as u', 'u.id', 's.nurse_id')
      .selectAll('s')
      .select('u.name as nurse_name')
      .where('s.organization_id', '=', orgId)
      .where('s.patient_id', '=', patientId)
      .orderBy('s.created_at')
      .execute()
  ).map(
    (r): SkillSignOffRecord => ({
      id: r.id,
      patientId: r.patient_id,
      caregiverName: r.caregiver_name,
      familyUserId: r.family_user_id,
      skill: r.skill,
      level: r.level,
      signedOn: r.signed_on,
      nurseId: r.nurse_id,
      nurseName: r.nurse_name,
      note: r.note,
      createdAt: r.created_at,
    }),
  );

export const insertShift = (db: Conn, row: Insertable<DutyShiftTable>) =>
  db.insertInto('duty_shift').values(row).execute();

const toShift = (r: Selectable<DutyShiftTable> & { created_by_name: string }): DutyShiftRecord => ({
  id: r.id,
  patientId: r.patient_id,
  date: r.date,
  slot: r.slot,
  personName: r.person_name,
  familyUserId: r.family_user_id,
  tasks: r.tasks,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  cancelledAt: r.cancelled_at,
  cancelledBy: r.cancelled_by,
});

/** The shifts on the roster between two days, by day and slot. */
export const shiftsBetween = async (db: Conn, orgId: string, patientId: string, from: string, to: string) =>
  (
    await db
      .selectFrom('duty_shift as d')
      .innerJoin('app_user as u', 'u.id', 'd.created_by')
      .selectAll('d')
      .select('u.name as created_by_name')
      .where('d.organization_id', '=', orgId)
      .where('d.patient_id', '=', patientId)
      .where('d.cancelled_at', 'is', null)
      .where('d.date', '>=', from)
      .where('d.date', '<=', to)
      .orderBy('d.date')
      .orderBy('d.slot')
      .limit(500)
      .execute()
  ).map(toShift);

export const sameShift = (
  db: Conn,
  orgId: string,
  patientId: string,
  date: string,
  slot: string,
  person: string,
) =>
  db
    .selectFrom('duty_shift')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('date', '=', date)
    .where('slot', '=', slot as DutyShiftTable['slot'])
    .where('person_name', '=', person)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();

export const cancelShift = (db: Conn, orgId: string, patientId: string, id: string, by: string, at: Date) =>
  db
    .updateTable('duty_shift')
    .set({ cancelled_at: at, cancelled_by: by })
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();

type BurdenRow = Omit<Insertable<CaregiverBurdenTable>, 'answers'> & {
  answers: Record<string, number> | null;
};
export const insertBurden = (db: Conn, row: BurdenRow) =>
  db
    .insertInto('caregiver_burden')
    .values({ ...row, answers: row.answers === null ? null : storedJson(row.answers) })
    .execute();

/** A patient's "cannot cope" calls and older ZBI-12 screenings, newest first. */
export const burdenOf = async (db: Conn, orgId: string, patientId: string) =>
  (
    await db
      .selectFrom('caregiver_burden as b')
      .innerJoin('app_user as u', 'u.id', 'b.recorded_by')
      .select([
        'b.id',
        'b.patient_id',
        'b.caregiver_name',
        'b.kind',
        'b.total',
        'b.threshold',
        'b.high',
        'b.cannot_cope',
        'b.on_request',
        'b.note',
        'b.referral_id',
        'b.respite_offered',
        'b.recorded_by',
        'b.recorded_at',
        'u.name as recorded_by_name',
      ])
      .where('b.organization_id', '=', orgId)
      .where('b.patient_id', '=', patientId)
      .orderBy('b.recorded_at', 'desc')
      .limit(100)
      .execute()
  ).map(
    (r): CaregiverBurdenRecord => ({
      id: r.id,
      patientId: r.patient_id,
      caregiverName: r.caregiver_name,
      kind: r.kind,
      total: r.total,
      threshold: r.threshold,
      high: r.high,
      cannotCope: r.cannot_cope,
      onRequest: r.on_request,
      note: r.note,
      referralId: r.referral_id,
      respiteOffered: r.respite_offered,
      recordedBy: r.recorded_by,
      recordedByName: r.recorded_by_name,
      recordedAt: r.recorded_at,
    }),
  );

/** The organization's wording of an instrument's items, one row per locale. */
export const wordingOf = async (db: Conn, orgId: string, instrument: string) =>
  (
    await db
      .selectFrom('instrument_wording')
      .selectAll()
      .where('organization_id', '=', orgId)
      .where('instrument', '=', instrument)
      .execute()
  ).map(
    (r): InstrumentWordingRecord => ({
      instrument: r.instrument,
      locale: r.locale,
      items: parseStored(instrumentWordingBodySchema.shape.items, r.items, {
        table: 'instrument_wording',
        column: 'items',
        id: `${r.instrument}/${r.locale}`,
      }),
      licenceNote: r.licence_note,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    }),
  );

export const upsertWording = (
  db: Conn,
  row: {
    organization_id: string;
    instrument: string;
    locale: string;
    items: Record<string, string>;
    licence_note: string;
    updated_by: string;
    updated_at: Date;
  },
) =>
  db
    .insertInto('instrument_wording')
    .values({ ...row, items: storedJson(row.items) })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'instrument', 'locale']).doUpdateSet({
        items: storedJson(row.items),
        licence_note: row.licence_note,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();

export const insertScreening = (db: Conn, row: Insertable<CaregiverScreeningTable>) =>
  db.insertInto('caregiver_screening').values(row).execute();

/**
 * Burden screenings stored as assessments (current versions), with what the caregiver workflow
 * added when it recorded them; a screening a clinician recorded on the patient page has none.
 */
export const screeningsOf = async (db: Conn, orgId: string, patientId: string) =>
  (
    await db
      .selectFrom('assessment as a')
      .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
      .leftJoin('caregiver_screening as s', 's.record_id', 'a.record_id')
      .select([
        'a.id',
        'a.record_id',
        'a.instrument',
        'a.answers',
        'a.scores',
        'a.taken_at',
        'u.name as recorded_by_name',
        's.caregiver_name',
        's.family_user_id',
        's.cannot_cope',
        's.referral_id',
        's.respite_offered',
      ])
      .where('a.organization_id', '=', orgId)
      .where('a.patient_id', '=', patientId)
      .where('a.is_current', '=', true)
      .where('a.instrument', 'in', ['mcsi', 'zbi12'])
      .orderBy('a.taken_at', 'desc')
      .orderBy(sql`s.seq desc nulls last`)
      .limit(100)
      .execute()
  ).map((r): BurdenScreeningRecord => {
    const at = (column: string) => ({ table: 'assessment', column, id: r.id });
    const instrument = r.instrument === 'mcsi' ? 'mcsi' : 'zbi12';
    return {
      recordId: r.record_id,
      instrument,
      answers: parseStored(instrumentAnswersSchemas[instrument], r.answers, at('answers')),
      scores: parseStored(assessmentSchema.shape.scores, r.scores, at('scores')),
      takenAt: r.taken_at,
      recordedByName: r.recorded_by_name,
      caregiverName: r.caregiver_name,
      familyUserId: r.family_user_id,
      cannotCope: r.cannot_cope,
      referralId: r.referral_id,
      respiteOffered: r.respite_offered,
    };
  });

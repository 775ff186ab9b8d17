import { type Insertable, sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type {
  CaregiverBurdenTable,
  CaregiverScreeningTable,
  CaregiverSkillRecordTable,
  DutyShiftTable,
} from './caregivers.table.ts';

export const insertSkillRecord = (db: Conn, row: Insertable<CaregiverSkillRecordTable>) =>
  db.insertInto('caregiver_skill_record').values(row).execute();

export const skillRecordsOf = (db: Conn, orgId: string, patientId: string) =>
  db
    .selectFrom('caregiver_skill_record as s')
    .innerJoin('app_user as u', 'u.id', 's.nurse_id')
    .selectAll('s')
    .select('u.name as nurse_name')
    .where('s.organization_id', '=', orgId)
    .where('s.patient_id', '=', patientId)
    .orderBy('s.created_at')
    .execute();

export const insertShift = (db: Conn, row: Insertable<DutyShiftTable>) =>
  db.insertInto('duty_shift').values(row).execute();

export const shiftsBetween = (db: Conn, orgId: string, patientId: string, from: string, to: string) =>
  db
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
    .execute();

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
    .values({ ...row, answers: row.answers === null ? null : JSON.stringify(row.answers) })
    .execute();

export const burdenOf = (db: Conn, orgId: string, patientId: string) =>
  db
    .selectFrom('caregiver_burden as b')
    .innerJoin('app_user as u', 'u.id', 'b.recorded_by')
    .selectAll('b')
    .select('u.name as recorded_by_name')
    .where('b.organization_id', '=', orgId)
    .where('b.patient_id', '=', patientId)
    .orderBy('b.recorded_at', 'desc')
    .limit(100)
    .execute();

export const wordingOf = (db: Conn, orgId: string, instrument: string) =>
  db
    .selectFrom('instrument_wording')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('instrument', '=', instrument)
    .execute();

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
    .values({ ...row, items: JSON.stringify(row.items) })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'instrument', 'locale']).doUpdateSet({
        items: JSON.stringify(row.items),
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
export const screeningsOf = (db: Conn, orgId: string, patientId: string) =>
  db
    .selectFrom('assessment as a')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .leftJoin('caregiver_screening as s', 's.record_id', 'a.record_id')
    .select([
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
    .execute();

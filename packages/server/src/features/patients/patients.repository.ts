import type { Insertable, Updateable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Conn } from '../../db/conn.ts';
import type {
  PatientAllergyTable,
  PatientContactTable,
  PatientDiagnosisTable,
  PatientIdentityCorrectionTable,
  PatientStatusHistoryTable,
  PatientTable,
} from './patients.table.ts';

export const findPatient = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('patient')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertPatient = (db: Conn, row: Insertable<PatientTable>) =>
  db.insertInto('patient').values(row).execute();

export const updatePatient = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<PatientTable>,
) =>
  db
    .updateTable('patient')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export interface PatientFilter {
  organizationId: string;
  /** Matched against the address and phone as typed */
  q?: string | undefined;
  /** Patients whose name the search text matched (found by the service across alphabets) */
  nameMatchIds?: readonly string[] | undefined;
  /** An ICD-10 code or its start: patients with a diagnosis under it */
  icd10Prefix?: string | undefined;
  status?: string | undefined;
  /** children are born after this date (exclusive) */
  childBornAfter?: string | undefined;
  ageGroup?: 'child' | 'adult' | undefined;
  teamMemberId?: string | undefined;
  area?: string | undefined;
  after?: { lastName: string; firstName: string; id: string } | undefined;
  limit: number;
}

export async function listPatients(db: Conn, f: PatientFilter) {
  let q = db
    .selectFrom('patient as p')
    .select([
      'p.id',
      'p.first_name',
      'p.last_name',
      'p.date_of_birth',
      'p.status',
      'p.palliative_status',
      'p.area',
      (eb) =>
        eb
          .selectFrom('patient_diagnosis as d')
          .select((d) =>
            d.fn<string>('concat', ['d.icd10', d.cast(d.val(' '), 'text'), 'd.description']).as('dx'),
          )
          .whereRef('d.patient_id', '=', 'p.id')
          .whereRef('d.organization_id', '=', 'p.organization_id')
          .orderBy('d.is_primary', 'desc')
          .orderBy('d.created_at')
          .limit(1)
          .as('primary_diagnosis'),
    ])
    .where('p.organization_id', '=', f.organizationId);
  if (f.q) {
    const escapeLike = (text: string) => text.replaceAll(/[%_\\]/g, (c) => `\\${c}`);
    const like = `%${escapeLike(f.q)}%`;
    const nameIds = f.nameMatchIds ?? [];
    const icd10 = f.icd10Prefix;
    q = q.where((eb) =>
      eb.or([
        eb('p.address', 'ilike', like),
        eb('p.phone', 'ilike', like),
        ...(nameIds.length ? [eb('p.id', 'in', nameIds)] : []),
        ...(icd10
          ? [
              eb.exists(
                eb
                  .selectFrom('patient_diagnosis as sd')
                  .select('sd.id')
                  .whereRef('sd.patient_id', '=', 'p.id')
                  .where('sd.organization_id', '=', f.organizationId)
                  .where('sd.icd10', 'like', `${escapeLike(icd10)}%`),
              ),
            ]
          : []),
      ]),
    );
  }
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.area) q = q.where('p.area', '=', f.area);
  if (f.ageGroup && f.childBornAfter)
    q = q.where('p.date_of_birth', f.ageGroup === 'child' ? '>' : '<=', f.childBornAfter);
  if (f.teamMemberId) {
    const member = f.teamMemberId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('patient_team_member as t')
          .select('t.user_id')
          .whereRef('t.patient_id', '=', 'p.id')
          .where('t.organization_id', '=', f.organizationId)
          .where('t.user_id', '=', member),
      ),
    );
  }
  if (f.after) {
    const a = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('p.last_name', '>', a.lastName),
        eb.and([eb('p.last_name', '=', a.lastName), eb('p.first_name', '>', a.firstName)]),
        eb.and([
          eb('p.last_name', '=', a.lastName),
          eb('p.first_name', '=', a.firstName),
          eb('p.id', '>', a.id),
        ]),
      ]),
    );
  }
  return q.orderBy('p.last_name').orderBy('p.first_name').orderBy('p.id').limit(f.limit).execute();
}

export const listAreas = async (db: Conn, organizationId: string) =>
  (
    await db
      .selectFrom('patient')
      .select('area')
      .distinct()
      .where('organization_id', '=', organizationId)
      .orderBy('area')
      .execute()
  ).map((r) => r.area);

export const diagnosesOf = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('patient_diagnosis')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .execute();
export const allergiesOf = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('patient_allergy')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .orderBy('created_at')
    .execute();
export const contactsOf = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('patient_contact')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .orderBy('created_at')
    .execute();
export const statusHistoryOf = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('patient_status_history as h')
    .leftJoin('app_user as u', 'u.id', 'h.by_user_id')
    .selectAll('h')
    .select('u.name as by_name')
    .where('h.organization_id', '=', organizationId)
    .where('h.patient_id', '=', patientId)
    .orderBy('h.at')
    .execute();
export const teamOf = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('patient_team_member as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.name', 'u.role'])
    .where('t.organization_id', '=', organizationId)
    .where('t.patient_id', '=', patientId)
    .orderBy('u.name')
    .execute();

/**
 * Every part of the patient record (diagnoses, allergies, contacts, team, status history, identity
 * corrections) in one statement: six small reads of one patient cost six round trips otherwise,
 * and the chart opens with them. JSON carries times as text, so they become Dates again here.
 */
export async function partsOf(db: Conn, organizationId: string, patientId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('patient_diagnosis')
          .select(['id', 'icd10', 'description', 'category', 'is_primary'])
          .where('organization_id', '=', organizationId)
          .where('patient_id', '=', patientId)
          .orderBy('is_primary', 'desc')
          .orderBy('created_at'),
      ).as('diagnoses'),
      jsonArrayFrom(
        eb
          .selectFrom('patient_allergy')
          .select(['id', 'substance', 'reaction', 'severity'])
          .where('organization_id', '=', organizationId)
          .where('patient_id', '=', patientId)
          .orderBy('created_at'),
      ).as('allergies'),
      jsonArrayFrom(
        eb
          .selectFrom('patient_contact')
          .select(['id', 'name', 'relationship', 'phone', 'lives_with_patient', 'notes'])
          .where('organization_id', '=', organizationId)
          .where('patient_id', '=', patientId)
          .orderBy('created_at'),
      ).as('contacts'),
      jsonArrayFrom(
        eb
          .selectFrom('patient_team_member as t')
          .innerJoin('app_user as u', 'u.id', 't.user_id')
          .select(['u.id', 'u.name', 'u.role'])
          .where('t.organization_id', '=', organizationId)
          .where('t.patient_id', '=', patientId)
          .orderBy('u.name'),
      ).as('team'),
      jsonArrayFrom(
        eb
          .selectFrom('patient_status_history as h')
          .leftJoin('app_user as u', 'u.id', 'h.by_user_id')
          .select([
            'h.at',
            'h.kind',
            'h.from_value',
            'h.to_value',
            'h.reason',
            'h.care_setting',
            'u.name as by_name',
          ])
          .where('h.organization_id', '=', organizationId)
          .where('h.patient_id', '=', patientId)
          .orderBy('h.at'),
      ).as('history'),
      jsonArrayFrom(
        eb
          .selectFrom('patient_identity_correction as c')
          .innerJoin('app_user as u', 'u.id', 'c.by_user_id')
          .select(['c.at', 'c.field', 'c.from_value', 'c.to_value', 'c.reason', 'u.name as by_name'])
          .where('c.organization_id', '=', organizationId)
          .where('c.patient_id', '=', patientId)
          .orderBy('c.at'),
      ).as('corrections'),
    ])
    .executeTakeFirstOrThrow();
  return {
    ...row,
    history: row.history.map((h) => ({ ...h, at: new Date(h.at) })),
    corrections: row.corrections.map((c) => ({ ...c, at: new Date(c.at) })),
  };
}

export const insertDiagnoses = (db: Conn, rows: Insertable<PatientDiagnosisTable>[]) =>
  rows.length ? db.insertInto('patient_diagnosis').values(rows).execute() : Promise.resolve([]);
export const insertAllergies = (db: Conn, rows: Insertable<PatientAllergyTable>[]) =>
  rows.length ? db.insertInto('patient_allergy').values(rows).execute() : Promise.resolve([]);
export const insertContacts = (db: Conn, rows: Insertable<PatientContactTable>[]) =>
  rows.length ? db.insertInto('patient_contact').values(rows).execute() : Promise.resolve([]);
export const insertStatusHistory = (db: Conn, row: Insertable<PatientStatusHistoryTable>) =>
  db.insertInto('patient_status_history').values(row).execute();
export const addTeamMember = (db: Conn, organizationId: string, patientId: string, userId: string) =>
  db
    .insertInto('patient_team_member')
    .values({ organization_id: organizationId, patient_id: patientId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();

export const identityCorrectionsOf = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('patient_identity_correction as c')
    .innerJoin('app_user as u', 'u.id', 'c.by_user_id')
    .selectAll('c')
    .select('u.name as by_name')
    .where('c.organization_id', '=', organizationId)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.at')
    .execute();
export const insertIdentityCorrections = (db: Conn, rows: Insertable<PatientIdentityCorrectionTable>[]) =>
  rows.length ? db.insertInto('patient_identity_correction').values(rows).execute() : Promise.resolve([]);

/** Every patient's name in the organization, for the name search across alphabets. */
export const patientNames = (db: Conn, organizationId: string) =>
  db
    .selectFrom('patient')
    .select(['id', 'first_name', 'last_name', 'middle_name'])
    .where('organization_id', '=', organizationId)
    .execute();

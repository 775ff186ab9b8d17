import type { IdentityField } from '@hearth/domain';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Conn } from '../../db/conn.ts';
import type {
  PatientAllergyTable,
  PatientContactTable,
  PatientDiagnosisTable,
  PatientStatusHistoryTable,
  PatientTable,
} from './patients.table.ts';

/**
 * The patient as stored. Status, palliative status, level of care and sex stay the text the
 * column holds: services read them against the domain's lists where they decide something.
 */
export interface PatientRecord {
  id: string;
  organizationId: string;
  firstName: string;
  lastName: string;
  middleName: string | null;
  /** `YYYY-MM-DD` */
  dateOfBirth: string;
  sex: string;
  address: string;
  area: string;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  accessNotes: string | null;
  status: string;
  palliativeStatus: string;
  palliativeReviewDate: string | null;
  careSetting: string;
  consentToShare: boolean;
  designatedFamilyUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A line of the patient list, with the primary diagnosis as `icd10 description`. */
export interface PatientListRecord {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  status: string;
  palliativeStatus: string;
  area: string;
  primaryDiagnosis: string | null;
}

export interface DiagnosisRecord {
  id: string;
  patientId: string;
  icd10: string;
  description: string;
  category: string;
  isPrimary: boolean;
  createdAt: Date;
}

export interface AllergyRecord {
  id: string;
  patientId: string;
  substance: string;
  reaction: string | null;
  severity: string;
  createdAt: Date;
}

export interface ContactRecord {
  id: string;
  patientId: string;
  name: string;
  relationship: string;
  phone: string | null;
  livesWithPatient: boolean;
  notes: string | null;
  createdAt: Date;
}

/** A change of status or palliative status, with the name of who made it (null: the system). */
export interface StatusHistoryRecord {
  id: string;
  patientId: string;
  kind: 'status' | 'palliative';
  fromValue: string | null;
  toValue: string;
  reason: string | null;
  /** Set when a level-of-care move caused the change: the setting moved to. */
  careSetting: string | null;
  byUserId: string | null;
  byName: string | null;
  at: Date;
}

/** A member of the patient's care team. */
export interface TeamMemberRecord {
  id: string;
  name: string;
  role: string;
}

/** One corrected identity field, with the name of who corrected it. */
export interface IdentityCorrectionRecord {
  id: string;
  patientId: string;
  field: IdentityField;
  fromValue: string | null;
  toValue: string | null;
  reason: string;
  byUserId: string;
  byName: string;
  at: Date;
}

/** Every part of the record the chart shows beside the patient row (see `partsOf`). */
export interface PatientParts {
  diagnoses: Pick<DiagnosisRecord, 'id' | 'icd10' | 'description' | 'category' | 'isPrimary'>[];
  allergies: Pick<AllergyRecord, 'id' | 'substance' | 'reaction' | 'severity'>[];
  contacts: Pick<ContactRecord, 'id' | 'name' | 'relationship' | 'phone' | 'livesWithPatient' | 'notes'>[];
  team: TeamMemberRecord[];
  history: Pick<
    StatusHistoryRecord,
    'at' | 'kind' | 'fromValue' | 'toValue' | 'reason' | 'careSetting' | 'byName'
  >[];
  corrections: Pick<
    IdentityCorrectionRecord,
    'at' | 'field' | 'fromValue' | 'toValue' | 'reason' | 'byName'
  >[];
}

const toPatient = (r: Selectable<PatientTable>): PatientRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  firstName: r.first_name,
  lastName: r.last_name,
  middleName: r.middle_name,
  dateOfBirth: r.date_of_birth,
  sex: r.sex,
  address: r.address,
  area: r.area,
  lat: r.lat,
  lon: r.lon,
  phone: r.phone,
  accessNotes: r.access_notes,
  status: r.status,
  palliativeStatus: r.palliative_status,
  palliativeReviewDate: r.palliative_review_date,
  careSetting: r.care_setting,
  consentToShare: r.consent_to_share,
  designatedFamilyUserId: r.designated_family_user_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toDiagnosis = (
  d: Pick<Selectable<PatientDiagnosisTable>, 'id' | 'icd10' | 'description' | 'category' | 'is_primary'>,
) => ({
  id: d.id,
  icd10: d.icd10,
  description: d.description,
  category: d.category,
  isPrimary: d.is_primary,
});

const toAllergy = (
  a: Pick<Selectable<PatientAllergyTable>, 'id' | 'substance' | 'reaction' | 'severity'>,
) => ({
  id: a.id,
  substance: a.substance,
  reaction: a.reaction,
  severity: a.severity,
});

const toContact = (
  c: Pick<
    Selectable<PatientContactTable>,
    'id' | 'name' | 'relationship' | 'phone' | 'lives_with_patient' | 'notes'
  >,
) => ({
  id: c.id,
  name: c.name,
  relationship: c.relationship,
  phone: c.phone,
  livesWithPatient: c.lives_with_patient,
  notes: c.notes,
});

export const findPatient = async (
  db: Conn,
  organizationId: string,
  id: string,
): Promise<PatientRecord | undefined> => {
  const row = await db
    .selectFrom('patient')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toPatient(row);
};

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

export async function listPatients(db: Conn, f: PatientFilter): Promise<PatientListRecord[]> {
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
  const rows = await q
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('p.id')
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    status: r.status,
    palliativeStatus: r.palliative_status,
    area: r.area,
    primaryDiagnosis: r.primary_diagnosis,
  }));
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

export const diagnosesOf = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<DiagnosisRecord[]> =>
  (
    await db
      .selectFrom('patient_diagnosis')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('is_primary', 'desc')
      .orderBy('created_at')
      .execute()
  ).map((d) => ({ ...toDiagnosis(d), patientId: d.patient_id, createdAt: d.created_at }));
export const allergiesOf = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<AllergyRecord[]> =>
  (
    await db
      .selectFrom('patient_allergy')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('created_at')
      .execute()
  ).map((a) => ({ ...toAllergy(a), patientId: a.patient_id, createdAt: a.created_at }));
export const contactsOf = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<ContactRecord[]> =>
  (
    await db
      .selectFrom('patient_contact')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('created_at')
      .execute()
  ).map((c) => ({ ...toContact(c), patientId: c.patient_id, createdAt: c.created_at }));
export const statusHistoryOf = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<StatusHistoryRecord[]> =>
  (
    await db
      .selectFrom('patient_status_history as h')
      .leftJoin('app_user as u', 'u.id', 'h.by_user_id')
      .selectAll('h')
      .select('u.name as by_name')
      .where('h.organization_id', '=', organizationId)
      .where('h.patient_id', '=', patientId)
      .orderBy('h.at')
      .execute()
  ).map((h) => ({
    id: h.id,
    patientId: h.patient_id,
    kind: h.kind,
    fromValue: h.from_value,
    toValue: h.to_value,
    reason: h.reason,
    careSetting: h.care_setting,
    byUserId: h.by_user_id,
    byName: h.by_name,
    at: h.at,
  }));
export const teamOf = (db: Conn, organizationId: string, patientId: string): Promise<TeamMemberRecord[]> =>
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
export async function partsOf(db: Conn, organizationId: string, patientId: string): Promise<PatientParts> {
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
    diagnoses: row.diagnoses.map(toDiagnosis),
    allergies: row.allergies.map(toAllergy),
    contacts: row.contacts.map(toContact),
    team: row.team,
    history: row.history.map((h) => ({
      at: new Date(h.at),
      kind: h.kind,
      fromValue: h.from_value,
      toValue: h.to_value,
      reason: h.reason,
      careSetting: h.care_setting,
      byName: h.by_name,
    })),
    corrections: row.corrections.map((c) => ({
      at: new Date(c.at),
      field: c.field,
      fromValue: c.from_value,
      toValue: c.to_value,
      reason: c.reason,
      byName: c.by_name,
    })),
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

export const identityCorrectionsOf = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<IdentityCorrectionRecord[]> =>
  (
    await db
      .selectFrom('patient_identity_correction as c')
      .innerJoin('app_user as u', 'u.id', 'c.by_user_id')
      .selectAll('c')
      .select('u.name as by_name')
      .where('c.organization_id', '=', organizationId)
      .where('c.patient_id', '=', patientId)
      .orderBy('c.at')
      .execute()
  ).map((c) => ({
    id: c.id,
    patientId: c.patient_id,
    field: c.field,
    fromValue: c.from_value,
    toValue: c.to_value,
    reason: c.reason,
    byUserId: c.by_user_id,
    byName: c.by_name,
    at: c.at,
  }));
export const insertIdentityCorrections = (
  db: Conn,
  organizationId: string,
  corrections: Omit<IdentityCorrectionRecord, 'byName'>[],
) =>
  corrections.length
    ? db
        .insertInto('patient_identity_correction')
        .values(
          corrections.map((c) => ({
            id: c.id,
            organization_id: organizationId,
            patient_id: c.patientId,
            field: c.field,
            from_value: c.fromValue,
            to_value: c.toValue,
            reason: c.reason,
            by_user_id: c.byUserId,
            at: c.at,
          })),
        )
        .execute()
    : Promise.resolve([]);

/** Every patient's name in the organization, for the name search across alphabets. */
export const patientNames = async (db: Conn, organizationId: string) =>
  (
    await db
      .selectFrom('patient')
      .select(['id', 'first_name', 'last_name', 'middle_name'])
      .where('organization_id', '=', organizationId)
      .execute()
  ).map((n) => ({ id: n.id, firstName: n.first_name, lastName: n.last_name, middleName: n.middle_name }));

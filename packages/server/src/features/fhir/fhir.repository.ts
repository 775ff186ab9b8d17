import { type FhirResourceType, fhirExportTypesSchema } from '@hearth/domain';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { AppUserTable } from '../auth/auth.table.ts';
import type { FhirExportFileTable, FhirExportStatus, FhirExportTable } from './fhir.table.ts';

/** A user as the FHIR resources name them (Practitioner, PractitionerRole, RelatedPerson). */
export type UserRecord = Pick<
  Selectable<AppUserTable>,
  'id' | 'name' | 'role' | 'status' | 'email' | 'phone'
>;

/**
 * One bulk export and how far it has got. Its resource types are read on their own
 * (`typesOfExport`) by the batch that needs them, so a damaged list fails that batch while status,
 * cancel and the final failure mark still read the export.
 */
export interface FhirExportRecord {
  id: string;
  status: FhirExportStatus;
  requestedBy: string;
  since: Date | null;
  requestUrl: string;
  patientTotal: number;
  patientsDone: number;
  lastPatientId: string | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

/** The lines written for one resource type, for the completion manifest. */
export interface ExportFileSummaryRecord {
  resourceType: string;
  lines: number;
}

const exportColumns = [
  'id',
  'status',
  'requested_by',
  'since',
  'request_url',
  'patient_total',
  'patients_done',
  'last_patient_id',
  'error',
  'created_at',
  'updated_at',
  'completed_at',
] as const;

const toExport = (r: Omit<Selectable<FhirExportTable>, 'organization_id' | 'types'>): FhirExportRecord => ({
  id: r.id,
  status: r.status,
  requestedBy: r.requested_by,
  since: r.since,
  requestUrl: r.request_url,
  patientTotal: r.patient_total,
  patientsDone: r.patients_done,
  lastPatientId: r.last_patient_id,
  error: r.error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  completedAt: r.completed_at,
});

/** Staff (and family users) referenced by a patient's resources: Practitioner or RelatedPerson. */
export const usersByIds = (
  db: Conn,
  organizationId: string,
  ids: readonly string[],
): Promise<UserRecord[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('app_user')
        .select(['id', 'name', 'role', 'status', 'email', 'phone'])
        .where('organization_id', '=', organizationId)
        .where('id', 'in', [...ids])
        .execute();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The patient a resource belongs to, from its FHIR id (Hearth's row id; a Goal's id is its care
 * plan version's id plus the item's number). Null when nothing of that type has the id.
 */
export async function patientOfResource(
  db: Conn,
  orgId: string,
  type: FhirResourceType,
  id: string,
): Promise<string | null> {
  const rowId = type === 'Goal' ? id.replace(/-g\d+$/, '') : id;
  if (!uuid.test(rowId)) return null;
  const from = (table: PatientScopedTable, column: 'id' | 'record_id' = 'id') =>
    db
      .selectFrom(table)
      .select('patient_id')
      .where('organization_id', '=', orgId)
      .where(column, '=', rowId)
      .executeTakeFirst()
      .then((r) => r?.patient_id ?? null);
  switch (type) {
    case 'Patient':
    case 'EpisodeOfCare':
      return db
        .selectFrom('patient')
        .select('id')
        .where('organization_id', '=', orgId)
        .where('id', '=', rowId)
        .executeTakeFirst()
        .then((r) => r?.id ?? null);
    case 'RelatedPerson':
      return (
        (await from('patient_contact')) ??
        (await db
          .selectFrom('family_link')
          .select('patient_id')
          .where('organization_id', '=', orgId)
          .where('user_id', '=', rowId)
          .where('removed_at', 'is', null)
          .executeTakeFirst()
          .then((r) => r?.patient_id ?? null))
      );
    case 'Condition':
      return from('patient_diagnosis');
    case 'AllergyIntolerance':
      return from('patient_allergy');
    case 'Observation':
      return from('assessment', 'record_id');
    case 'MedicationRequest':
      return from('prescription');
    case 'MedicationAdministration':
      return from('medicine_administration');
    case 'CarePlan':
    case 'Goal':
      return from('care_plan_version');
    case 'Encounter':
      return from('visit');
    case 'Consent':
      return from('advance_care_plan');
    case 'DocumentReference':
      return from('visit_note');
    case 'Practitioner':
    case 'PractitionerRole':
    case 'Organization':
      return null;
  }
}
type PatientScopedTable =
  | 'patient_contact'
  | 'patient_diagnosis'
  | 'patient_allergy'
  | 'assessment'
  | 'prescription'
  | 'medicine_administration'
  | 'care_plan_version'
  | 'visit'
  | 'advance_care_plan'
  | 'visit_note';

/** The next patients of the organization in id order (the bulk export walks them in batches). */
export const patientIdsAfter = (db: Conn, orgId: string, after: string | null, limit: number) => {
  let q = db.selectFrom('patient').select('id').where('organization_id', '=', orgId);
  if (after) q = q.where('id', '>', after);
  return q
    .orderBy('id')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => r.id));
};

export const countPatients = (db: Conn, orgId: string) =>
  db
    .selectFrom('patient')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organization_id', '=', orgId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

/** Staff of the organization (Practitioner and PractitionerRole read by id). */
export const findUser = (db: Conn, orgId: string, id: string): Promise<UserRecord | undefined> =>
  uuid.test(id)
    ? db
        .selectFrom('app_user')
        .select(['id', 'name', 'role', 'status', 'email', 'phone'])
        .where('organization_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
    : Promise.resolve(undefined);

/** Staff (not family or volunteers) of the organization, for the bulk export. */
export const staffOf = (db: Conn, orgId: string): Promise<UserRecord[]> =>
  db
    .selectFrom('app_user')
    .select(['id', 'name', 'role', 'status', 'email', 'phone'])
    .where('organization_id', '=', orgId)
    .where('role', 'not in', ['family', 'volunteer'])
    .orderBy('id')
    .limit(10_000)
    .execute();

export const insertExport = (db: Conn, orgId: string, e: FhirExportRecord & { types: FhirResourceType[] }) =>
  db
    .insertInto('fhir_export')
    .values({
      id: e.id,
      organization_id: orgId,
      status: e.status,
      requested_by: e.requestedBy,
      types: storedJson(e.types),
      since: e.since,
      request_url: e.requestUrl,
      patient_total: e.patientTotal,
      patients_done: e.patientsDone,
      last_patient_id: e.lastPatientId,
      error: e.error,
      created_at: e.createdAt,
      updated_at: e.updatedAt,
      completed_at: e.completedAt,
    })
    .execute();

export const findExport = async (db: Conn, orgId: string, id: string) => {
  if (!uuid.test(id)) return undefined;
  const row = await db
    .selectFrom('fhir_export')
    .select(exportColumns)
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toExport(row);
};

/** The resource types an export was asked for. */
export const typesOfExport = async (db: Conn, orgId: string, id: string): Promise<FhirResourceType[]> => {
  const row = await db
    .selectFrom('fhir_export')
    .select('types')
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return parseStored(fhirExportTypesSchema, row.types, { table: 'fhir_export', column: 'types', id });
};

export const lockExport = async (db: Conn, orgId: string, id: string) => {
  const row = await db
    .selectFrom('fhir_export')
    .select(exportColumns)
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toExport(row);
};

export const updateExport = (db: Conn, orgId: string, id: string, patch: Updateable<FhirExportTable>) =>
  db
    .updateTable('fhir_export')
    .set(patch)
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();

export const insertExportFiles = (db: Conn, rows: Insertable<FhirExportFileTable>[]) =>
  rows.length ? db.insertInto('fhir_export_file').values(rows).execute() : Promise.resolve([]);

export const deleteExportFiles = (db: Conn, orgId: string, exportId: string) =>
  db
    .deleteFrom('fhir_export_file')
    .where('organization_id', '=', orgId)
    .where('export_id', '=', exportId)
    .execute();

/** Per resource type: how many lines, for the completion manifest. */
export const exportFileSummary = async (
  db: Conn,
  orgId: string,
  exportId: string,
): Promise<ExportFileSummaryRecord[]> =>
  (
    await db
      .selectFrom('fhir_export_file')
      .select(['resource_type', (eb) => eb.fn.sum<string>('line_count').as('lines')])
      .where('organization_id', '=', orgId)
      .where('export_id', '=', exportId)
      .groupBy('resource_type')
      .orderBy('resource_type')
      .execute()
  ).map((f) => ({ resourceType: f.resource_type, lines: Number(f.lines) }));

export const exportFileParts = (db: Conn, orgId: string, exportId: string, type: string) =>
  db
    .selectFrom('fhir_export_file')
    .select(['part', 'content'])
    .where('organization_id', '=', orgId)
    .where('export_id', '=', exportId)
    .where('resource_type', '=', type)
    .orderBy('part')
    .execute();

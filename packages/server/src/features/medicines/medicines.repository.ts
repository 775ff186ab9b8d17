import {
  anticipatoryPurposeSchema,
  doseUnitSchema,
  medicineClassSchema,
  medicineFormSchema,
  medicineRouteSchema,
  refusalReasonSchema,
  timesOfDaySchema,
} from '@hearth/domain';
import type { Insertable, Selectable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type {
  AdministrationRecord,
  AnticipatoryBoxRecord,
  ChartedAdministrationRecord,
  ControlledEntryRecord,
  ControlledStockRecord,
  DoseTimeRecord,
  GivenDoseRecord,
  PrescriptionHeadRecord,
  PrescriptionRecord,
  PrescriptionVersionInput,
  WeightRecord,
} from './medicines.records.ts';
import type {
  ControlledEntryTable,
  ControlledStockTable,
  MedicineAdministrationTable,
  PrescriptionTable,
  PrescriptionVersionTable,
} from './medicines.table.ts';

export type * from './medicines.records.ts';

const toHead = (r: Selectable<PrescriptionTable>): PrescriptionHeadRecord => ({
  id: r.id,
  patientId: r.patient_id,
  currentVersion: r.current_version,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

type PrescriptionRow = Selectable<PrescriptionVersionTable> & {
  id: string;
  patient_id: string;
  prescription_created_at: Date;
  prescribed_by_name: string;
};

const toPrescriptionRecord = (r: PrescriptionRow): PrescriptionRecord => {
  const at = (column: string) => ({ table: 'prescription_version', column, id: `${r.id} v${r.version}` });
  return {
    id: r.id,
    patientId: r.patient_id,
    version: r.version,
    medicineId: r.medicine_id,
    name: r.name,
    form: parseStored(medicineFormSchema.nullable(), r.form, at('form')),
    strength: r.strength,
    route: parseStored(medicineRouteSchema, r.route, at('route')),
    doseAmount: Number(r.dose_amount),
    doseUnit: parseStored(doseUnitSchema, r.dose_unit, at('dose_unit')),
    kind: r.kind,
    timesOfDay: parseStored(timesOfDaySchema, r.times_of_day, at('times_of_day')),
    minIntervalMinutes: r.min_interval_minutes,
    maxDosesPer24h: r.max_doses_per_24h,
    indication: r.indication,
    instructions: r.instructions,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    anticipatoryPurpose: parseStored(
      anticipatoryPurposeSchema.nullable(),
      r.anticipatory_purpose,
      at('anticipatory_purpose'),
    ),
    controlled: r.controlled,
    declaredClass: parseStored(medicineClassSchema.nullable(), r.declared_class, at('declared_class')),
    overrideReason: r.override_reason,
    changeIntervalHours: r.change_interval_hours,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
    prescriptionCreatedAt: r.prescription_created_at,
    prescribedByName: r.prescribed_by_name,
  };
};

const toAdministration = (r: Selectable<MedicineAdministrationTable>): AdministrationRecord => {
  const at = (column: string) => ({ table: 'medicine_administration', column, id: r.id });
  return {
    id: r.id,
    patientId: r.patient_id,
    prescriptionId: r.prescription_id,
    prescriptionVersion: r.prescription_version,
    status: r.status,
    givenAt: r.given_at,
    slot: r.slot,
    doseAmount: Number(r.dose_amount),
    doseUnit: parseStored(doseUnitSchema, r.dose_unit, at('dose_unit')),
    note: r.note,
    refusalReason: parseStored(refusalReasonSchema.nullable(), r.refusal_reason, at('refusal_reason')),
    refusalMessage: r.refusal_message,
    nextAllowedAt: r.next_allowed_at,
    recordedBy: r.recorded_by,
    recordedByRole: r.recorded_by_role,
    recordedAt: r.recorded_at,
    verbalOrderPhysicianId: r.verbal_order_physician_id,
    verbalOrderAt: r.verbal_order_at,
    countersignedBy: r.countersigned_by,
    countersignedAt: r.countersigned_at,
  };
};

const toChartedAdministration = (
  r: Selectable<MedicineAdministrationTable> & {
    medicine_id: string | null;
    medicine_name: string;
    medicine_form: string | null;
    medicine_strength: string | null;
    recorded_by_name: string;
    countersigned_by_name: string | null;
  },
): ChartedAdministrationRecord => ({
  ...toAdministration(r),
  medicineId: r.medicine_id,
  medicineName: r.medicine_name,
  medicineForm: parseStored(medicineFormSchema.nullable(), r.medicine_form, {
    table: 'prescription_version',
    column: 'form',
    id: `${r.prescription_id} v${r.prescription_version}`,
  }),
  medicineStrength: r.medicine_strength,
  recordedByName: r.recorded_by_name,
  countersignedByName: r.countersigned_by_name,
});

const numberOrNull = (n: number | null) => (n === null ? null : Number(n));

const toStock = (r: Selectable<ControlledStockTable>): ControlledStockRecord => ({
  id: r.id,
  patientId: r.patient_id,
  name: r.name,
  unit: r.unit,
  prescriptionId: r.prescription_id,
  balance: Number(r.balance),
  dosePerUnit: numberOrNull(r.dose_per_unit),
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export const insertPrescription = (db: Conn, organizationId: string, p: PrescriptionHeadRecord) =>
  db
    .insertInto('prescription')
    .values({
      id: p.id,
      organization_id: organizationId,
      patient_id: p.patientId,
      current_version: p.currentVersion,
      created_by: p.createdBy,
      created_at: p.createdAt,
    })
    .execute();

export const insertVersion = (
  db: Conn,
  organizationId: string,
  prescriptionId: string,
  v: PrescriptionVersionInput,
) =>
  db
    .insertInto('prescription_version')
    .values({
      organization_id: organizationId,
      prescription_id: prescriptionId,
      version: v.version,
      medicine_id: v.medicineId,
      name: v.name,
      form: v.form,
      strength: v.strength,
      route: v.route,
      dose_amount: v.doseAmount,
      dose_unit: v.doseUnit,
      kind: v.kind,
      times_of_day: storedJson(v.timesOfDay),
      min_interval_minutes: v.minIntervalMinutes,
      max_doses_per_24h: v.maxDosesPer24h,
      indication: v.indication,
      instructions: v.instructions,
      starts_at: v.startsAt,
      ends_at: v.endsAt,
      anticipatory_purpose: v.anticipatoryPurpose,
      controlled: v.controlled,
      declared_class: v.declaredClass,
      override_reason: v.overrideReason,
      change_interval_hours: v.changeIntervalHours,
      reason: v.reason,
      created_by: v.createdBy,
      created_at: v.createdAt,
    })
    .execute();

export const setCurrentVersion = (db: Conn, organizationId: string, id: string, version: number) =>
  db
    .updateTable('prescription')
    .set({ current_version: version })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

/** Locks the prescription row: every dose record and change of this prescription queues here. */
export const lockPrescription = async (db: Conn, organizationId: string, patientId: string, id: string) => {
  const row = await db
    .selectFrom('prescription')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toHead(row);
};

const currentColumns = (db: Conn, organizationId: string) =>
  db
    .selectFrom('prescription as p')
    .innerJoin('prescription_version as v', (j) =>
      j
        .onRef('v.prescription_id', '=', 'p.id')
        .onRef('v.version', '=', 'p.current_version')
        .onRef('v.organization_id', '=', 'p.organization_id'),
    )
    .innerJoin('app_user as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select([
      'p.id',
      'p.patient_id',
      'p.created_at as prescription_created_at',
      'u.name as prescribed_by_name',
    ])
    .where('p.organization_id', '=', organizationId);

/** The patient's prescriptions as their current versions state them, oldest first. */
export const listCurrent = async (db: Conn, organizationId: string, patientId: string) =>
  (
    await currentColumns(db, organizationId)
      .where('p.patient_id', '=', patientId)
      .orderBy('p.created_at')
      .orderBy('p.id')
      .execute()
  ).map(toPrescriptionRecord);

export const findCurrent = async (db: Conn, organizationId: string, patientId: string, id: string) => {
  const row = await currentColumns(db, organizationId)
    .where('p.patient_id', '=', patientId)
    .where('p.id', '=', id)
    .executeTakeFirst();
  return row && toPrescriptionRecord(row);
};

/** Every version of a prescription with who wrote it: the base of the history and of late entries. */
const versionColumns = (db: Conn, organizationId: string) =>
  db
    .selectFrom('prescription_version as v')
    .innerJoin('prescription as p', 'p.id', 'v.prescription_id')
    .innerJoin('app_user as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select([
      'p.id',
      'p.patient_id',
      'p.created_at as prescription_created_at',
      'u.name as prescribed_by_name',
    ])
    .where('v.organization_id', '=', organizationId);

export const versionsOf = async (db: Conn, organizationId: string, prescriptionId: string) =>
  (
    await versionColumns(db, organizationId)
      .where('v.prescription_id', '=', prescriptionId)
      .orderBy('v.version')
      .execute()
  ).map(toPrescriptionRecord);

export const insertAdministration = (db: Conn, organizationId: string, a: AdministrationRecord) =>
  db
    .insertInto('medicine_administration')
    .values({
      id: a.id,
      organization_id: organizationId,
      patient_id: a.patientId,
      prescription_id: a.prescriptionId,
      prescription_version: a.prescriptionVersion,
      status: a.status,
      given_at: a.givenAt,
      slot: a.slot,
      dose_amount: a.doseAmount,
      dose_unit: a.doseUnit,
      note: a.note,
      refusal_reason: a.refusalReason,
      refusal_message: a.refusalMessage,
      next_allowed_at: a.nextAllowedAt,
      recorded_by: a.recordedBy,
      recorded_by_role: a.recordedByRole,
      recorded_at: a.recordedAt,
      verbal_order_physician_id: a.verbalOrderPhysicianId,
      verbal_order_at: a.verbalOrderAt,
      countersigned_by: a.countersignedBy,
      countersigned_at: a.countersignedAt,
    })
    .execute();

/** Doses recorded as given for one prescription (every version) since a time. */
export const givenDoses = async (
  db: Conn,
  organizationId: string,
  prescriptionId: string,
  since: Date,
): Promise<Pick<DoseTimeRecord, 'givenAt' | 'slot'>[]> =>
  (
    await db
      .selectFrom('medicine_administration')
      .select(['given_at', 'slot'])
      .where('organization_id', '=', organizationId)
      .where('prescription_id', '=', prescriptionId)
      .where('status', '=', 'given')
      .where('given_at', '>=', since)
      .orderBy('given_at')
      .execute()
  ).map((r) => ({ givenAt: r.given_at, slot: r.slot }));

/** Doses given of any of the listed prescriptions in a time range. */
export const givenOfPrescriptions = async (
  db: Conn,
  organizationId: string,
  ids: string[],
  from: Date,
  to: Date,
): Promise<DoseTimeRecord[]> =>
  ids.length === 0
    ? []
    : (
        await db
          .selectFrom('medicine_administration')
          .select(['prescription_id', 'given_at', 'slot', 'status'])
          .where('organization_id', '=', organizationId)
          .where('prescription_id', 'in', ids)
          .where('status', 'in', ['given', 'not_taken'])
          .where('given_at', '>=', from)
          .where('given_at', '<', to)
          .orderBy('given_at')
          .execute()
      ).map((r) => ({
        prescriptionId: r.prescription_id,
        givenAt: r.given_at,
        slot: r.slot,
        status: r.status,
      }));

const administrationColumns = (db: Conn, organizationId: string) =>
  db
    .selectFrom('medicine_administration as a')
    .innerJoin('prescription_version as v', (j) =>
      j
        .onRef('v.prescription_id', '=', 'a.prescription_id')
        .onRef('v.version', '=', 'a.prescription_version')
        .onRef('v.organization_id', '=', 'a.organization_id'),
    )
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .leftJoin('app_user as c', 'c.id', 'a.countersigned_by')
    .selectAll('a')
    .select([
      'v.name as medicine_name',
      'v.medicine_id',
      'v.form as medicine_form',
      'v.strength as medicine_strength',
      'u.name as recorded_by_name',
      'c.name as countersigned_by_name',
    ])
    .where('a.organization_id', '=', organizationId);

/** The patient's dose records in a period, newest first. */
export const listAdministrations = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  from: Date,
  to: Date,
) =>
  (
    await administrationColumns(db, organizationId)
      .where('a.patient_id', '=', patientId)
      .where('a.given_at', '>=', from)
      .where('a.given_at', '<', to)
      .orderBy('a.given_at', 'desc')
      .orderBy('a.recorded_at', 'desc')
      .limit(1000)
      .execute()
  ).map(toChartedAdministration);

export const findAdministration = async (db: Conn, organizationId: string, patientId: string, id: string) => {
  const row = await administrationColumns(db, organizationId)
    .where('a.patient_id', '=', patientId)
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row && toChartedAdministration(row);
};

export const lockAdministration = async (db: Conn, organizationId: string, patientId: string, id: string) => {
  const row = await db
    .selectFrom('medicine_administration')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toAdministration(row);
};

export const updateAdministration = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Pick<AdministrationRecord, 'countersignedBy' | 'countersignedAt'>,
) =>
  db
    .updateTable('medicine_administration')
    .set({ countersigned_by: patch.countersignedBy, countersigned_at: patch.countersignedAt })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

/** As-needed opioid doses given to a patient since a time (rescue doses, §3.5). */
export const rescueDosesSince = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  prescriptionIds: string[],
  since: Date,
) =>
  prescriptionIds.length === 0
    ? 0
    : Number(
        (
          await db
            .selectFrom('medicine_administration')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('organization_id', '=', organizationId)
            .where('patient_id', '=', patientId)
            .where('prescription_id', 'in', prescriptionIds)
            .where('status', '=', 'given')
            .where('given_at', '>', since)
            .executeTakeFirstOrThrow()
        ).n,
      );

export const allergySubstances = async (db: Conn, organizationId: string, patientId: string) =>
  (
    await db
      .selectFrom('patient_allergy')
      .select('substance')
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .execute()
  ).map((r) => r.substance);

/** Physicians to tell about a patient: the patient's team physicians, else every active physician. */
export async function physiciansFor(db: Conn, organizationId: string, patientId: string): Promise<string[]> {
  const team = await db
    .selectFrom('patient_team_member as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select('u.id')
    .where('t.organization_id', '=', organizationId)
    .where('t.patient_id', '=', patientId)
    .where('u.role', '=', 'physician')
    .where('u.status', '=', 'active')
    .execute();
  if (team.length) return team.map((u) => u.id);
  return (
    await db
      .selectFrom('app_user')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('role', '=', 'physician')
      .where('status', '=', 'active')
      .execute()
  ).map((u) => u.id);
}

export const teamClinicians = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('patient_team_member as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select('u.id')
    .where('t.organization_id', '=', organizationId)
    .where('t.patient_id', '=', patientId)
    .where('u.role', 'in', ['physician', 'nurse'])
    .where('u.status', '=', 'active')
    .execute();

export const findActiveStaff = (db: Conn, organizationId: string, userId: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'name', 'role'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();

export const findBox = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<AnticipatoryBoxRecord | undefined> => {
  const r = await db
    .selectFrom('anticipatory_box as b')
    .innerJoin('app_user as u', 'u.id', 'b.updated_by')
    .selectAll('b')
    .select('u.name as updated_by_name')
    .where('b.organization_id', '=', organizationId)
    .where('b.patient_id', '=', patientId)
    .executeTakeFirst();
  return (
    r && {
      patientId: r.patient_id,
      location: r.location,
      expiresOn: r.expires_on,
      notes: r.notes,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
      updatedByName: r.updated_by_name,
    }
  );
};

export const upsertBox = (
  db: Conn,
  row: {
    organization_id: string;
    patient_id: string;
    location: string;
    expires_on: string;
    notes: string | null;
    updated_by: string;
    updated_at: Date;
  },
) =>
  db
    .insertInto('anticipatory_box')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organization_id', 'patient_id']).doUpdateSet({
        location: row.location,
        expires_on: row.expires_on,
        notes: row.notes,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();

export const insertStock = (db: Conn, row: Insertable<ControlledStockTable>) =>
  db.insertInto('controlled_stock').values(row).execute();

export const lockStock = async (db: Conn, organizationId: string, patientId: string, id: string) => {
  const row = await db
    .selectFrom('controlled_stock')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toStock(row);
};

export const setStockBalance = (db: Conn, organizationId: string, id: string, balance: number) =>
  db
    .updateTable('controlled_stock')
    .set({ balance })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const insertEntry = (db: Conn, row: Insertable<ControlledEntryTable>) =>
  db.insertInto('controlled_entry').values(row).execute();

export const stocksOf = async (db: Conn, organizationId: string, patientId: string) =>
  (
    await db
      .selectFrom('controlled_stock')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('created_at')
      .execute()
  ).map(toStock);

/** The register lines of the listed stocks, oldest first. */
export const entriesOf = async (
  db: Conn,
  organizationId: string,
  stockIds: string[],
): Promise<ControlledEntryRecord[]> =>
  stockIds.length === 0
    ? []
    : (
        await db
          .selectFrom('controlled_entry as e')
          .innerJoin('app_user as u', 'u.id', 'e.recorded_by')
          .leftJoin('app_user as w', 'w.id', 'e.witness_user_id')
          .selectAll('e')
          .select(['u.name as recorded_by_name', 'w.name as witness_name'])
          .where('e.organization_id', '=', organizationId)
          .where('e.stock_id', 'in', stockIds)
          .orderBy('e.at')
          .execute()
      ).map((r) => ({
        id: r.id,
        stockId: r.stock_id,
        patientId: r.patient_id,
        kind: r.kind,
        quantity: Number(r.quantity),
        balanceAfter: Number(r.balance_after),
        expected: numberOrNull(r.expected),
        discrepancy: numberOrNull(r.discrepancy),
        note: r.note,
        method: r.method,
        administrationId: r.administration_id,
        recordedBy: r.recorded_by,
        witnessUserId: r.witness_user_id,
        at: r.at,
        recordedByName: r.recorded_by_name,
        witnessName: r.witness_name,
      }));

/**
 * Marks a scheduled slot as looked at by the reminder job; false when it already was (the job
 * ran again after a crash, or a second chain reached the same slot), so no reminder is repeated.
 */
export const claimReminderSlot = async (
  db: Conn,
  organizationId: string,
  r: { prescriptionId: string; slot: Date; notified: boolean; handledAt: Date },
) =>
  (
    await db
      .insertInto('medicine_dose_reminder')
      .values({
        organization_id: organizationId,
        prescription_id: r.prescriptionId,
        slot: r.slot,
        notified: r.notified,
        handled_at: r.handledAt,
      })
      .onConflict((oc) => oc.columns(['organization_id', 'prescription_id', 'slot']).doNothing())
      .returning('slot')
      .execute()
  ).length > 0;

/** Whether a scheduled slot already has a record (given, or not taken). */
export const slotRecorded = async (db: Conn, organizationId: string, prescriptionId: string, slot: Date) =>
  !!(await db
    .selectFrom('medicine_administration')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('prescription_id', '=', prescriptionId)
    .where('slot', '=', slot)
    .where('status', 'in', ['given', 'not_taken'])
    .executeTakeFirst());

/** The patient's active family members with their language, for reminders. */
export const familyRecipients = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('family_link as f')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .select(['u.id', 'u.locale'])
    .where('f.organization_id', '=', organizationId)
    .where('f.patient_id', '=', patientId)
    .where('f.removed_at', 'is', null)
    .where('u.status', '=', 'active')
    .execute();

/** Stock of the register kept for one prescription, oldest first, locked for a draw-down. */
export const lockStocksOfPrescription = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  prescriptionId: string,
) =>
  (
    await db
      .selectFrom('controlled_stock')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .where('prescription_id', '=', prescriptionId)
      .orderBy('created_at')
      .orderBy('id')
      .forUpdate()
      .execute()
  ).map(toStock);

/**
 * Locks every prescription of the patient (in id order, so two callers never deadlock): the dose
 * guard counts by ingredient across prescriptions, so a dose on one morphine prescription and a
 * dose on another must queue behind each other.
 */
export const lockPatientPrescriptions = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('prescription')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .orderBy('id')
    .forUpdate()
    .execute();

/** The version of a prescription in force at a time: the latest one written at or before it. */
export const versionAt = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  prescriptionId: string,
  at: Date,
) => {
  const row = await versionColumns(db, organizationId)
    .where('p.patient_id', '=', patientId)
    .where('v.prescription_id', '=', prescriptionId)
    .where('v.created_at', '<=', at)
    .orderBy('v.version', 'desc')
    .executeTakeFirst();
  return row && toPrescriptionRecord(row);
};

/** Doses given to a patient in a period, each with the limits of the version it was given under. */
export const givenWithVersions = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  from: Date,
  to: Date,
): Promise<GivenDoseRecord[]> =>
  (
    await db
      .selectFrom('medicine_administration as a')
      .innerJoin('prescription_version as v', (j) =>
        j
          .onRef('v.prescription_id', '=', 'a.prescription_id')
          .onRef('v.version', '=', 'a.prescription_version')
          .onRef('v.organization_id', '=', 'a.organization_id'),
      )
      .select([
        'a.prescription_id',
        'a.prescription_version',
        'a.given_at',
        'a.slot',
        'a.dose_amount',
        'a.dose_unit',
        'v.medicine_id',
        'v.name',
        'v.kind',
        'v.min_interval_minutes',
        'v.max_doses_per_24h',
        'v.declared_class',
      ])
      .where('a.organization_id', '=', organizationId)
      .where('a.patient_id', '=', patientId)
      .where('a.status', '=', 'given')
      .where('a.given_at', '>=', from)
      .where('a.given_at', '<', to)
      .orderBy('a.given_at')
      .execute()
  ).map((r) => ({
    prescriptionId: r.prescription_id,
    prescriptionVersion: r.prescription_version,
    givenAt: r.given_at,
    slot: r.slot,
    doseAmount: Number(r.dose_amount),
    doseUnit: r.dose_unit,
    medicineId: r.medicine_id,
    name: r.name,
    kind: r.kind,
    minIntervalMinutes: r.min_interval_minutes,
    maxDosesPer24h: r.max_doses_per_24h,
    declaredClass: parseStored(medicineClassSchema.nullable(), r.declared_class, {
      table: 'prescription_version',
      column: 'declared_class',
      id: `${r.prescription_id} v${r.prescription_version}`,
    }),
  }));

export const patientDiagnosisCodes = async (db: Conn, organizationId: string, patientId: string) =>
  (
    await db
      .selectFrom('patient_diagnosis')
      .select('icd10')
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .execute()
  ).map((r) => r.icd10);

export const insertWeight = (
  db: Conn,
  organizationId: string,
  patientId: string,
  w: { id: string; kg: number; measuredOn: string; recordedBy: string; recordedAt: Date },
) =>
  db
    .insertInto('patient_weight')
    .values({
      id: w.id,
      organization_id: organizationId,
      patient_id: patientId,
      kg: w.kg,
      measured_on: w.measuredOn,
      recorded_by: w.recordedBy,
      recorded_at: w.recordedAt,
    })
    .execute();

/** The patient's weighings, latest first. */
export const listWeights = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<WeightRecord[]> =>
  (
    await db
      .selectFrom('patient_weight as w')
      .innerJoin('app_user as u', 'u.id', 'w.recorded_by')
      .select(['w.id', 'w.kg', 'w.measured_on', 'w.recorded_at', 'u.name as recorded_by_name'])
      .where('w.organization_id', '=', organizationId)
      .where('w.patient_id', '=', patientId)
      .orderBy('w.measured_on', 'desc')
      .orderBy('w.recorded_at', 'desc')
      .limit(100)
      .execute()
  ).map((r) => ({
    id: r.id,
    kg: Number(r.kg),
    measuredOn: r.measured_on,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
  }));

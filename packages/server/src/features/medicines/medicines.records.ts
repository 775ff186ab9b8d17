import type {
  DoseUnit,
  MedicineClass,
  MedicineForm,
  MedicineRoute,
  Prescription,
  RefusalReason,
} from '@hearth/domain';
import type {
  ControlledEntryTable,
  MedicineAdministrationTable,
  PrescriptionVersionTable,
} from './medicines.table.ts';

// What the medicines repository's reads give: camelCase records, jsonb and enum text parsed.

/** The prescription's own row: who wrote it first, and which of its versions is in force. */
export interface PrescriptionHeadRecord {
  id: string;
  patientId: string;
  currentVersion: number;
  createdBy: string;
  createdAt: Date;
}

/**
 * A prescription as one of its versions states it (the current one, or the one asked for), with
 * who wrote that version. `createdBy`/`createdAt` are the version's; `prescriptionCreatedAt` is
 * when the prescription was first written.
 */
export interface PrescriptionRecord {
  id: string;
  patientId: string;
  version: number;
  medicineId: string | null;
  name: string;
  form: MedicineForm | null;
  strength: string | null;
  route: MedicineRoute;
  doseAmount: number;
  doseUnit: DoseUnit;
  kind: 'scheduled' | 'prn';
  timesOfDay: string[];
  minIntervalMinutes: number | null;
  maxDosesPer24h: number | null;
  indication: string;
  instructions: string | null;
  startsAt: Date;
  endsAt: Date | null;
  anticipatoryPurpose: Prescription['anticipatoryPurpose'];
  controlled: boolean;
  declaredClass: MedicineClass | null;
  overrideReason: string | null;
  changeIntervalHours: number | null;
  reason: string | null;
  createdBy: string;
  createdAt: Date;
  prescriptionCreatedAt: Date;
  prescribedByName: string;
}

/** A dose record: given, not taken, or refused by the dose guard (with what the person was told). */
export interface AdministrationRecord {
  id: string;
  patientId: string;
  prescriptionId: string;
  prescriptionVersion: number;
  status: MedicineAdministrationTable['status'];
  givenAt: Date;
  slot: Date | null;
  doseAmount: number;
  doseUnit: DoseUnit;
  note: string | null;
  refusalReason: RefusalReason | null;
  refusalMessage: string | null;
  nextAllowedAt: Date | null;
  recordedBy: string;
  recordedByRole: string;
  recordedAt: Date;
  verbalOrderPhysicianId: string | null;
  verbalOrderAt: Date | null;
  countersignedBy: string | null;
  countersignedAt: Date | null;
}

/** A dose record as the chart shows it: the product of the version it was given under, and who signed. */
export interface ChartedAdministrationRecord extends AdministrationRecord {
  medicineId: string | null;
  medicineName: string;
  medicineForm: MedicineForm | null;
  medicineStrength: string | null;
  recordedByName: string;
  countersignedByName: string | null;
}

/** When a dose of a prescription was recorded, for which slot, and whether it was given. */
export interface DoseTimeRecord {
  prescriptionId: string;
  givenAt: Date;
  slot: Date | null;
  status: MedicineAdministrationTable['status'];
}

/** A dose given, with the limits of the prescription version it was given under (the guard's history). */
export interface GivenDoseRecord {
  prescriptionId: string;
  prescriptionVersion: number;
  givenAt: Date;
  slot: Date | null;
  doseAmount: number;
  doseUnit: string;
  medicineId: string | null;
  name: string;
  kind: PrescriptionVersionTable['kind'];
  minIntervalMinutes: number | null;
  maxDosesPer24h: number | null;
  declaredClass: MedicineClass | null;
}

/** The "just in case" box in the patient's home: where it is, when it expires, who saved it last. */
export interface AnticipatoryBoxRecord {
  patientId: string;
  location: string;
  /** `YYYY-MM-DD`. */
  expiresOn: string;
  notes: string | null;
  updatedBy: string;
  updatedAt: Date;
  updatedByName: string;
}

/** A controlled drug kept in the patient's home, with the balance its register holds. */
export interface ControlledStockRecord {
  id: string;
  patientId: string;
  name: string;
  unit: string;
  prescriptionId: string | null;
  balance: number;
  /** How much of the prescribed dose unit one unit of stock holds; null when the units are the same. */
  dosePerUnit: number | null;
  createdBy: string;
  createdAt: Date;
}

/** One line of the controlled-drug register, with who recorded it and who witnessed it. */
export interface ControlledEntryRecord {
  id: string;
  stockId: string;
  patientId: string;
  kind: ControlledEntryTable['kind'];
  quantity: number;
  balanceAfter: number;
  expected: number | null;
  discrepancy: number | null;
  note: string | null;
  method: string | null;
  administrationId: string | null;
  recordedBy: string;
  witnessUserId: string | null;
  at: Date;
  recordedByName: string;
  witnessName: string | null;
}

/** A weighing of the patient: the day it was measured and who recorded it. */
export interface WeightRecord {
  id: string;
  kg: number;
  /** `YYYY-MM-DD`. */
  measuredOn: string;
  recordedAt: Date;
  recordedByName: string;
}

/** What a new version of a prescription is written with. */
export type PrescriptionVersionInput = Omit<
  PrescriptionRecord,
  'id' | 'patientId' | 'prescriptionCreatedAt' | 'prescribedByName'
>;

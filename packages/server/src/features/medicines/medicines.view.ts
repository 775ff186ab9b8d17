import type {
  Administration,
  DoseUnit,
  GuardPrescription,
  MedicineForm,
  MedicineRoute,
  Prescription,
  RefusalReason,
} from '@hearth/domain';
import {
  doseVolumeMl,
  guardPrescriptionOf,
  type MedicineClass,
  productLabel,
  productName,
} from '@hearth/domain';
import type { AdministrationRow, CurrentPrescriptionRow } from './medicines.repository.ts';

export function prescriptionStatus(
  r: { starts_at: Date; ends_at: Date | null },
  now: Date,
): Prescription['status'] {
  if (r.ends_at && now.getTime() >= r.ends_at.getTime()) return 'ended';
  if (now.getTime() < r.starts_at.getTime()) return 'not_started';
  return 'active';
}

export function toPrescription(r: CurrentPrescriptionRow, now: Date): Prescription {
  return {
    id: r.id,
    patientId: r.patient_id,
    version: r.version,
    medicineId: r.medicine_id,
    name: r.name,
    form: r.form as MedicineForm | null,
    strength: r.strength,
    route: r.route as MedicineRoute,
    doseAmount: Number(r.dose_amount),
    doseUnit: r.dose_unit as DoseUnit,
    kind: r.kind,
    timesOfDay: r.times_of_day,
    minIntervalMinutes: r.min_interval_minutes,
    maxDosesPer24h: r.max_doses_per_24h,
    indication: r.indication,
    instructions: r.instructions,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at?.toISOString() ?? null,
    anticipatoryPurpose: r.anticipatory_purpose as Prescription['anticipatoryPurpose'],
    controlled: r.controlled,
    declaredClass: r.declared_class as MedicineClass | null,
    overrideReason: r.override_reason,
    changeIntervalHours: r.change_interval_hours,
    doseVolumeMl: doseVolumeMl({
      form: r.form as MedicineForm | null,
      strength: r.strength,
      doseAmount: Number(r.dose_amount),
      doseUnit: r.dose_unit as DoseUnit,
    }),
    label: productLabel({
      medicineId: r.medicine_id,
      name: r.name,
      form: r.form as MedicineForm | null,
      strength: r.strength,
      route: r.route as MedicineRoute,
      doseAmount: Number(r.dose_amount),
      doseUnit: r.dose_unit as DoseUnit,
    }),
    status: prescriptionStatus(r, now),
    reason: r.reason,
    prescribedById: r.created_by,
    prescribedByName: r.prescribed_by_name,
    createdAt: r.prescription_created_at.toISOString(),
    versionCreatedAt: r.created_at.toISOString(),
  };
}

/** The guard's view of a prescription: one definition in the domain, shared with the phone. */
export const guardOf = (p: Prescription, timeZone: string): GuardPrescription =>
  guardPrescriptionOf(p, timeZone);

export function toAdministration(r: AdministrationRow): Administration {
  const product = {
    medicineId: r.medicine_id,
    name: r.medicine_name,
    form: r.medicine_form as MedicineForm | null,
    strength: r.medicine_strength,
  };
  return {
    id: r.id,
    prescriptionId: r.prescription_id,
    prescriptionVersion: r.prescription_version,
    medicineName: productName(product),
    product,
    status: r.status,
    givenAt: r.given_at.toISOString(),
    slot: r.slot?.toISOString() ?? null,
    doseAmount: Number(r.dose_amount),
    doseUnit: r.dose_unit as DoseUnit,
    note: r.note,
    refusalReason: r.refusal_reason as RefusalReason | null,
    refusalMessage: r.refusal_message,
    nextAllowedAt: r.next_allowed_at?.toISOString() ?? null,
    recordedById: r.recorded_by,
    recordedByName: r.recorded_by_name,
    recordedByRole: r.recorded_by_role,
    recordedAt: r.recorded_at.toISOString(),
    verbalOrderPhysicianId: r.verbal_order_physician_id,
    verbalOrderAt: r.verbal_order_at?.toISOString() ?? null,
    countersignedAt: r.countersigned_at?.toISOString() ?? null,
    countersignedByName: r.countersigned_by_name,
  };
}

export const doseText = (p: Pick<Prescription, 'doseAmount' | 'doseUnit'>) => `${p.doseAmount} ${p.doseUnit}`;

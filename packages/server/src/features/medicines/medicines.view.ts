import type {
  Administration,
  DoseUnit,
  GuardPrescription,
  MedicineForm,
  Prescription,
  RefusalReason,
} from '@hearth/domain';
import { doseVolumeMl, guardPrescriptionOf, productLabel, productName } from '@hearth/domain';
import type { AdministrationRow, PrescriptionRecord } from './medicines.repository.ts';

export function prescriptionStatus(
  r: Pick<PrescriptionRecord, 'startsAt' | 'endsAt'>,
  now: Date,
): Prescription['status'] {
  if (r.endsAt && now.getTime() >= r.endsAt.getTime()) return 'ended';
  if (now.getTime() < r.startsAt.getTime()) return 'not_started';
  return 'active';
}

export function toPrescription(r: PrescriptionRecord, now: Date): Prescription {
  const product = {
    medicineId: r.medicineId,
    name: r.name,
    form: r.form,
    strength: r.strength,
    route: r.route,
    doseAmount: r.doseAmount,
    doseUnit: r.doseUnit,
  };
  return {
    id: r.id,
    patientId: r.patientId,
    version: r.version,
    medicineId: r.medicineId,
    name: r.name,
    form: r.form,
    strength: r.strength,
    route: r.route,
    doseAmount: r.doseAmount,
    doseUnit: r.doseUnit,
    kind: r.kind,
    timesOfDay: r.timesOfDay,
    minIntervalMinutes: r.minIntervalMinutes,
    maxDosesPer24h: r.maxDosesPer24h,
    indication: r.indication,
    instructions: r.instructions,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt?.toISOString() ?? null,
    anticipatoryPurpose: r.anticipatoryPurpose,
    controlled: r.controlled,
    declaredClass: r.declaredClass,
    overrideReason: r.overrideReason,
    changeIntervalHours: r.changeIntervalHours,
    doseVolumeMl: doseVolumeMl(product),
    label: productLabel(product),
    status: prescriptionStatus(r, now),
    reason: r.reason,
    prescribedById: r.createdBy,
    prescribedByName: r.prescribedByName,
    createdAt: r.prescriptionCreatedAt.toISOString(),
    versionCreatedAt: r.createdAt.toISOString(),
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

import type { Administration, GuardPrescription, Prescription } from '@hearth/domain';
import { doseVolumeMl, guardPrescriptionOf, productLabel, productName } from '@hearth/domain';
import type { ChartedAdministrationRecord, PrescriptionRecord } from './medicines.repository.ts';

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

export function toAdministration(r: ChartedAdministrationRecord): Administration {
  const product = {
    medicineId: r.medicineId,
    name: r.medicineName,
    form: r.medicineForm,
    strength: r.medicineStrength,
  };
  return {
    id: r.id,
    prescriptionId: r.prescriptionId,
    prescriptionVersion: r.prescriptionVersion,
    medicineName: productName(product),
    product,
    status: r.status,
    givenAt: r.givenAt.toISOString(),
    slot: r.slot?.toISOString() ?? null,
    doseAmount: r.doseAmount,
    doseUnit: r.doseUnit,
    note: r.note,
    refusalReason: r.refusalReason,
    refusalMessage: r.refusalMessage,
    nextAllowedAt: r.nextAllowedAt?.toISOString() ?? null,
    recordedById: r.recordedBy,
    recordedByName: r.recordedByName,
    recordedByRole: r.recordedByRole,
    recordedAt: r.recordedAt.toISOString(),
    verbalOrderPhysicianId: r.verbalOrderPhysicianId,
    verbalOrderAt: r.verbalOrderAt?.toISOString() ?? null,
    countersignedAt: r.countersignedAt?.toISOString() ?? null,
    countersignedByName: r.countersignedByName,
  };
}

export const doseText = (p: Pick<Prescription, 'doseAmount' | 'doseUnit'>) => `${p.doseAmount} ${p.doseUnit}`;

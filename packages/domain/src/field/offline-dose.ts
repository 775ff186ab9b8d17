import { checkDoseRecord, type DoseCheckPrescription, type DosePath } from '../medicines/dose-check.ts';
import type { GuardPrescription, GuardResult } from '../medicines/dose-guard.ts';
import type { DoseUnit } from '../medicines/formulary.ts';
import { ingredientOf, isOpioidPrescription } from '../medicines/prescription-check.ts';
import type { Prescription } from '../medicines/schemas.ts';
import type { FieldCaseload, FieldGivenDose, FieldMedicines } from './caseload.ts';

/** The dose guard's view of a prescription (the server and the phone build it the same way). */
export function guardPrescriptionOf(p: Prescription, timeZone: string): GuardPrescription {
  return {
    kind: p.kind,
    doseAmount: p.doseAmount,
    doseUnit: p.doseUnit,
    startsAt: new Date(p.startsAt),
    endsAt: p.endsAt ? new Date(p.endsAt) : null,
    timesOfDay: p.timesOfDay,
    minIntervalMinutes: p.minIntervalMinutes,
    maxDosesPer24h: p.maxDosesPer24h,
    timeZone,
    intervalHours: p.changeIntervalHours,
  };
}

/** What `checkDoseRecord` needs of a prescription beyond the guard: its ingredient and opioid status. */
export const doseCheckPrescriptionOf = (p: Prescription, timeZone: string): DoseCheckPrescription => ({
  ...guardPrescriptionOf(p, timeZone),
  id: p.id,
  ingredient: ingredientOf(p),
  opioid: isOpioidPrescription(p),
  mapped: p.medicineId !== null,
});

/** A dose the phone accepted and queued, in the shape of the caseload's given doses. */
export const queuedDoseOf = (p: Prescription, givenAt: Date, slot: Date | null): FieldGivenDose => ({
  prescriptionId: p.id,
  prescriptionVersion: p.version,
  ingredient: ingredientOf(p),
  givenAt: givenAt.toISOString(),
  slot: slot?.toISOString() ?? null,
  kind: p.kind,
  minIntervalMinutes: p.minIntervalMinutes,
  maxDosesPer24h: p.maxDosesPer24h,
});

export interface OfflineDoseCheck {
  caseload: Pick<FieldCaseload, 'timeZone' | 'doseGuard'>;
  medicines: Pick<FieldMedicines, 'prescriptions' | 'givenDoses'>;
  prescriptionId: string;
  attempt: { givenAt: Date; doseAmount: number; doseUnit: DoseUnit };
  /** Doses queued on the phone and not yet sent: they count as given. */
  queued: readonly FieldGivenDose[];
  /** 'nurse' for a dose given now; 'late-entry' for one recorded after the fact. */
  path: DosePath;
  now: Date;
}

/**
 * The same dose guard the server runs (issue 14), against the cached chart plus the doses queued
 * on the phone. The server checks again when the dose arrives; this check only stops a nurse
 * from recording offline what the server would refuse. Returns null for a prescription that is
 * not in the cached chart (the phone must not guess).
 */
export function checkDoseOffline(input: OfflineDoseCheck): GuardResult | null {
  const rx = input.medicines.prescriptions.find((p) => p.id === input.prescriptionId);
  if (!rx) return null;
  const prescription = doseCheckPrescriptionOf(rx, input.caseload.timeZone);
  const history = [...input.medicines.givenDoses, ...input.queued]
    .filter((d) => d.ingredient === prescription.ingredient)
    .map((d) => ({
      prescriptionId: d.prescriptionId,
      givenAt: new Date(d.givenAt),
      slot: d.slot ? new Date(d.slot) : null,
      kind: d.kind,
      minIntervalMinutes: d.minIntervalMinutes,
      maxDosesPer24h: d.maxDosesPer24h,
    }));
  return checkDoseRecord({
    path: input.path,
    prescription,
    history,
    attempt: input.attempt,
    now: input.now,
    options: input.caseload.doseGuard,
  });
}

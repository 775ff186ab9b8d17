import {
  ageInYears,
  because,
  type CheckedPrescription,
  checkPrescription,
  conflict,
  conflictReason,
  findMedicine,
  ingredientOf,
  localDate,
  type MedicineClass,
  type Prescription,
  type PrescriptionCheckResult,
  type PrescriptionInput,
  patchChangeIntervalHours,
  type SafetyPatient,
  safetyDecision,
  safetySources,
} from '@hearth/domain';
import type { Conn } from '../../db/conn.ts';
import * as repo from './medicines.repository.ts';
import { toPrescription } from './medicines.view.ts';

/**
 * The server's side of the one medication safety check (issue 12): it gathers what the pure
 * check in @hearth/domain needs from the record (age, latest weight with its date, allergies,
 * diagnoses, the other current prescriptions) inside the caller's transaction.
 */
export async function safetyPatientOf(
  db: Conn,
  orgId: string,
  patient: { id: string; dateOfBirth: string },
  now: Date,
  timeZone: string,
): Promise<SafetyPatient> {
  const [weights, allergies, diagnoses] = await Promise.all([
    repo.listWeights(db, orgId, patient.id),
    repo.allergySubstances(db, orgId, patient.id),
    repo.patientDiagnosisCodes(db, orgId, patient.id),
  ]);
  const latest = weights[0];
  return {
    ageYears: ageInYears(patient.dateOfBirth, localDate(now, timeZone)),
    weight: latest ? { kg: latest.kg, measuredOn: latest.measuredOn } : null,
    allergies,
    diagnoses,
  };
}

export const checkedOf = (
  p: Pick<
    Prescription,
    | 'id'
    | 'medicineId'
    | 'name'
    | 'form'
    | 'strength'
    | 'route'
    | 'doseAmount'
    | 'doseUnit'
    | 'kind'
    | 'timesOfDay'
    | 'maxDosesPer24h'
    | 'anticipatoryPurpose'
  > & { declaredClass: MedicineClass | null },
): CheckedPrescription => ({
  id: p.id,
  medicineId: p.medicineId,
  name: p.name,
  declaredClass: p.declaredClass,
  form: p.form,
  strength: p.strength,
  route: p.route,
  doseAmount: p.doseAmount,
  doseUnit: p.doseUnit,
  kind: p.kind,
  timesOfDay: p.timesOfDay,
  maxDosesPer24h: p.maxDosesPer24h,
  anticipatoryPurpose: p.anticipatoryPurpose,
});

/** Runs the check for a draft (new, change or restart of `replacingId`). */
export async function checkDraft(
  db: Conn,
  orgId: string,
  patient: { id: string; dateOfBirth: string },
  draft: PrescriptionInput,
  draftId: string,
  replacingId: string | null,
  now: Date,
  timeZone: string,
): Promise<PrescriptionCheckResult> {
  const current = (await repo.listCurrent(db, orgId, patient.id))
    .map((r) => toPrescription(r, now))
    .filter((p) => p.status !== 'ended');
  const others = current.filter((p) => p.id !== replacingId).map(checkedOf);
  const replacedRow = replacingId ? current.find((p) => p.id === replacingId) : undefined;
  return checkPrescription({
    draft: checkedOf({ ...draft, id: draftId }),
    others,
    replaced: replacedRow ? checkedOf(replacedRow) : null,
    patient: await safetyPatientOf(db, orgId, patient, now, timeZone),
    today: now,
  });
}

export const safetyDto = (r: PrescriptionCheckResult) => ({
  blocking: r.blocking,
  warnings: r.warnings,
  tolerance: r.tolerance,
  sources: Object.fromEntries(
    [...r.blocking, ...r.warnings].map((p) => [p.source, { ...safetySources[p.source] }]),
  ),
});

/**
 * Refuses (409 with the problems and their sources) unless every block is passable and passed:
 * an override reason for blocks that allow one, the acknowledgement for confirm-level warnings.
 */
export function requireSafe(r: PrescriptionCheckResult, input: PrescriptionInput) {
  const decision = safetyDecision(r, {
    overrideReason: input.overrideReason,
    acknowledged: input.acknowledgeWarnings,
  });
  if (!decision.ok)
    throw conflict(
      'The medication safety check stopped this prescription.',
      {
        ...conflictReason('safety-check-blocked', { problems: decision.problems.length }),
        problems: decision.problems,
        safety: safetyDto(r),
      },
      because('medicines.safetyCheckBlocked', { problems: decision.problems.length }),
    );
  return decision.overridden;
}

/** Controlled: opioids and benzodiazepines, from the formulary or as declared for free text. */
export const isControlled = (medicineId: string | null, declared: MedicineClass | null) => {
  const c = findMedicine(medicineId)?.class ?? declared;
  return c === 'strong_opioid' || c === 'weak_opioid' || c === 'benzodiazepine';
};

export const changeIntervalOf = (input: Pick<PrescriptionInput, 'form' | 'medicineId' | 'strength'>) =>
  input.form === 'patch' ? patchChangeIntervalHours(input.medicineId, input.strength) : null;

export { ingredientOf };

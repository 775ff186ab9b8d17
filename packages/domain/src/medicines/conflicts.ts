/**
 * Why a medicines write was refused with 409, as a code with facts, so the web says it in the
 * reader's language (issue 12). The server's English message stays as a fallback for API users.
 */
export const medicineConflictReasons = [
  'safety-check-blocked',
  'prescription-ended',
  'restart-only-ended',
  'prescription-already-ended',
  'patient-deceased',
  'not-verbal-order',
  'already-countersigned',
  'register-short',
] as const;
export type MedicineConflictReason = (typeof medicineConflictReasons)[number];

/** The `details` of such a 409: the reason, its facts, and anything else the caller adds. */
export interface ConflictReasonDetails {
  reason: MedicineConflictReason;
  facts: Record<string, string | number>;
}

export const conflictReason = (
  reason: MedicineConflictReason,
  facts: Record<string, string | number> = {},
): ConflictReasonDetails => ({ reason, facts });

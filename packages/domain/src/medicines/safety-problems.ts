import type { SafetySourceId } from './safety-sources.ts';

/**
 * What the medication safety check reports (issue 12). Every problem names its source.
 * - 'block': stops the prescription or the dose. `overridable` blocks pass only when the
 *   physician records a reason (shown on the chart and audited); the others never pass.
 * - 'confirm': a warning the physician must acknowledge before prescribing.
 * - 'info': shown, nothing to do.
 */
export const safetyProblemCodes = [
  'unit-not-formulary',
  'strength-not-formulary',
  'patch-not-scheduled',
  'formulary-medicine-as-free-text',
  'free-text-class-missing',
  'free-text-opioid-unmapped',
  'child-weight-missing',
  'child-weight-stale',
  'child-min-age',
  'above-single-limit',
  'above-daily-limit',
  'not-for-opioid-naive',
  'no-paediatric-limit',
  'no-dose-limit',
  'allergy-substance',
  'allergy-cross-sensitivity',
  'allergy-class',
  'allergy-same-class',
  'duplicate-ingredient',
  'duplicate-class',
  'two-long-acting-opioids',
  'opioid-without-laxative',
  'methadone-not-converted',
  'no-ome-factor',
  'renal-avoid',
  'renal-reduce',
  'hepatic-avoid',
  'hepatic-reduce',
  'tolerance-unknown',
] as const;
export type SafetyProblemCode = (typeof safetyProblemCodes)[number];

export interface SafetyProblem {
  code: SafetyProblemCode;
  level: 'block' | 'confirm' | 'info';
  /** A block the physician may pass with a recorded reason. */
  overridable: boolean;
  source: SafetySourceId;
  /** Values for the message (limit, unit, allergy, weight …); rendered in the reader's language. */
  params: Record<string, string | number>;
  /** Prescriptions the problem is about ("draft" or ids). */
  items: string[];
}

export interface SafetyResult {
  blocking: SafetyProblem[];
  warnings: SafetyProblem[];
}

/** May the prescription be written with this reason and acknowledgement? */
export function safetyDecision(
  r: SafetyResult,
  pass: { overrideReason: string | null; acknowledged: boolean },
): { ok: true; overridden: SafetyProblem[] } | { ok: false; problems: SafetyProblem[] } {
  const hard = r.blocking.filter((p) => !p.overridable);
  if (hard.length) return { ok: false, problems: hard };
  const needReason = r.blocking.filter((p) => p.overridable);
  if (needReason.length && !pass.overrideReason) return { ok: false, problems: needReason };
  const needAck = r.warnings.filter((p) => p.level === 'confirm');
  if (needAck.length && !pass.acknowledged) return { ok: false, problems: needAck };
  return { ok: true, overridden: needReason };
}

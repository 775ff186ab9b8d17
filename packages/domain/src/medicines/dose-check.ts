import {
  checkDose,
  type DoseAttempt,
  type GuardOptions,
  type GuardPrescription,
  type GuardResult,
  type RecordedDose,
} from './dose-guard.ts';

/**
 * The one check every recorded dose goes through (issue 12): the nurse, a verbal order, the
 * family's "I gave this dose", a late entry and, later, offline sync. Pure: the server locks the
 * patient's prescriptions of the ingredient, gathers the doses and calls it.
 *
 * - The dose is checked against the prescription version active when it was given (a late
 *   entry keeps the version of its time).
 * - As-needed doses are counted by ingredient across every prescription and version: two
 *   as-needed morphine prescriptions share one interval and one 24 h count. Each pair of doses
 *   must be at least the longer of their two minimum intervals apart, and no 24 h window may
 *   hold more doses than the smallest maximum among the prescriptions given in it.
 * - A medicine outside the formulary declared as an opioid cannot be given until it is mapped
 *   to a formulary product (no OME, no limits without one).
 * - A verbal order authorises only what the prescription allows, for a limited time.
 */
export const dosePaths = ['nurse', 'verbal-order', 'family', 'late-entry', 'offline-sync'] as const;
export type DosePath = (typeof dosePaths)[number];

export interface DoseCheckPrescription extends GuardPrescription {
  id: string;
  /** Formulary id, or the free-text name (ingredientOf). */
  ingredient: string;
  /** An opioid (formulary class, or declared for a free-text medicine). */
  opioid: boolean;
  /** A formulary product (false for free text). */
  mapped: boolean;
}

/** A dose already given, with the limits of the prescription version it was given under. */
export interface IngredientDose extends RecordedDose {
  prescriptionId: string;
  kind: 'scheduled' | 'prn';
  minIntervalMinutes: number | null;
  maxDosesPer24h: number | null;
}

export interface DoseCheckOptions extends GuardOptions {
  /** How long after a physician's verbal order a dose may be given on it. */
  verbalOrderValidMinutes: number;
}

export interface DoseCheckInput {
  path: DosePath;
  prescription: DoseCheckPrescription;
  /** Every dose given of the same ingredient, all prescriptions and versions. */
  history: readonly IngredientDose[];
  attempt: DoseAttempt;
  /** Verbal orders: when the physician gave the order. */
  verbalOrderAt?: Date | null;
  now: Date;
  options: DoseCheckOptions;
}

const minute = 60_000;
const day = 24 * 60 * minute;

interface PrnPoint {
  t: number;
  interval: number;
  max: number | null;
}

/** Why an as-needed dose at `t` would break the ingredient's limits, or null. */
function ingredientPrnBreach(
  points: readonly PrnPoint[],
  next: PrnPoint,
): 'too-soon' | 'daily-maximum' | null {
  if (points.some((g) => Math.abs(g.t - next.t) < Math.max(g.interval, next.interval))) return 'too-soon';
  const all = [...points, next].sort((a, b) => a.t - b.t);
  for (const end of all) {
    if (end.t < next.t || end.t >= next.t + day) continue;
    const inWindow = all.filter((g) => g.t > end.t - day && g.t <= end.t);
    const caps = inWindow.map((g) => g.max).filter((m): m is number => m !== null);
    if (caps.length && inWindow.length > Math.min(...caps)) return 'daily-maximum';
  }
  return null;
}

function nextIngredientPrn(p: DoseCheckPrescription, points: readonly PrnPoint[], from: number): Date | null {
  const self = { interval: (p.minIntervalMinutes ?? 0) * minute, max: p.maxDosesPer24h };
  const candidates = [from, ...points.flatMap((g) => [g.t + Math.max(g.interval, self.interval), g.t + day])]
    .filter((c) => c >= from)
    .sort((a, b) => a - b);
  for (const c of candidates) {
    const at = Math.max(c, p.startsAt.getTime());
    if (p.endsAt && at >= p.endsAt.getTime()) return null;
    if (ingredientPrnBreach(points, { t: at, ...self }) === null) return new Date(at);
  }
  return null;
}

export function checkDoseRecord(input: DoseCheckInput): GuardResult {
  const { prescription: p, attempt, now, options } = input;
  const t = attempt.givenAt.getTime();
  if (p.opioid && !p.mapped) return { ok: false, reason: 'unmapped-opioid', nextAllowedAt: null };
  if (input.path === 'verbal-order') {
    const ordered = (input.verbalOrderAt ?? attempt.givenAt).getTime();
    if (
      ordered > t + options.futureToleranceMinutes * minute ||
      t - ordered > options.verbalOrderValidMinutes * minute
    )
      return { ok: false, reason: 'verbal-order-expired', nextAllowedAt: null };
  }
  const own = input.history.filter((h) => h.prescriptionId === p.id);
  const basic = checkDose(p, own, attempt, now, options);
  if (!basic.ok || p.kind !== 'prn') return basic;
  const points = input.history
    .filter((h) => h.kind === 'prn')
    .map((h) => ({
      t: h.givenAt.getTime(),
      interval: (h.minIntervalMinutes ?? 0) * minute,
      max: h.maxDosesPer24h,
    }));
  const breach = ingredientPrnBreach(points, {
    t,
    interval: (p.minIntervalMinutes ?? 0) * minute,
    max: p.maxDosesPer24h,
  });
  if (!breach) return basic;
  return {
    ok: false,
    reason: breach,
    nextAllowedAt: nextIngredientPrn(p, points, Math.max(now.getTime(), t)),
  };
}

/** §3.5 (Scottish guideline): review when rescue doses in 24 h go past the threshold: `>`, not `==`. */
export const rescueReviewDue = (rescueDoses24h: number, threshold: number) => rescueDoses24h > threshold;

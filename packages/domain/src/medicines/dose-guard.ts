import { timesOnLocalDay } from '../time/zoned-time.ts';
import type { DoseUnit } from './formulary.ts';

/**
 * The dose guard (issue 6): relatives and nurses may record only what the physician prescribed.
 * A pure function of the prescription, the doses already recorded and the attempt, so the same
 * rule runs in tests, in the server (inside the transaction that holds the prescription's lock)
 * and in the family portal (to show when the next dose is allowed).
 */
export interface GuardPrescription {
  kind: 'scheduled' | 'prn';
  doseAmount: number;
  doseUnit: DoseUnit;
  startsAt: Date;
  /** End of the prescription, or when it was stopped; null if open-ended. */
  endsAt: Date | null;
  /** Scheduled: times of day "HH:MM" in the organization's zone. */
  timesOfDay: readonly string[];
  /** As needed: minimum minutes between two doses. */
  minIntervalMinutes: number | null;
  /** As needed: most doses in any 24 hours. */
  maxDosesPer24h: number | null;
  timeZone: string;
  /** A patch: changed every this many hours from the start (fentanyl 72), instead of times of day. */
  intervalHours?: number | null;
}

export interface RecordedDose {
  givenAt: Date;
  /** Scheduled: the slot this dose was recorded against. */
  slot: Date | null;
}

export interface DoseAttempt {
  givenAt: Date;
  doseAmount: number;
  doseUnit: DoseUnit;
}

export interface GuardOptions {
  /** A scheduled dose may be given this many minutes before or after its time. */
  scheduleWindowMinutes: number;
  /** How long ago a dose may be recorded after the fact. */
  lateEntryMinutes: number;
  /** Clock skew tolerated for "given now" from a phone. */
  futureToleranceMinutes: number;
}

export const defaultGuardOptions: GuardOptions = {
  scheduleWindowMinutes: 60,
  lateEntryMinutes: 12 * 60,
  futureToleranceMinutes: 5,
};

export const refusalReasons = [
  'dose-mismatch',
  'not-started',
  'ended',
  'too-soon',
  'daily-maximum',
  'not-due',
  'already-given',
  'in-future',
  'too-late-to-record',
  // issue 12: a free-text opioid must be mapped to a formulary product; verbal orders expire
  'unmapped-opioid',
  'verbal-order-expired',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export type GuardResult =
  | { ok: true; slot: Date | null }
  | { ok: false; reason: RefusalReason; nextAllowedAt: Date | null };

const minute = 60_000;
const day = 24 * 60 * minute;

/** Half the smallest gap between scheduled times (cyclic), so every dose maps to one slot. */
export function effectiveWindowMinutes(timesOfDay: readonly string[], wanted: number): number {
  const mins = [...new Set(timesOfDay)]
    .map((t) => {
      const [h, m] = t.split(':').map(Number);
      return (h ?? 0) * 60 + (m ?? 0);
    })
    .sort((a, b) => a - b);
  if (mins.length < 2) return wanted;
  let gap = 24 * 60;
  for (let i = 0; i < mins.length; i++) {
    const next = i + 1 < mins.length ? mins[i + 1]! : mins[0]! + 24 * 60;
    gap = Math.min(gap, next - mins[i]!);
  }
  return Math.max(0, Math.min(wanted, Math.floor(gap / 2) - 1));
}

const withinCourse = (p: GuardPrescription, t: Date) =>
  t.getTime() >= p.startsAt.getTime() && (p.endsAt === null || t.getTime() < p.endsAt.getTime());

/** Scheduled slots from one local day before `from` to `days` local days after. */
export function slotsAround(p: GuardPrescription, from: Date, days: number): Date[] {
  const out: Date[] = [];
  if (p.intervalHours) {
    const step = p.intervalHours * 60 * minute;
    const first = Math.max(0, Math.floor((from.getTime() - day - p.startsAt.getTime()) / step));
    for (let k = first; p.startsAt.getTime() + k * step <= from.getTime() + (days + 1) * day; k++)
      out.push(new Date(p.startsAt.getTime() + k * step));
    return out.filter((s) => withinCourse(p, s));
  }
  for (let d = -1; d <= days; d++) out.push(...timesOnLocalDay(from, d, p.timesOfDay, p.timeZone));
  return out.filter((s) => withinCourse(p, s)).sort((a, b) => a.getTime() - b.getTime());
}

/** As needed: may a dose be recorded at `t` given the others? (interval and rolling 24 h maximum) */
function prnAllows(
  p: GuardPrescription,
  given: readonly number[],
  t: number,
): 'too-soon' | 'daily-maximum' | null {
  const interval = (p.minIntervalMinutes ?? 0) * minute;
  if (given.some((g) => Math.abs(g - t) < interval)) return 'too-soon';
  const max = p.maxDosesPer24h;
  if (max !== null) {
    const all = [...given, t].sort((a, b) => a - b);
    // every 24 h window (x − 24 h, x] that holds t ends at t or at a later dose within 24 h
    for (const x of all) {
      if (x < t || x >= t + day) continue;
      const count = all.filter((g) => g > x - day && g <= x).length;
      if (count > max) return 'daily-maximum';
    }
  }
  return null;
}

function nextPrn(p: GuardPrescription, given: readonly number[], from: number): Date | null {
  const interval = (p.minIntervalMinutes ?? 0) * minute;
  const candidates = [from, ...given.map((g) => g + interval), ...given.map((g) => g + day)]
    .filter((c) => c >= from)
    .sort((a, b) => a - b);
  for (const c of candidates) {
    const at = Math.max(c, p.startsAt.getTime());
    if (p.endsAt && at >= p.endsAt.getTime()) return null;
    if (prnAllows(p, given, at) === null) return new Date(at);
  }
  return null;
}

function nextScheduled(p: GuardPrescription, taken: readonly RecordedDose[], from: Date, window: number) {
  const takenSlots = new Set(taken.map((d) => d.slot?.getTime()).filter((x) => x !== undefined));
  for (const s of slotsAround(p, from, 7)) {
    if (takenSlots.has(s.getTime())) continue;
    if (s.getTime() + window * minute <= from.getTime()) continue;
    return new Date(Math.max(s.getTime() - window * minute, from.getTime()));
  }
  return null;
}

/** When the next dose could be recorded, from `now` (for the portal and for refusals). */
export function nextAllowedAt(
  p: GuardPrescription,
  history: readonly RecordedDose[],
  now: Date,
  options: GuardOptions = defaultGuardOptions,
): Date | null {
  const from = new Date(Math.max(now.getTime(), p.startsAt.getTime()));
  if (p.endsAt && from.getTime() >= p.endsAt.getTime()) return null;
  if (p.kind === 'prn')
    return nextPrn(
      p,
      history.map((h) => h.givenAt.getTime()),
      from.getTime(),
    );
  return nextScheduled(p, history, from, effectiveWindowMinutes(p.timesOfDay, options.scheduleWindowMinutes));
}

/**
 * Checks one attempt to record a dose. `history` is every dose already recorded as given for this
 * prescription (all its versions). The caller must hold the prescription's lock while calling
 * this and writing the result, so two people cannot both pass on the same history.
 */
export function checkDose(
  p: GuardPrescription,
  history: readonly RecordedDose[],
  attempt: DoseAttempt,
  now: Date,
  options: GuardOptions = defaultGuardOptions,
): GuardResult {
  const t = attempt.givenAt.getTime();
  const refuse = (reason: RefusalReason, next: Date | null = nextAllowedAt(p, history, now, options)) =>
    ({ ok: false, reason, nextAllowedAt: next }) as const;
  if (t > now.getTime() + options.futureToleranceMinutes * minute) return refuse('in-future');
  if (t < now.getTime() - options.lateEntryMinutes * minute) return refuse('too-late-to-record');
  if (p.endsAt && t >= p.endsAt.getTime()) return refuse('ended', null);
  if (t < p.startsAt.getTime()) return refuse('not-started', p.kind === 'prn' ? p.startsAt : undefined);
  if (attempt.doseUnit !== p.doseUnit || Math.abs(attempt.doseAmount - p.doseAmount) > 1e-9)
    return refuse('dose-mismatch');

  if (p.kind === 'prn') {
    const why = prnAllows(
      p,
      history.map((h) => h.givenAt.getTime()),
      t,
    );
    return why ? refuse(why) : { ok: true, slot: null };
  }
  const window = p.intervalHours
    ? options.scheduleWindowMinutes
    : effectiveWindowMinutes(p.timesOfDay, options.scheduleWindowMinutes);
  const slot = slotsAround(p, attempt.givenAt, 1).find((s) => Math.abs(s.getTime() - t) <= window * minute);
  if (!slot) return refuse('not-due');
  if (history.some((h) => h.slot?.getTime() === slot.getTime())) return refuse('already-given');
  return { ok: true, slot };
}

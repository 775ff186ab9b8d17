import { z } from 'zod';
import { type AlertAudience, type AlertSeverity, severityRank } from '../alerts/schemas.ts';
import {
  type Band,
  bradenBandsSchema,
  caregiverInstruments,
  defaultBradenBands,
  defaultBradenQUnderYears,
  defaultMcsiThreshold,
  defaultZbi12Cutoff,
  esasItems,
  mcsiMax,
  nrsBand,
  type PpsAnswers,
  scoreMcsi,
  scorePps,
  scoreZbi12,
} from '../assessments/scales.ts';
import type { Coping, InstrumentAnswers } from '../assessments/schemas.ts';

/**
 * Triage: rules as data plus pure functions, turning a new record into alert findings. The rule
 * set is versioned; every alert stores the version and the values that fired it, so it can be
 * explained later. Bump the version whenever a rule or a default changes.
 */
export const triageRuleSetName = 'triage';
export const triageRuleSetVersion = '2026.12-1';

/** Organization-tunable thresholds; defaults from the sources named on each field. */
export const triageSettingsSchema = z.object({
  /** ESAS-r item >= 7 is severe (Selby et al. 2010). */
  severeAt: z.number().int().min(1).max(10).default(7),
  /** Pain >= 4 is moderate-or-severe (Selby et al. 2010) ... */
  painReviewAt: z.number().int().min(1).max(10).default(4),
  /** ... and up by >= 2 points since the last record (issue 4 default). */
  painRiseBy: z.number().int().min(1).max(10).default(2),
  /** Breathlessness counts as worse when up by this much since the last record. */
  breathlessnessRiseBy: z.number().int().min(1).max(10).default(2),
  /** A PPS drop of >= 20 points (two levels) since the last record (issue 4 default). */
  ppsDropBy: z.number().int().min(10).max(100).default(20),
  /** ZBI-12 screening cut-off (PMC6497029 example for community caregivers). */
  zbi12Cutoff: z.number().int().min(1).max(48).default(defaultZbi12Cutoff),
  /**
   * The caregiver burden instrument the service uses: the free MCSI by default; ZBI-12 only for
   * an organization that holds the Mapi licence (instrument-licences.md).
   */
  caregiverInstrument: z.enum(caregiverInstruments).default('mcsi'),
  /**
   * MCSI total at or above which a psychologist is asked to see the family. Thornton & Travis
   * 2003 give no cut-off; the default is a conservative Hearth choice (see `defaultMcsiThreshold`).
   */
  mcsiThreshold: z.number().int().min(1).max(26).default(defaultMcsiThreshold),
  /** Braden risk bands (VA VistA template by default; teaching sources differ, §2.6). */
  bradenBands: bradenBandsSchema.default(defaultBradenBands),
  /** Rules an organization switched off (by id). */
  disabledRules: z.array(z.string()).default([]),
  /** Hours within which a severe symptom is followed up in person (HOPE SFV: 2 days). */
  followUpHours: z.number().int().min(1).max(168).default(48),
  /**
   * A symptom is compared with its own last value taken within this many hours (a Hearth
   * choice: the week between routine home visits). An older value says nothing about "rising".
   */
  compareWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(168),
  /**
   * PPS is compared with the best level in this many days, so a gradual fall (70, 60, 50) is
   * caught (a Hearth choice: PPSv2 asks for a rating on every home visit; §2.3).
   */
  ppsWindowDays: z.number().int().min(1).max(365).default(30),
  /** Children younger than this are scored with Braden Q, not Braden (Quigley & Curley 1996: to 8 years). */
  bradenQUnderYears: z.number().int().min(1).max(18).default(defaultBradenQUnderYears),
});
export type TriageSettings = z.infer<typeof triageSettingsSchema>;

/** An earlier record of the patient, any instrument. */
export interface PastRecord {
  instrument: string;
  answers: Record<string, unknown>;
  takenAt: Date;
}

export interface TriageInput {
  current: InstrumentAnswers;
  /** When the new record was taken (windows are measured back from it). */
  takenAt?: Date | undefined;
  /** The last earlier record of the same instrument, at any age (used for the phase). */
  previous: InstrumentAnswers | null;
  /** Earlier records of any instrument, newest first; rules apply their own time windows. */
  history?: readonly PastRecord[] | undefined;
  flags?: { newConfusion?: boolean | undefined; breathingSuddenlyWorse?: boolean | undefined } | undefined;
  coping?: Coping | undefined;
}

/**
 * One value behind a finding, as codes and numbers (the reader's screen puts them in words):
 * `item` is an ESAS-r item, `pain` (any pain scale) or `pps`; `scale` is the instrument it was
 * taken with; `previous*` the value it was compared with.
 */
export interface Reading {
  item: string;
  value: number;
  scale: string;
  label?: string;
  previous?: number;
  previousScale?: string;
  previousAt?: string;
  best?: number;
  bestAt?: string;
}

export interface TriageFinding {
  ruleId: string;
  severity: AlertSeverity;
  audience: AlertAudience;
  facts: Record<string, unknown>;
  /** A severe symptom also needs an in-person follow-up within `followUpHours`. */
  followUp: boolean;
}

export interface TriageRule {
  id: string;
  severity: AlertSeverity;
  audience: AlertAudience;
  followUp: boolean;
  /** Where the threshold comes from. */
  source: string;
  /** The facts that fired the rule, or null when it does not fire. */
  evaluate(input: TriageInput, s: TriageSettings): Record<string, unknown> | null;
}

/** The pain scales, all 0-10; FLACC and r-FLACC are observed, FACES and ESAS-r self-reported (§2.7). */
const painScales = new Set(['esas_r', 'faces', 'flacc', 'r_flacc']);

/** The patient's pain on the record's own scale (ESAS-r pain, FACES score, FLACC/r-FLACC total). */
export function painOf(a: { instrument: string; answers: unknown } | null): number | undefined {
  if (!a || !painScales.has(a.instrument)) return undefined;
  const answers = a.answers as Record<string, unknown>;
  if (a.instrument === 'esas_r') return num(answers.pain);
  if (a.instrument === 'faces') return num(answers.score);
  const items = ['face', 'legs', 'activity', 'cry', 'consolability'].map((k) => num(answers[k]));
  return items.every((v) => v !== undefined) ? items.reduce((t, v) => t + v!, 0) : undefined;
}
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** The value of one item in a record: `pain` on any pain scale, an ESAS-r item, or the PPS level. */
function itemOf(r: { instrument: string; answers: unknown }, item: string): number | undefined {
  if (item === 'pain') return painOf(r);
  if (item === 'pps') return r.instrument === 'pps' ? scorePps(r.answers as PpsAnswers).level : undefined;
  return r.instrument === 'esas_r' ? num((r.answers as Record<string, unknown>)[item]) : undefined;
}

const hoursBetween = (a: Date, b: Date) => (a.getTime() - b.getTime()) / 3_600_000;

/** Earlier records taken within `hours` before the new one, newest first. */
function within(input: TriageInput, hours: number): readonly PastRecord[] {
  const history = input.history ?? [];
  if (!input.takenAt) return history;
  const at = input.takenAt;
  return history.filter((r) => hoursBetween(at, r.takenAt) >= 0 && hoursBetween(at, r.takenAt) <= hours);
}

/** The item's own last value in the window: a record that skipped the item is passed over. */
function lastValue(input: TriageInput, item: string, hours: number) {
  for (const r of within(input, hours)) {
    const value = itemOf(r, item);
    if (value !== undefined) return { value, scale: r.instrument, at: r.takenAt.toISOString() };
  }
  return undefined;
}

const bandRank: Record<Band, number> = { none: 0, mild: 1, moderate: 2, severe: 3 };

export const triageRules: readonly TriageRule[] = [
  {
    id: 'symptom.severe',
    severity: 'urgent',
    audience: 'clinical',
    followUp: true,
    source:
      'ESAS-r >= 7 severe (Selby et al. 2010; research §2.1); FLACC/FACES 7-10 severe (§2.7); HOPE symptom follow-up visit',
    evaluate({ current }, s) {
      const readings: Reading[] = [];
      if (current.instrument === 'esas_r') {
        const esas = current.answers;
        for (const item of esasItems) {
          const v = esas[item];
          if (v !== undefined && v >= s.severeAt) readings.push({ item, value: v, scale: 'esas_r' });
        }
        if (esas.other && esas.other.score >= s.severeAt)
          readings.push({ item: 'other', label: esas.other.label, value: esas.other.score, scale: 'esas_r' });
      } else {
        const pain = painOf(current);
        if (pain !== undefined && pain >= s.severeAt)
          readings.push({ item: 'pain', value: pain, scale: current.instrument });
      }
      return readings.length ? { readings, threshold: s.severeAt } : null;
    },
  },
  {
    id: 'pain.rising',
    severity: 'review',
    audience: 'clinical',
    followUp: false,
    source:
      'pain >= 4 moderate (Selby et al. 2010; §2.1) and up by >= 2 since its last value; across FLACC, r-FLACC and FACES by band (§2.7)',
    evaluate(input, s) {
      const now = painOf(input.current);
      const before = lastValue(input, 'pain', s.compareWindowHours);
      if (now === undefined || before === undefined || now < s.painReviewAt) return null;
      // the child's scales differ in who rates and how: compare their bands, not their points
      const sameScale = before.scale === input.current.instrument;
      const rose = sameScale
        ? now - before.value >= s.painRiseBy
        : bandRank[nrsBand(now)] > bandRank[nrsBand(before.value)];
      if (!rose) return null;
      const reading: Reading = {
        item: 'pain',
        value: now,
        scale: input.current.instrument,
        previous: before.value,
        previousScale: before.scale,
        previousAt: before.at,
      };
      return { readings: [reading], comparedBy: sameScale ? 'score' : 'band', threshold: s.painReviewAt };
    },
  },
  {
    id: 'breathlessness.new-or-worse',
    severity: 'urgent',
    audience: 'clinical',
    followUp: false,
    source: 'new or worse breathlessness: when families should call the service (seed services; DOMAIN.md)',
    evaluate(input, s) {
      const reported = input.flags?.breathingSuddenlyWorse ? ['breathingSuddenlyWorse'] : [];
      const now = itemOf(input.current, 'breathlessness');
      const before = lastValue(input, 'breathlessness', s.compareWindowHours);
      const readings: Reading[] = [];
      let change: 'new' | 'worse' | null = null;
      if (now !== undefined && before !== undefined) {
        if (before.value === 0 && now > 0) change = 'new';
        else if (now - before.value >= s.breathlessnessRiseBy) change = 'worse';
      }
      if (now !== undefined && (change || reported.length)) {
        readings.push({
          item: 'breathlessness',
          value: now,
          scale: 'esas_r',
          ...(before ? { previous: before.value, previousScale: before.scale, previousAt: before.at } : {}),
        });
      }
      if (!change && !reported.length) return null;
      return { readings, reported, change: change ?? 'reported' };
    },
  },
  {
    id: 'confusion.new',
    severity: 'urgent',
    audience: 'clinical',
    followUp: false,
    source: 'new confusion: when families should call the service (seed services; DOMAIN.md)',
    evaluate: ({ flags }) => (flags?.newConfusion ? { reported: ['newConfusion'] } : null),
  },
  {
    id: 'family.cannot-cope',
    severity: 'review',
    audience: 'psychosocial',
    followUp: false,
    source: 'the family can no longer cope → coordinator and psychologist (issue 4; DOMAIN.md)',
    evaluate: ({ coping }) => (coping === 'cannot_cope' ? { reported: ['cannotCope'] } : null),
  },
  {
    id: 'pps.drop',
    severity: 'review',
    audience: 'clinical',
    followUp: false,
    source: 'PPS down >= 20 points from its best in the window (issue 4; PPSv2 prognostic signal, §2.3)',
    evaluate(input, s) {
      const now = itemOf(input.current, 'pps');
      if (now === undefined) return null;
      let best: { value: number; at: string } | undefined;
      for (const r of within(input, s.ppsWindowDays * 24)) {
        const v = itemOf(r, 'pps');
        if (v !== undefined && (!best || v > best.value)) best = { value: v, at: r.takenAt.toISOString() };
      }
      if (!best || best.value - now < s.ppsDropBy) return null;
      const reading: Reading = { item: 'pps', value: now, scale: 'pps', best: best.value, bestAt: best.at };
      return { readings: [reading], droppedBy: best.value - now, windowDays: s.ppsWindowDays };
    },
  },
  {
    id: 'phase.unstable',
    severity: 'review',
    audience: 'clinical',
    followUp: false,
    source: 'phase becomes unstable (PCOC phase definitions; Benchmark 2: resolve within 3 days)',
    evaluate({ current, previous }) {
      if (current.instrument !== 'phase' || current.answers.phase !== 'unstable') return null;
      const before = previous?.instrument === 'phase' ? previous.answers.phase : null;
      return before === 'unstable' ? null : { phase: 'unstable', previousPhase: before };
    },
  },
  {
    id: 'zbi12.above-cutoff',
    severity: 'review',
    audience: 'psychosocial',
    followUp: false,
    source: 'ZBI-12 at or above the screening cut-off (PMC6497029; §2.8) → psychologist referral',
    evaluate({ current }, s) {
      if (current.instrument !== 'zbi12') return null;
      const { total } = scoreZbi12(current.answers, s.zbi12Cutoff);
      return total >= s.zbi12Cutoff ? { total, max: 48, cutoff: s.zbi12Cutoff } : null;
    },
  },
  {
    id: 'mcsi.at-threshold',
    severity: 'review',
    audience: 'psychosocial',
    followUp: false,
    source:
      'MCSI (Thornton & Travis 2003) at or above the organization threshold (no published cut-off) → psychologist referral',
    evaluate({ current }, s) {
      if (current.instrument !== 'mcsi') return null;
      const { total } = scoreMcsi(current.answers, s.mcsiThreshold);
      return total >= s.mcsiThreshold ? { total, max: mcsiMax, threshold: s.mcsiThreshold } : null;
    },
  },
];

/** Every finding the enabled rules make about one new record. */
export function evaluateTriage(input: TriageInput, settings: TriageSettings): TriageFinding[] {
  const findings: TriageFinding[] = [];
  for (const rule of triageRules) {
    if (settings.disabledRules.includes(rule.id)) continue;
    const facts = rule.evaluate(input, settings);
    if (facts) {
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        audience: rule.audience,
        facts,
        followUp: rule.followUp,
      });
    }
  }
  return findings;
}

/** A finding folded into the alert of a more severe one from the same observation. */
export interface AlsoFinding {
  ruleId: string;
  severity: AlertSeverity;
  audience: AlertAudience;
  facts: Record<string, unknown>;
}

/**
 * One observation raises at most one alert (issue 12): the most severe finding (the earlier rule
 * on a tie), with the others listed in its facts as `also`. The follow-up visit is asked for when
 * any of them asks, and the other audiences are kept so their people can be told too.
 */
export function combineFindings(
  findings: readonly TriageFinding[],
): (TriageFinding & { alsoAudiences: AlertAudience[] }) | null {
  if (!findings.length) return null;
  const ordered = [...findings].sort((a, b) => severityRank[b.severity] - severityRank[a.severity]);
  const top = ordered[0]!;
  const rest = ordered.slice(1);
  const also: AlsoFinding[] = rest.map(({ ruleId, severity, audience, facts }) => ({
    ruleId,
    severity,
    audience,
    facts,
  }));
  return {
    ...top,
    facts: also.length ? { ...top.facts, also } : top.facts,
    followUp: findings.some((f) => f.followUp),
    alsoAudiences: [...new Set(rest.map((f) => f.audience))].filter((a) => a !== top.audience),
  };
}

/** Every reading in the facts, including those of the folded-in findings. */
function readingsOf(facts: Record<string, unknown>): Reading[] {
  const own = Array.isArray(facts.readings) ? (facts.readings as Reading[]) : [];
  const also = Array.isArray(facts.also) ? (facts.also as AlsoFinding[]) : [];
  return [...own, ...also.flatMap((a) => readingsOf(a.facts))];
}
function reportedOf(facts: Record<string, unknown>): string[] {
  const own = Array.isArray(facts.reported) ? (facts.reported as string[]) : [];
  const also = Array.isArray(facts.also) ? (facts.also as AlsoFinding[]) : [];
  return [...own, ...also.flatMap((a) => reportedOf(a.facts))];
}

/**
 * Are the new facts of a repeated alert worse than the ones it had? Worse: any reading higher
 * than the same item's earlier value (PPS: lower), a reading or a reported sign that was not
 * there, or a higher total on a caregiver screening.
 */
export function isWorse(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  const old = new Map<string, number>();
  for (const r of readingsOf(before)) {
    const key = `${r.item}:${r.label ?? ''}`;
    const prev = old.get(key);
    const worse = (a: number, b: number) => (r.item === 'pps' ? a < b : a > b);
    if (prev === undefined || worse(r.value, prev)) old.set(key, r.value);
  }
  for (const r of readingsOf(after)) {
    const prev = old.get(`${r.item}:${r.label ?? ''}`);
    if (prev === undefined) return true;
    if (r.item === 'pps' ? r.value < prev : r.value > prev) return true;
  }
  const reportedBefore = new Set(reportedOf(before));
  if (reportedOf(after).some((x) => !reportedBefore.has(x))) return true;
  return typeof after.total === 'number' && typeof before.total === 'number' && after.total > before.total;
}

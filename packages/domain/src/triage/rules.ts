import { z } from 'zod';
import type { AlertAudience, AlertSeverity } from '../alerts/schemas.ts';
import {
  bradenBandsSchema,
  caregiverInstruments,
  defaultBradenBands,
  defaultMcsiThreshold,
  defaultZbi12Cutoff,
  esasItems,
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
export const triageRuleSetVersion = '2026.11-2';

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
});
export type TriageSettings = z.infer<typeof triageSettingsSchema>;

export interface TriageInput {
  current: InstrumentAnswers;
  /** The last earlier record of the same instrument for this patient, if any. */
  previous: InstrumentAnswers | null;
  flags?: { newConfusion?: boolean | undefined; breathingSuddenlyWorse?: boolean | undefined } | undefined;
  coping?: Coping | undefined;
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

/** The patient's pain on the record's own scale (ESAS-r pain, FACES score, FLACC total). */
export function painOf(a: InstrumentAnswers | null): number | undefined {
  if (!a) return undefined;
  if (a.instrument === 'esas_r') return a.answers.pain;
  if (a.instrument === 'faces') return a.answers.score;
  if (a.instrument === 'flacc') {
    const f = a.answers;
    return f.face + f.legs + f.activity + f.cry + f.consolability;
  }
  return undefined;
}

const esasOf = (a: InstrumentAnswers | null) => (a?.instrument === 'esas_r' ? a.answers : null);

export const triageRules: readonly TriageRule[] = [
  {
    id: 'symptom.severe',
    severity: 'urgent',
    audience: 'clinical',
    followUp: true,
    source: 'ESAS-r >= 7 severe (Selby et al. 2010); FLACC 7-10 severe; HOPE symptom follow-up visit',
    evaluate({ current }, s) {
      const severe: Record<string, number> = {};
      const esas = esasOf(current);
      if (esas) {
        for (const item of esasItems) if ((esas[item] ?? 0) >= s.severeAt) severe[item] = esas[item]!;
        if (esas.other && esas.other.score >= s.severeAt)
          severe[`other:${esas.other.label}`] = esas.other.score;
      } else if (current.instrument === 'faces' || current.instrument === 'flacc') {
        const pain = painOf(current)!;
        if (pain >= s.severeAt) severe.pain = pain;
      }
      return Object.keys(severe).length ? { severe, threshold: s.severeAt } : null;
    },
  },
  {
    id: 'pain.rising',
    severity: 'review',
    audience: 'clinical',
    followUp: false,
    source: 'pain >= 4 moderate (Selby et al. 2010) and up by >= 2 since the last record (issue 4)',
    evaluate({ current, previous }, s) {
      const now = painOf(current);
      const before = previous?.instrument === current.instrument ? painOf(previous) : undefined;
      if (now === undefined || before === undefined) return null;
      if (now >= s.painReviewAt && now - before >= s.painRiseBy) {
        return { pain: now, previousPain: before, risenBy: now - before, threshold: s.painReviewAt };
      }
      return null;
    },
  },
  {
    id: 'breathlessness.new-or-worse',
    severity: 'urgent',
    audience: 'clinical',
    followUp: false,
    source: 'new or worse breathlessness: when families should call the service (seed services; DOMAIN.md)',
    evaluate({ current, previous, flags }, s) {
      if (flags?.breathingSuddenlyWorse) return { reported: 'breathing suddenly worse' };
      const now = esasOf(current)?.breathlessness;
      const before = esasOf(previous)?.breathlessness;
      if (now === undefined || before === undefined) return null;
      if (before === 0 && now > 0) return { breathlessness: now, previous: before, change: 'new' };
      if (now - before >= s.breathlessnessRiseBy)
        return { breathlessness: now, previous: before, change: 'worse' };
      return null;
    },
  },
  {
    id: 'confusion.new',
    severity: 'urgent',
    audience: 'clinical',
    followUp: false,
    source: 'new confusion: when families should call the service (seed services; DOMAIN.md)',
    evaluate: ({ flags }) => (flags?.newConfusion ? { reported: 'new confusion' } : null),
  },
  {
    id: 'family.cannot-cope',
    severity: 'review',
    audience: 'psychosocial',
    followUp: false,
    source: 'the family can no longer cope → coordinator and psychologist (issue 4; DOMAIN.md)',
    evaluate: ({ coping }) => (coping === 'cannot_cope' ? { coping } : null),
  },
  {
    id: 'pps.drop',
    severity: 'review',
    audience: 'clinical',
    followUp: false,
    source: 'PPS drop of >= 20 points since the last record (issue 4; PPSv2 prognostic signal)',
    evaluate({ current, previous }, s) {
      if (current.instrument !== 'pps' || previous?.instrument !== 'pps') return null;
      const now = scorePps(current.answers).level;
      const before = scorePps(previous.answers).level;
      return before - now >= s.ppsDropBy ? { pps: now, previousPps: before, droppedBy: before - now } : null;
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
    source: 'ZBI-12 at or above the screening cut-off (PMC6497029) → psychologist referral',
    evaluate({ current }, s) {
      if (current.instrument !== 'zbi12') return null;
      const { total } = scoreZbi12(current.answers, s.zbi12Cutoff);
      return total >= s.zbi12Cutoff ? { total, cutoff: s.zbi12Cutoff } : null;
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
      return total >= s.mcsiThreshold ? { total, threshold: s.mcsiThreshold } : null;
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { esasItems, mcsiItemKeys, ppsLevels, zbi12ItemNumbers } from '../assessments/scales.ts';
import type { InstrumentAnswers } from '../assessments/schemas.ts';
import { evaluateTriage, triageRules, triageSettingsSchema } from './rules.ts';

const defaults = triageSettingsSchema.parse({});
const takenAt = new Date('2026-12-02T12:00:00Z');
const hoursAgo = (h: number) => new Date(takenAt.getTime() - h * 3_600_000);
/** The previous record as the one-record history an hour earlier. */
const fired = (
  current: InstrumentAnswers,
  previous: InstrumentAnswers | null = null,
  extra = {},
  s = defaults,
) =>
  evaluateTriage(
    {
      current,
      previous,
      takenAt,
      history: previous ? [{ ...previous, takenAt: hoursAgo(1) }] : [],
      ...extra,
    },
    s,
  ).map((f) => f.ruleId);
const esas = (answers: Record<string, number>): InstrumentAnswers => ({ instrument: 'esas_r', answers });
const score = fc.integer({ min: 0, max: 10 });

describe('default triage rules (issue 4), each on its boundaries', () => {
  it('any ESAS item ≥ 7 is severe → urgent, with a 48 h follow-up; 6 is not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...esasItems),
        score,
        fc.integer({ min: 1, max: 10 }),
        (item, v, severeAt) => {
          const s = { ...defaults, severeAt };
          const findings = evaluateTriage({ current: esas({ [item]: v }), previous: null }, s);
          const severe = findings.find((f) => f.ruleId === 'symptom.severe');
          expect(!!severe).toBe(v >= severeAt);
          if (severe) {
            expect(severe.severity).toBe('urgent');
            expect(severe.followUp).toBe(true);
            expect(severe.facts).toEqual({
              readings: [{ item, value: v, scale: 'esas_r' }],
              threshold: severeAt,
            });
          }
        },
      ),
    );
    expect(fired(esas({ pain: 6 }))).not.toContain('symptom.severe');
    expect(fired(esas({ pain: 7 }))).toContain('symptom.severe');
    expect(fired({ instrument: 'faces', answers: { score: 8 } })).toContain('symptom.severe');
    expect(fired({ instrument: 'faces', answers: { score: 6 } })).not.toContain('symptom.severe');
  });

  it('pain ≥ 4 and up by ≥ 2 since the last record → review', () => {
    fc.assert(
      fc.property(score, score, (before, now) => {
        const got = fired(esas({ pain: now }), esas({ pain: before })).includes('pain.rising');
        expect(got).toBe(now >= 4 && now - before >= 2);
      }),
    );
    expect(fired(esas({ pain: 4 }), esas({ pain: 2 }))).toContain('pain.rising');
    expect(fired(esas({ pain: 4 }), esas({ pain: 3 }))).not.toContain('pain.rising');
    expect(fired(esas({ pain: 3 }), esas({ pain: 0 }))).not.toContain('pain.rising');
    expect(fired(esas({ pain: 9 }))).not.toContain('pain.rising');
  });

  it('new or worse breathlessness (from 0, or up by ≥ 2), or breathing suddenly worse → urgent', () => {
    fc.assert(
      fc.property(score, score, (before, now) => {
        const got = fired(esas({ breathlessness: now }), esas({ breathlessness: before })).includes(
          'breathlessness.new-or-worse',
        );
        expect(got).toBe((before === 0 && now > 0) || now - before >= 2);
      }),
    );
    expect(fired(esas({ pain: 1 }), null, { flags: { breathingSuddenlyWorse: true } })).toContain(
      'breathlessness.new-or-worse',
    );
  });

  it('new confusion → urgent; "cannot cope" → psychosocial (coordinator and psychologist)', () => {
    expect(fired(esas({ pain: 1 }), null, { flags: { newConfusion: true } })).toContain('confusion.new');
    expect(fired(esas({ pain: 1 }), null, { flags: { newConfusion: false } })).not.toContain('confusion.new');
    const coping = evaluateTriage(
      { current: esas({ pain: 1 }), previous: null, coping: 'cannot_cope' },
      defaults,
    );
    expect(coping.find((f) => f.ruleId === 'family.cannot-cope')?.audience).toBe('psychosocial');
    expect(fired(esas({ pain: 1 }), null, { coping: 'struggling' })).not.toContain('family.cannot-cope');
  });

  it('a PPS drop of ≥ 20 points → review', () => {
    const pps = (level: number): InstrumentAnswers => ({ instrument: 'pps', answers: { level } as never });
    fc.assert(
      fc.property(fc.constantFrom(...ppsLevels), fc.constantFrom(...ppsLevels), (before, now) => {
        expect(fired(pps(now), pps(before)).includes('pps.drop')).toBe(before - now >= 20);
      }),
    );
    expect(fired(pps(50), pps(70))).toContain('pps.drop');
    expect(fired(pps(60), pps(70))).not.toContain('pps.drop');
  });

  it('the phase becoming unstable → review (not when it already was)', () => {
    const phase = (p: string): InstrumentAnswers => ({ instrument: 'phase', answers: { phase: p } as never });
    expect(fired(phase('unstable'), phase('stable'))).toContain('phase.unstable');
    expect(fired(phase('unstable'), null)).toContain('phase.unstable');
    expect(fired(phase('unstable'), phase('unstable'))).not.toContain('phase.unstable');
    expect(fired(phase('deteriorating'), phase('stable'))).not.toContain('phase.unstable');
  });

  it('ZBI-12 at or above its cut-off → psychologist referral', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 12, maxLength: 12 }), (values) => {
        const items = Object.fromEntries(zbi12ItemNumbers.map((n, i) => [`q${n}`, values[i]!]));
        const total = values.reduce((a, b) => a + b, 0);
        const got = fired({ instrument: 'zbi12', answers: { items } as never });
        expect(got.includes('zbi12.above-cutoff')).toBe(total >= 13);
      }),
    );
  });

  it('MCSI at or above the organization threshold (default 10) → psychologist referral', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 13, maxLength: 13 }),
        fc.integer({ min: 1, max: 26 }),
        (values, threshold) => {
          const items = Object.fromEntries(mcsiItemKeys.map((k, i) => [k, values[i]!]));
          const total = values.reduce((a, b) => a + b, 0);
          const current = { instrument: 'mcsi', answers: { items } } as InstrumentAnswers;
          const got = fired(current).includes('mcsi.at-threshold');
          expect(got).toBe(total >= 10);
          const tuned = evaluateTriage(
            { current, previous: null },
            { ...defaults, mcsiThreshold: threshold },
          );
          expect(tuned.some((f) => f.ruleId === 'mcsi.at-threshold')).toBe(total >= threshold);
        },
      ),
    );
  });

  it('skips rules an organization switched off, and every rule names its source', () => {
    const s = { ...defaults, disabledRules: ['symptom.severe'] };
    expect(fired(esas({ pain: 9 }), null, {}, s)).not.toContain('symptom.severe');
    for (const rule of triageRules) expect(rule.source.length).toBeGreaterThan(10);
  });
});

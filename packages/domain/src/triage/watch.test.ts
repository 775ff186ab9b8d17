import { describe, expect, it } from 'vitest';
import { pressureScaleFor, scoreBradenQ } from '../assessments/scales.ts';
import type { InstrumentAnswers } from '../assessments/schemas.ts';
import { alertFactLines } from './fact-lines.ts';
import { combineFindings, evaluateTriage, isWorse, type PastRecord, triageSettingsSchema } from './rules.ts';

const s = triageSettingsSchema.parse({});
const takenAt = new Date('2026-12-02T12:00:00Z');
const ago = (hours: number) => new Date(takenAt.getTime() - hours * 3_600_000);
const past = (instrument: string, answers: Record<string, unknown>, hours: number): PastRecord => ({
  instrument,
  answers,
  takenAt: ago(hours),
});
const run = (current: InstrumentAnswers, history: PastRecord[], extra = {}, settings = s) =>
  evaluateTriage({ current, takenAt, previous: null, history, ...extra }, settings);
const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);
const flacc = (total: number): InstrumentAnswers => {
  const [face, legs, activity, cry, consolability] = [0, 1, 2, 3, 4].map((i) =>
    Math.min(2, Math.max(0, total - 2 * i)),
  ) as [number, number, number, number, number];
  return { instrument: 'flacc', answers: { face, legs, activity, cry, consolability } };
};

describe('each item is compared with its own last value in the window', () => {
  it('a pain rise is caught when the last diary entry skipped pain', () => {
    const history = [past('esas_r', { tiredness: 5 }, 2), past('esas_r', { pain: 3 }, 20)];
    const f = run({ instrument: 'esas_r', answers: { pain: 6 } }, history);
    const rising = f.find((x) => x.ruleId === 'pain.rising');
    expect(rising?.facts).toMatchObject({
      readings: [{ item: 'pain', value: 6, previous: 3, previousScale: 'esas_r' }],
      comparedBy: 'score',
    });
  });

  it('a value older than the window is not a baseline (setting compareWindowHours)', () => {
    const old = [past('esas_r', { pain: 1 }, 200)];
    expect(ids(run({ instrument: 'esas_r', answers: { pain: 6 } }, old))).not.toContain('pain.rising');
    const wide = { ...s, compareWindowHours: 240 };
    expect(ids(run({ instrument: 'esas_r', answers: { pain: 6 } }, old, {}, wide))).toContain('pain.rising');
  });

  it('PPS is compared with its best in the last N days: 70 → 60 → 50 fires at 50', () => {
    const pps = (level: number): InstrumentAnswers => ({ instrument: 'pps', answers: { level } as never });
    expect(ids(run(pps(60), [past('pps', { level: 70 }, 72)]))).not.toContain('pps.drop');
    const f = run(pps(50), [past('pps', { level: 60 }, 72), past('pps', { level: 70 }, 144)]);
    expect(f.find((x) => x.ruleId === 'pps.drop')?.facts).toMatchObject({
      readings: [{ item: 'pps', value: 50, best: 70 }],
      droppedBy: 20,
      windowDays: 30,
    });
    // outside ppsWindowDays the best value no longer counts
    const narrow = { ...s, ppsWindowDays: 5 };
    expect(
      ids(run(pps(50), [past('pps', { level: 60 }, 72), past('pps', { level: 70 }, 144)], {}, narrow)),
    ).not.toContain('pps.drop');
  });
});

describe("children's pain scales compare by band across FLACC, r-FLACC and FACES", () => {
  it('FLACC 4 after FACES 4 two days earlier is not a rise (no "from 0")', () => {
    expect(ids(run(flacc(4), [past('faces', { score: 4 }, 48)]))).toEqual([]);
  });

  it('FLACC 8 after FACES 4 rose a band, compared by band, with FACES as the earlier value', () => {
    const f = run(flacc(8), [past('faces', { score: 4 }, 48)]);
    const rising = f.find((x) => x.ruleId === 'pain.rising');
    expect(rising?.facts).toMatchObject({
      comparedBy: 'band',
      readings: [{ value: 8, scale: 'flacc', previous: 4, previousScale: 'faces' }],
    });
  });

  it('r-FLACC scores like FLACC and compares with an earlier FLACC by score', () => {
    const r: InstrumentAnswers = {
      instrument: 'r_flacc',
      answers: {
        face: 2,
        legs: 1,
        activity: 1,
        cry: 1,
        consolability: 1,
        individual: { face: 'grinds teeth' },
      },
    };
    expect(
      ids(run(r, [past('r_flacc', { face: 0, legs: 1, activity: 1, cry: 0, consolability: 1 }, 5)])),
    ).toContain('pain.rising');
  });
});

describe('one alert per observation', () => {
  it('keeps the most severe finding and lists the others in its facts', () => {
    const f = run(
      { instrument: 'esas_r', answers: { pain: 9, breathlessness: 5 } },
      [past('esas_r', { pain: 3, breathlessness: 2 }, 3)],
      {
        coping: 'cannot_cope',
      },
    );
    expect(ids(f)).toEqual([
      'symptom.severe',
      'pain.rising',
      'breathlessness.new-or-worse',
      'family.cannot-cope',
    ]);
    const one = combineFindings(f)!;
    expect(one.ruleId).toBe('symptom.severe');
    expect(one.severity).toBe('urgent');
    expect(one.followUp).toBe(true);
    expect(one.alsoAudiences).toEqual(['psychosocial']);
    expect((one.facts.also as { ruleId: string }[]).map((a) => a.ruleId)).toEqual([
      'breathlessness.new-or-worse',
      'pain.rising',
      'family.cannot-cope',
    ]);
    expect(combineFindings([])).toBeNull();
  });

  it('"breathing is suddenly much worse" alone is an urgent finding', () => {
    const f = run({ instrument: 'esas_r', answers: {} } as InstrumentAnswers, [], {
      flags: { breathingSuddenlyWorse: true },
    });
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['breathlessness.new-or-worse', 'urgent']]);
  });
});

describe('worse readings on a repeated alert', () => {
  const severe = (pain: number, breathlessness?: number) =>
    combineFindings(
      run({ instrument: 'esas_r', answers: { pain, ...(breathlessness ? { breathlessness } : {}) } }, []),
    )!.facts;
  it('pain 7 → 10 and a new breathlessness 9 are worse; the same values again are not', () => {
    expect(isWorse(severe(7), severe(10))).toBe(true);
    expect(isWorse(severe(7), severe(7, 9))).toBe(true);
    expect(isWorse(severe(10), severe(10))).toBe(false);
    expect(isWorse(severe(10), severe(8))).toBe(false);
  });
  it('for PPS a lower level is worse', () => {
    const drop = (level: number) =>
      run({ instrument: 'pps', answers: { level } as never }, [past('pps', { level: 80 }, 24)])[0]!.facts;
    expect(isWorse(drop(60), drop(40))).toBe(true);
    expect(isWorse(drop(40), drop(60))).toBe(false);
  });
});

describe('fact lines: codes and parameters, never raw keys', () => {
  it('describes each reading and the folded-in findings', () => {
    const one = combineFindings(
      run({ instrument: 'esas_r', answers: { pain: 10 } }, [past('esas_r', { pain: 7 }, 3)], {
        flags: { breathingSuddenlyWorse: true },
      }),
    )!;
    const lines = alertFactLines(one.ruleId, one.facts);
    expect(lines).toContainEqual({
      key: 'severe',
      params: { item: 'pain', value: 10, scale: 'esas_r', threshold: 7 },
    });
    expect(lines).toContainEqual({ key: 'reportedBreathingWorse', params: {} });
    expect(lines.find((l) => l.key === 'painRose')?.params).toMatchObject({ value: 10, previous: 7 });
    for (const l of lines) expect(Object.keys(l.params)).not.toContain('risenBy');
  });
});

describe('Braden Q for young children', () => {
  it('is chosen under the age setting (default 8) and scored 7-28, at risk at 16 or less', () => {
    expect(pressureScaleFor(5)).toBe('braden_q');
    expect(pressureScaleFor(8)).toBe('braden');
    expect(pressureScaleFor(9, 10)).toBe('braden_q');
    const all = (v: number) => ({
      mobility: v,
      activity: v,
      sensoryPerception: v,
      moisture: v,
      frictionShear: v,
      nutrition: v,
      tissuePerfusion: v,
    });
    expect(scoreBradenQ(all(4))).toEqual({ total: 28, atRisk: false, cutoff: 16 });
    expect(scoreBradenQ(all(1))).toMatchObject({ total: 7, atRisk: true });
    expect(scoreBradenQ({ ...all(2), mobility: 4 })).toMatchObject({ total: 16, atRisk: true });
  });
});

import { describe, expect, it } from 'vitest';
import {
  mcsiItemKeys,
  nrsBand,
  painScaleFor,
  ppsFromColumns,
  scoreBraden,
  scoreEsas,
  scoreFlacc,
  scoreIpos,
  scoreMcsi,
  scoreZbi12,
  zbi12ItemNumbers,
} from './scales.ts';
import { assessmentBodySchema, scoreAssessment } from './schemas.ts';

describe('ESAS-r (AHS manual 2019; Selby et al. 2010)', () => {
  it('bands each 0-10 item as none, mild (1-3), moderate (4-6) or severe (7-10)', () => {
    expect([0, 1, 3, 4, 6, 7, 10].map(nrsBand)).toEqual([
      'none',
      'mild',
      'mild',
      'moderate',
      'moderate',
      'severe',
      'severe',
    ]);
  });
  it('sums the nine items into the total distress score only when all are answered', () => {
    const all = {
      pain: 8,
      tiredness: 6,
      drowsiness: 3,
      nausea: 0,
      appetite: 5,
      breathlessness: 2,
      depression: 1,
      anxiety: 4,
      wellbeing: 6,
    };
    expect(scoreEsas(all)).toMatchObject({ total: 35, highest: 8, highestBand: 'severe' });
    expect(scoreEsas({ pain: 3 }).total).toBeNull();
    expect(scoreEsas({ pain: 3, other: { label: 'constipation', score: 7 } }).highestBand).toBe('severe');
  });
  it('refuses an out-of-range score or an empty form', () => {
    expect(assessmentBodySchema.safeParse({ instrument: 'esas_r', answers: { pain: 11 } }).success).toBe(
      false,
    );
    expect(assessmentBodySchema.safeParse({ instrument: 'esas_r', answers: {} }).success).toBe(false);
  });
});

describe('IPOS (pos-pal.org scoring)', () => {
  it('totals 17 items 0-4 into 0-68 with physical, emotional and communication/practical subscales', () => {
    const parsed = assessmentBodySchema.parse({
      instrument: 'ipos',
      answers: Object.fromEntries(
        [
          'pain',
          'breathlessness',
          'weakness',
          'nausea',
          'vomiting',
          'poorAppetite',
          'constipation',
          'mouth',
          'drowsiness',
          'poorMobility',
          'patientAnxious',
          'familyAnxious',
          'depressed',
          'atPeace',
          'sharedFeelings',
          'information',
          'practicalProblems',
        ].map((k) => [k, 4]),
      ),
    });
    expect(parsed.instrument === 'ipos' && scoreIpos(parsed.answers)).toEqual({
      total: 68,
      physical: 40,
      emotional: 16,
      communication: 12,
    });
  });
});

describe('PPSv2 (Victoria Hospice Society): best horizontal fit, left columns first', () => {
  it('reads a fully well person as 100% and death as 0%', () => {
    expect(
      ppsFromColumns({
        ambulation: 'full',
        activity: 'normal_no_disease',
        selfCare: 'full',
        intake: 'normal',
        conscious: 'full',
      }),
    ).toBe(100);
    expect(
      ppsFromColumns({
        ambulation: 'death',
        activity: 'unable_any_activity',
        selfCare: 'total_care',
        intake: 'mouth_care_only',
        conscious: 'coma',
      }),
    ).toBe(0);
  });
  it('scores the guide’s quadriplegic example (totally bed bound, total care, normal intake, alert) at 30%', () => {
    expect(
      ppsFromColumns({
        ambulation: 'totally_bed_bound',
        activity: 'unable_any_activity',
        selfCare: 'total_care',
        intake: 'normal',
        conscious: 'full',
      }),
    ).toBe(30);
  });
  it('scores the guide’s first example (mainly sits or lies, considerable assistance, eats normally, fully alert) at 50%', () => {
    // PPSv2 instructions, Victoria Hospice Society (palliative-research.md §2.3): fatigue keeps the
    // patient sitting or lying most of the day and walking needs considerable assistance → 50%.
    expect(
      ppsFromColumns({
        ambulation: 'mainly_sit_lie',
        activity: 'unable_any_work',
        selfCare: 'considerable_assistance',
        intake: 'normal',
        conscious: 'full',
      }),
    ).toBe(50);
  });
  it('scores the guide’s paraplegic variant (bed bound but feeds self, so not total care) above 30%', () => {
    // Same guide: the quadriplegic patient of example 2 is 30 %; if able to do some self-care the
    // score is higher (40 or 50 %), because "total care" is what places a patient at 30 %.
    expect(
      ppsFromColumns({
        ambulation: 'mainly_in_bed',
        activity: 'unable_most_activity',
        selfCare: 'mainly_assistance',
        intake: 'normal',
        conscious: 'full',
      }),
    ).toBe(40);
  });
  it('reads down for later columns (sips only → 20%, mouth care → 10%) but never back up past the ambulation row', () => {
    const bedBound = {
      ambulation: 'totally_bed_bound',
      activity: 'unable_any_activity',
      selfCare: 'total_care',
      conscious: 'drowsy',
    } as const;
    expect(ppsFromColumns({ ...bedBound, intake: 'minimal_sips' })).toBe(20);
    expect(ppsFromColumns({ ...bedBound, intake: 'mouth_care_only' })).toBe(10);
    expect(
      ppsFromColumns({
        ambulation: 'mainly_in_bed',
        activity: 'normal_no_disease',
        selfCare: 'full',
        intake: 'normal',
        conscious: 'full',
      }),
    ).toBe(40);
    expect(
      ppsFromColumns({
        ambulation: 'reduced',
        activity: 'unable_hobby_housework',
        selfCare: 'occasional_assistance',
        intake: 'reduced',
        conscious: 'confusion',
      }),
    ).toBe(60);
  });
});

describe('Braden (Bergstrom; VA VistA bands)', () => {
  it('totals 6-23 and bands the boundaries ≤9 severe, 10-12 high, 13-14 moderate, 15-18 mild, 19+ none', () => {
    const all = (v: number, fs = v) => ({
      sensoryPerception: v,
      moisture: v,
      activity: v,
      mobility: v,
      nutrition: v,
      frictionShear: fs,
    });
    expect(scoreBraden(all(1))).toEqual({ total: 6, risk: 'severe' });
    expect(scoreBraden(all(4, 3))).toEqual({ total: 23, risk: 'none' });
    const withTotal = (total: number) => {
      const a = all(1);
      let rest = total - 6;
      for (const k of ['sensoryPerception', 'moisture', 'activity', 'mobility', 'nutrition'] as const) {
        const add = Math.min(3, rest);
        a[k] += add;
        rest -= add;
      }
      a.frictionShear += rest;
      return scoreBraden(a).risk;
    };
    expect([9, 10, 12, 13, 14, 15, 18, 19].map(withTotal)).toEqual([
      'severe',
      'high',
      'high',
      'moderate',
      'moderate',
      'mild',
      'mild',
      'none',
    ]);
    expect(scoreBraden(all(2), { severe: 9, high: 12, moderate: 15, mild: 23 }).risk).toBe('high');
  });
});

describe('FLACC (Merkel et al. 1997)', () => {
  it('sums five 0-2 items to 0-10 with the published interpretation', () => {
    expect(scoreFlacc({ face: 0, legs: 0, activity: 0, cry: 0, consolability: 0 })).toEqual({
      total: 0,
      band: 'none',
    });
    expect(scoreFlacc({ face: 1, legs: 1, activity: 1, cry: 0, consolability: 0 })).toEqual({
      total: 3,
      band: 'mild',
    });
    expect(scoreFlacc({ face: 2, legs: 1, activity: 1, cry: 1, consolability: 1 })).toEqual({
      total: 6,
      band: 'moderate',
    });
    expect(scoreFlacc({ face: 2, legs: 2, activity: 1, cry: 1, consolability: 1 })).toEqual({
      total: 7,
      band: 'severe',
    });
  });
});

describe('Wong-Baker FACES and the choice of a child’s pain scale', () => {
  it('accepts only the six face scores 0, 2, 4, 6, 8, 10', () => {
    expect(assessmentBodySchema.safeParse({ instrument: 'faces', answers: { score: 8 } }).success).toBe(true);
    expect(assessmentBodySchema.safeParse({ instrument: 'faces', answers: { score: 5 } }).success).toBe(
      false,
    );
    expect(scoreAssessment({ instrument: 'faces', answers: { score: 8 } })).toEqual({
      score: 8,
      band: 'severe',
    });
  });
  it('uses FLACC under 3 or without self-report, FACES for children from 3, ESAS-r for adults', () => {
    expect(painScaleFor(1, true)).toBe('flacc');
    expect(painScaleFor(12, false)).toBe('flacc');
    expect(painScaleFor(3, true)).toBe('faces');
    expect(painScaleFor(17, true)).toBe('faces');
    expect(painScaleFor(18, true)).toBe('esas_r');
  });
});

describe('ZBI-12 (Bédard et al. 2001), scored by item number', () => {
  it('totals twelve 0-4 items to 0-48 and compares with the cut-off', () => {
    const items = (v: number) => Object.fromEntries(zbi12ItemNumbers.map((n) => [`q${n}`, v])) as never;
    expect(scoreZbi12({ items: items(4) })).toEqual({ total: 48, aboveCutoff: true, cutoff: 13 });
    expect(scoreZbi12({ items: items(1) })).toEqual({ total: 12, aboveCutoff: false, cutoff: 13 });
    expect(scoreZbi12({ items: items(1) }, 12).aboveCutoff).toBe(true);
  });
});

describe('Modified Caregiver Strain Index (Thornton & Travis 2003)', () => {
  const items = (values: number[]) => Object.fromEntries(mcsiItemKeys.map((k, i) => [k, values[i] ?? 0]));
  it('sums thirteen items scored 0 no, 1 sometimes, 2 regularly into 0-26', () => {
    expect(mcsiItemKeys).toHaveLength(13);
    expect(scoreMcsi({ items: items([]) })).toEqual({
      total: 0,
      max: 26,
      atOrAboveThreshold: false,
      threshold: 10,
    });
    expect(scoreMcsi({ items: items(Array(13).fill(2)) }).total).toBe(26);
    // regular strain on 4 items and occasional on 2: 4 × 2 + 2 × 1 = 10, at the default threshold
    expect(scoreMcsi({ items: items([2, 2, 2, 2, 1, 1]) })).toMatchObject({
      total: 10,
      atOrAboveThreshold: true,
    });
    expect(scoreMcsi({ items: items([2, 2, 2, 2, 1]) }, 12).atOrAboveThreshold).toBe(false);
  });
  it('refuses a missing item or a score outside 0-2', () => {
    const all = items(Array(13).fill(1));
    expect(assessmentBodySchema.safeParse({ instrument: 'mcsi', answers: { items: all } }).success).toBe(
      true,
    );
    const { q13: _, ...twelve } = all;
    expect(assessmentBodySchema.safeParse({ instrument: 'mcsi', answers: { items: twelve } }).success).toBe(
      false,
    );
    expect(
      assessmentBodySchema.safeParse({ instrument: 'mcsi', answers: { items: { ...all, q3: 3 } } }).success,
    ).toBe(false);
  });
});

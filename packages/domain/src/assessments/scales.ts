import { z } from 'zod';

/**
 * Scoring of the clinical instruments Hearth records. Facts (items, ranges, bands) follow
 * ../shared/reference/palliative-research.md §2; each block names its source. Wording that is
 * licensed (ZBI-12, Wong-Baker FACES drawings) is not in code: see instrument-licences.md.
 */

export type Band = 'none' | 'mild' | 'moderate' | 'severe';

// ---------------------------------------------------------------------------------------------
// ESAS-r. Source: AHS ESAS-r Administration Manual 2019; Watanabe et al. 2011 (items, order,
// "now"); bands 0 none, 1-3 mild, 4-6 moderate, 7-10 severe; >= 7 severe (Selby et al. 2010).
export const esasItems = [
  'pain',
  'tiredness',
  'drowsiness',
  'nausea',
  'appetite',
  'breathlessness',
  'depression',
  'anxiety',
  'wellbeing',
] as const;
export type EsasItem = (typeof esasItems)[number];

const nrs = z.number().int().min(0).max(10);
export const esasAnswersSchema = z
  .object({
    ...(Object.fromEntries(esasItems.map((i) => [i, nrs.optional()])) as Record<
      EsasItem,
      z.ZodOptional<typeof nrs>
    >),
    other: z.object({ label: z.string().trim().min(1).max(60), score: nrs }).optional(),
  })
  .refine((a) => esasItems.some((i) => a[i] !== undefined) || a.other !== undefined, {
    message: 'Rate at least one symptom.',
  });
export type EsasAnswers = z.infer<typeof esasAnswersSchema>;

/** ESAS-r / NRS bands (0 none, 1-3 mild, 4-6 moderate, 7-10 severe). */
export function nrsBand(score: number): Band {
  if (score <= 0) return 'none';
  if (score <= 3) return 'mild';
  if (score <= 6) return 'moderate';
  return 'severe';
}

export function scoreEsas(a: EsasAnswers) {
  const answered = esasItems.filter((i) => a[i] !== undefined);
  const bands = Object.fromEntries(answered.map((i) => [i, nrsBand(a[i]!)])) as Partial<
    Record<EsasItem, Band>
  >;
  // Total symptom distress: sum of the nine items when all are answered (AHS manual).
  const total = answered.length === esasItems.length ? answered.reduce((s, i) => s + a[i]!, 0) : null;
  const max = Math.max(...answered.map((i) => a[i]!), a.other?.score ?? 0);
  return { total, bands, highest: max, highestBand: nrsBand(max) };
}

// ---------------------------------------------------------------------------------------------
// IPOS. Source: pos-pal.org/maix/how-to-score.php — 17 scored items, each 0-4 (0 best);
// total 0-68; subscales physical (10 symptom items), emotional (4), communication/practical (3).
// The subscale split below (emotional = Q3-Q6, communication/practical = Q7-Q9) is taken from the
// developers' scoring guide; verify against the registered pos-pal.org download before release.
export const iposSymptomItems = [
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
] as const;
export const iposEmotionalItems = ['patientAnxious', 'familyAnxious', 'depressed', 'atPeace'] as const;
export const iposCommunicationItems = ['sharedFeelings', 'information', 'practicalProblems'] as const;
const ipos04 = z.number().int().min(0).max(4);
const iposKeys = [...iposSymptomItems, ...iposEmotionalItems, ...iposCommunicationItems] as const;
type IposKey = (typeof iposKeys)[number];
export const iposAnswersSchema = z.object({
  ...(Object.fromEntries(iposKeys.map((k) => [k, ipos04])) as Record<IposKey, typeof ipos04>),
  mainProblems: z.string().trim().max(1000).optional(),
  recallDays: z.union([z.literal(3), z.literal(7)]).default(3),
  completedBy: z.enum(['patient_alone', 'helped_by_family', 'helped_by_staff', 'staff']).default('staff'),
});
export type IposAnswers = z.infer<typeof iposAnswersSchema>;

export function scoreIpos(a: IposAnswers) {
  const sum = (keys: readonly IposKey[]) => keys.reduce((s, k) => s + a[k], 0);
  const physical = sum(iposSymptomItems);
  const emotional = sum(iposEmotionalItems);
  const communication = sum(iposCommunicationItems);
  return { total: physical + emotional + communication, physical, emotional, communication };
}

// ---------------------------------------------------------------------------------------------
// Palliative Performance Scale v2. Source: PPSv2, Victoria Hospice Society (table in §2.3).
// Best horizontal fit with left-hand columns taking precedence; the columns are not averaged.
export const ppsLevels = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0] as const;
export type PpsLevel = (typeof ppsLevels)[number];
export const ppsAmbulation = [
  'full',
  'reduced',
  'mainly_sit_lie',
  'mainly_in_bed',
  'totally_bed_bound',
  'death',
] as const;
export const ppsActivity = [
  'normal_no_disease',
  'normal_some_disease',
  'normal_with_effort',
  'unable_normal_work',
  'unable_hobby_housework',
  'unable_any_work',
  'unable_most_activity',
  'unable_any_activity',
] as const;
export const ppsSelfCare = [
  'full',
  'occasional_assistance',
  'considerable_assistance',
  'mainly_assistance',
  'total_care',
] as const;
export const ppsIntake = ['normal', 'reduced', 'minimal_sips', 'mouth_care_only'] as const;
export const ppsConscious = ['full', 'confusion', 'drowsy', 'coma'] as const;

type Row = { level: PpsLevel; amb: string; act: string; sc: string; intake: string[]; conc: string[] };
const ppsTable: Row[] = [
  { level: 100, amb: 'full', act: 'normal_no_disease', sc: 'full', intake: ['normal'], conc: ['full'] },
  { level: 90, amb: 'full', act: 'normal_some_disease', sc: 'full', intake: ['normal'], conc: ['full'] },
  {
    level: 80,
    amb: 'full',
    act: 'normal_with_effort',
    sc: 'full',
    intake: ['normal', 'reduced'],
    conc: ['full'],
  },
  {
    level: 70,
    amb: 'reduced',
    act: 'unable_normal_work',
    sc: 'full',
    intake: ['normal', 'reduced'],
    conc: ['full'],
  },
  {
    level: 60,
    amb: 'reduced',
    act: 'unable_hobby_housework',
    sc: 'occasional_assistance',
    intake: ['normal', 'reduced'],
    conc: ['full', 'confusion'],
  },
  {
    level: 50,
    amb: 'mainly_sit_lie',
    act: 'unable_any_work',
    sc: 'considerable_assistance',
    intake: ['normal', 'reduced'],
    conc: ['full', 'confusion'],
  },
  {
    level: 40,
    amb: 'mainly_in_bed',
    act: 'unable_most_activity',
    sc: 'mainly_assistance',
    intake: ['normal', 'reduced'],
    conc: ['full', 'drowsy', 'confusion'],
  },
  {
    level: 30,
    amb: 'totally_bed_bound',
    act: 'unable_any_activity',
    sc: 'total_care',
    intake: ['normal', 'reduced'],
    conc: ['full', 'drowsy', 'confusion'],
  },
  {
    level: 20,
    amb: 'totally_bed_bound',
    act: 'unable_any_activity',
    sc: 'total_care',
    intake: ['minimal_sips'],
    conc: ['full', 'drowsy', 'confusion'],
  },
  {
    level: 10,
    amb: 'totally_bed_bound',
    act: 'unable_any_activity',
    sc: 'total_care',
    intake: ['mouth_care_only'],
    conc: ['drowsy', 'coma', 'confusion'],
  },
  { level: 0, amb: 'death', act: '', sc: '', intake: [], conc: [] },
];

export const ppsColumnsSchema = z.object({
  ambulation: z.enum(ppsAmbulation),
  activity: z.enum(ppsActivity),
  selfCare: z.enum(ppsSelfCare),
  intake: z.enum(ppsIntake),
  conscious: z.enum(ppsConscious),
});
export type PpsColumns = z.infer<typeof ppsColumnsSchema>;

/**
 * The PPSv2 reading rule: find the first row matching ambulation, then read down from there to
 * the first row matching activity, then self-care, intake and conscious level; a column that
 * matches no row at or below the current one leaves the level where it is (left columns win).
 */
export function ppsFromColumns(c: PpsColumns): PpsLevel {
  if (c.ambulation === 'death') return 0;
  let i = ppsTable.findIndex((r) => r.amb === c.ambulation);
  const down = (match: (r: Row) => boolean) => {
    const j = ppsTable.findIndex((r, k) => k >= i && r.level > 0 && match(r));
    if (j >= 0) i = j;
  };
  down((r) => r.act === c.activity);
  down((r) => r.sc === c.selfCare);
  down((r) => r.intake.includes(c.intake));
  down((r) => r.conc.includes(c.conscious));
  return ppsTable[i]!.level;
}

export const ppsAnswersSchema = z.union([
  z.object({
    level: z.union(
      ppsLevels.map((l) => z.literal(l)) as [z.ZodLiteral<PpsLevel>, ...z.ZodLiteral<PpsLevel>[]],
    ),
  }),
  z.object({ columns: ppsColumnsSchema }),
]);
export type PpsAnswers = z.infer<typeof ppsAnswersSchema>;
export const scorePps = (a: PpsAnswers) => ({ level: 'level' in a ? a.level : ppsFromColumns(a.columns) });

// ---------------------------------------------------------------------------------------------
// Braden. Source: Braden/Bergstrom form (cliniborg.com; abg.ninja): six subscales, total 6-23,
// lower = higher risk; default bands from the VA VistA template (<=9 severe, 10-12 high,
// 13-14 moderate, 15-18 mild, 19-23 not at risk); an organization may set other bands.
const b14 = z.number().int().min(1).max(4);
export const bradenAnswersSchema = z.object({
  sensoryPerception: b14,
  moisture: b14,
  activity: b14,
  mobility: b14,
  nutrition: b14,
  frictionShear: z.number().int().min(1).max(3),
});
export type BradenAnswers = z.infer<typeof bradenAnswersSchema>;
export type BradenRisk = 'severe' | 'high' | 'moderate' | 'mild' | 'none';
/** Upper bounds (inclusive) of each risk band. */
export const bradenBandsSchema = z
  .object({
    severe: z.number().int(),
    high: z.number().int(),
    moderate: z.number().int(),
    mild: z.number().int(),
  })
  .refine((b) => b.severe < b.high && b.high < b.moderate && b.moderate < b.mild, 'Bands must increase.');
export type BradenBands = z.infer<typeof bradenBandsSchema>;
export const defaultBradenBands: BradenBands = { severe: 9, high: 12, moderate: 14, mild: 18 };
export function scoreBraden(a: BradenAnswers, bands: BradenBands = defaultBradenBands) {
  const total = a.sensoryPerception + a.moisture + a.activity + a.mobility + a.nutrition + a.frictionShear;
  const risk: BradenRisk =
    total <= bands.severe
      ? 'severe'
      : total <= bands.high
        ? 'high'
        : total <= bands.moderate
          ? 'moderate'
          : total <= bands.mild
            ? 'mild'
            : 'none';
  return { total, risk };
}

// ---------------------------------------------------------------------------------------------
// FLACC. Source: Merkel et al. 1997 (en.wikipedia.org/wiki/FLACC_scale; interpretation bands
// download.skyscape.com): five items 0-2, total 0-10; 0 relaxed, 1-3 mild discomfort, 4-6
// moderate pain, 7-10 severe. Ages 2 months to 7 years, or non-verbal / cognitively impaired.
const f02 = z.number().int().min(0).max(2);
export const flaccAnswersSchema = z.object({
  face: f02,
  legs: f02,
  activity: f02,
  cry: f02,
  consolability: f02,
});
export type FlaccAnswers = z.infer<typeof flaccAnswersSchema>;
export function scoreFlacc(a: FlaccAnswers) {
  const total = a.face + a.legs + a.activity + a.cry + a.consolability;
  return { total, band: nrsBand(total) };
}

/**
 * r-FLACC (revised FLACC, Malviya et al. 2006; palliative-research.md §2.7): the same five items
 * and 0-10 total, with room for the parents' description of how THIS child shows pain in each
 * item (for children with cognitive impairment). The individual wording is the family's own.
 */
const individualBehaviour = z.string().trim().max(300);
export const rFlaccAnswersSchema = flaccAnswersSchema.extend({
  individual: z
    .object({
      face: individualBehaviour.optional(),
      legs: individualBehaviour.optional(),
      activity: individualBehaviour.optional(),
      cry: individualBehaviour.optional(),
      consolability: individualBehaviour.optional(),
    })
    .optional(),
});
export type RFlaccAnswers = z.infer<typeof rFlaccAnswersSchema>;
export const flaccItems = ['face', 'legs', 'activity', 'cry', 'consolability'] as const;

// ---------------------------------------------------------------------------------------------
// Braden Q, the paediatric Braden scale. Source: Quigley & Curley 1996 (J Soc Pediatr Nurs 1:7),
// designed for children from 21 days to 8 years; cut-off from Curley et al. 2003 (Nurs Res
// 52:22): a total of 16 or less is at risk. Seven subscales each 1-4 (the six Braden ones with
// friction and shear scored 1-4, plus tissue perfusion and oxygenation); total 7-28, lower =
// higher risk. The age under which Braden Q replaces Braden is an organization setting
// (`triage.bradenQUnderYears`, default 8 from the source).
export const bradenQSubscales = [
  'mobility',
  'activity',
  'sensoryPerception',
  'moisture',
  'frictionShear',
  'nutrition',
  'tissuePerfusion',
] as const;
export const bradenQAnswersSchema = z.object(
  Object.fromEntries(bradenQSubscales.map((k) => [k, b14])) as Record<
    (typeof bradenQSubscales)[number],
    typeof b14
  >,
);
export type BradenQAnswers = z.infer<typeof bradenQAnswersSchema>;
export const defaultBradenQUnderYears = 8;
export const bradenQAtRiskAtOrBelow = 16;
export function scoreBradenQ(a: BradenQAnswers) {
  const total = bradenQSubscales.reduce((s, k) => s + a[k], 0);
  return { total, atRisk: total <= bradenQAtRiskAtOrBelow, cutoff: bradenQAtRiskAtOrBelow };
}

// ---------------------------------------------------------------------------------------------
// Wong-Baker FACES. Source: en.wikipedia.org/wiki/Wong–Baker_Faces_Pain_Rating_Scale; LOINC
// 38221-8. Six faces scored 0, 2, 4, 6, 8, 10; ages 3 and over, self-report. The drawings are
// the Foundation's and are not shipped (instrument-licences.md); Hearth shows the numbers and
// the labels. Bands on the 0-10 score use the same numeric bands as the NRS (a Hearth choice).
export const facesScores = [0, 2, 4, 6, 8, 10] as const;
export const facesLabelKeys = [
  'no_hurt',
  'little_bit',
  'little_more',
  'even_more',
  'whole_lot',
  'worst',
] as const;
export const facesAnswersSchema = z.object({
  score: z.union(
    facesScores.map((s) => z.literal(s)) as [
      z.ZodLiteral<0>,
      ...z.ZodLiteral<(typeof facesScores)[number]>[],
    ],
  ),
});
export type FacesAnswers = z.infer<typeof facesAnswersSchema>;
export const scoreFaces = (a: FacesAnswers) => ({ score: a.score, band: nrsBand(a.score) });

// ---------------------------------------------------------------------------------------------
// ZBI-12 (Zarit Burden Interview, short form) for family caregivers. Source: Bédard et al. 2001
// (Gerontologist 41:652) — the pinned version uses ZBI-22 items 2, 3, 5, 6, 9, 10, 11, 12, 17,
// 19, 20, 21 (PMC6497029 lists item 22 in the last slot; Hearth follows Bédard). Each item 0-4,
// total 0-48. Cut-offs are not universal; the default 13 is the screening example for older
// community caregivers in PMC6497029 and is an organization setting. The item wording is licensed
// (Mapi Research Trust) and is loaded from organization data, never shipped in code.
export const zbi12ItemNumbers = [2, 3, 5, 6, 9, 10, 11, 12, 17, 19, 20, 21] as const;
const z04 = z.number().int().min(0).max(4);
export const zbi12AnswersSchema = z.object({
  items: z.object(
    Object.fromEntries(zbi12ItemNumbers.map((n) => [`q${n}`, z04])) as Record<
      `q${(typeof zbi12ItemNumbers)[number]}`,
      typeof z04
    >,
  ),
  caregiverName: z.string().trim().max(120).optional(),
});
export type Zbi12Answers = z.infer<typeof zbi12AnswersSchema>;
export const defaultZbi12Cutoff = 13;
export function scoreZbi12(a: Zbi12Answers, cutoff = defaultZbi12Cutoff) {
  const total = Object.values(a.items).reduce((s, v) => s + v, 0);
  return { total, aboveCutoff: total >= cutoff, cutoff };
}

// ---------------------------------------------------------------------------------------------
// Modified Caregiver Strain Index (MCSI). Source: Thornton & Travis 2003 (J Gerontol B Psychol
// Sci Soc Sci 58:S127); instrument-licences.md names it as the free alternative to the licensed
// ZBI-12, and it is Hearth's default caregiver instrument. Thirteen items, each 0 = no,
// 1 = yes, sometimes, 2 = yes, on a regular basis; total 0-26, higher = more strain. The source
// gives no cut-off, so the referral threshold is an organization setting (see triage rules).
export const mcsiItemCount = 13;
export const mcsiItemKeys = Array.from(
  { length: mcsiItemCount },
  (_, i) => `q${i + 1}`,
) as readonly `q${number}`[];
export const mcsiMax = mcsiItemCount * 2;
const m02 = z.number().int().min(0).max(2);
export const mcsiAnswersSchema = z.object({
  items: z.object(Object.fromEntries(mcsiItemKeys.map((k) => [k, m02])) as Record<`q${number}`, typeof m02>),
  caregiverName: z.string().trim().max(120).optional(),
});
export type McsiAnswers = z.infer<typeof mcsiAnswersSchema>;
/**
 * Not from the source (Thornton & Travis give none): a deliberately low default, about 40 % of
 * the maximum, so that a family under strain is more likely to be offered a psychologist than
 * missed. An organization sets its own (`triage.mcsiThreshold`).
 */
export const defaultMcsiThreshold = 10;
export function scoreMcsi(a: McsiAnswers, threshold = defaultMcsiThreshold) {
  const total = Object.values(a.items).reduce((s, v) => s + v, 0);
  return { total, max: mcsiMax, atOrAboveThreshold: total >= threshold, threshold };
}

/** The caregiver burden instruments: MCSI (free, default) or ZBI-12 (licensed). */
export const caregiverInstruments = ['mcsi', 'zbi12'] as const;
export type CaregiverInstrument = (typeof caregiverInstruments)[number];

// ---------------------------------------------------------------------------------------------
// Phase of illness. Source: PCOC (aihw.gov.au palliative care phases) — stable, unstable,
// deteriorating, terminal; bereaved for the family after death.
export const phasesOfIllness = ['stable', 'unstable', 'deteriorating', 'terminal', 'bereaved'] as const;
export type PhaseOfIllness = (typeof phasesOfIllness)[number];
export const phaseAnswersSchema = z.object({ phase: z.enum(phasesOfIllness) });
export type PhaseAnswers = z.infer<typeof phaseAnswersSchema>;

// ---------------------------------------------------------------------------------------------
/**
 * Which pain scale a patient uses. FLACC for ages 2 months to 7 years or anyone who cannot
 * self-report; Wong-Baker FACES for children from 3 who can; ESAS-r (NRS) for adults (§2.7).
 */
export function painScaleFor(ageYears: number, canSelfReport: boolean): 'flacc' | 'faces' | 'esas_r' {
  if (!canSelfReport) return 'flacc';
  if (ageYears < 3) return 'flacc';
  if (ageYears < 18) return 'faces';
  return 'esas_r';
}

/** Braden Q for children younger than the organization's age (default 8: Quigley & Curley 1996), Braden otherwise. */
export const pressureScaleFor = (ageYears: number, bradenQUnderYears = defaultBradenQUnderYears) =>
  ageYears < bradenQUnderYears ? ('braden_q' as const) : ('braden' as const);

import { z } from 'zod';
import {
  caregiverInstruments,
  mcsiAnswersSchema,
  zbi12AnswersSchema,
  zbi12ItemNumbers,
} from '../assessments/scales.ts';
import { idSchema } from '../common/schemas.ts';

/**
 * Zarit Burden Interview, 12-item short form, for family caregivers.
 * Source: palliative-research.md §2.8 — items numbered as in the ZBI-22 (PMC6497029, chart 1);
 * version pinned here: Bédard et al. 2001 (Gerontologist 41:652), which uses item 21 (not 22).
 * Each item 0-4 (never … nearly always); total 0-48. Cut-offs are not universal: ≥13 was suggested
 * for screening older community caregivers (PMC6497029); the threshold is the organization's
 * `triage.zbi12Cutoff` setting. The item list and scoring are the assessments feature's
 * (issue 4, `assessments/scales.ts`); this file holds the caregiver workflow around them.
 *
 * Licence (instrument-licences.md): the ZBI is licensed through Mapi Research Trust. Hearth ships
 * only the item numbers and the arithmetic; an organization that holds a licence loads the item
 * wording as data (`instrument_wording`), and without it the family answers with a nurse.
 */
export const zbi12Max = zbi12ItemNumbers.length * 4;
/** Days between routine screenings: "every four weeks or on request" (issue 7). */
export const burdenScreeningIntervalDays = 28;

/**
 * The free Modified Caregiver Strain Index (Thornton & Travis 2003) is the default instrument;
 * an organization with a ZBI licence chooses ZBI-12 (`triage.caregiverInstrument`). Both are
 * stored as assessments of the patient (one scoring per instrument, in `assessments/scales.ts`).
 */
export const burdenBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('mcsi'),
    caregiverName: z.string().trim().min(2).max(120),
    /** `{ q1: 0-2, …, q13: 0-2 }`: 0 no, 1 sometimes, 2 on a regular basis. */
    answers: mcsiAnswersSchema.shape.items,
    /** The relative's account when they have one (staff may record for anyone). */
    familyUserId: idSchema.optional(),
    cannotCope: z.boolean().default(false),
    onRequest: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('zbi12'),
    caregiverName: z.string().trim().min(2).max(120),
    /** `{ q2: 0-4, q3: …, q21: … }`, the shape the assessments feature (issue 4) scores. */
    answers: zbi12AnswersSchema.shape.items,
    familyUserId: idSchema.optional(),
    cannotCope: z.boolean().default(false),
    onRequest: z.boolean().default(false),
  }),
  /** "I cannot cope": no questionnaire, straight to a psychologist and an offer of respite. */
  z.object({
    kind: z.literal('cannot_cope'),
    caregiverName: z.string().trim().min(2).max(120),
    note: z.string().trim().max(1000).optional(),
  }),
]);
export type BurdenBody = z.infer<typeof burdenBodySchema>;

export const burdenAssessmentSchema = z.object({
  id: idSchema,
  caregiverName: z.string(),
  kind: z.enum(['mcsi', 'zbi12', 'cannot_cope']),
  /** The assessment record the screening is stored as (null for a "cannot cope" call). */
  assessmentId: idSchema.nullable(),
  familyUserId: idSchema.nullable(),
  total: z.number().nullable(),
  max: z.number().nullable(),
  threshold: z.number().nullable(),
  high: z.boolean(),
  cannotCope: z.boolean(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  referralId: idSchema.nullable(),
  respiteOffered: z.boolean(),
});

export const burdenViewSchema = z.object({
  /** The instrument this organization screens with. */
  instrument: z.enum(caregiverInstruments),
  assessments: z.array(burdenAssessmentSchema),
  nextDueOn: z.string().nullable(),
  due: z.boolean(),
  /** Item wording the organization loaded under its licence, by locale and item number. */
  wording: z.record(z.string(), z.record(z.string(), z.string())).nullable(),
});

export const instrumentWordingBodySchema = z.object({
  locale: z.enum(['en', 'ru']),
  items: z.record(z.string().regex(/^\d{1,2}$/), z.string().trim().min(3).max(300)),
  licenceNote: z.string().trim().min(3).max(300),
});

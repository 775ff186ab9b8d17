import { z } from 'zod';
import { idSchema } from '../common/schemas.ts';

/**
 * Zarit Burden Interview, 12-item short form, for family caregivers.
 * Source: palliative-research.md §2.8 — items numbered as in the ZBI-22 (PMC6497029, chart 1);
 * version pinned here: Bédard et al. 2001 (Gerontologist 41:652), which uses item 21 (not 22).
 * Each item 0-4 (never … nearly always); total 0-48. Cut-offs are not universal: ≥13 was suggested
 * for screening older community caregivers (PMC6497029), so the threshold is an organization
 * setting (`caregiverBurdenHighScore`) with that default.
 *
 * Licence (instrument-licences.md): the ZBI is licensed through Mapi Research Trust. Hearth ships
 * only the item numbers and the arithmetic; an organization that holds a licence loads the item
 * wording as data (`instrument_wording`), and without it the family answers with a nurse.
 *
 * The foundation's assessments feature (issue 4) was not on main when this was written, so this
 * small scoring function lives with the caregiver workflow.
 */
export const zbi12ItemNumbers = [2, 3, 5, 6, 9, 10, 11, 12, 17, 19, 20, 21] as const;
export const zbiItemMax = 4;
export const zbi12Max = zbi12ItemNumbers.length * zbiItemMax;
export const zbiDefaultHighScore = 13;
/** Days between routine screenings: "every four weeks or on request" (issue 7). */
export const burdenScreeningIntervalDays = 28;

export const zbi12AnswersSchema = z
  .record(z.string().regex(/^\d{1,2}$/), z.number().int().min(0).max(zbiItemMax))
  .refine(
    (a) =>
      Object.keys(a).length === zbi12ItemNumbers.length &&
      zbi12ItemNumbers.every((n) => a[String(n)] !== undefined),
    { message: `Answer each of the 12 items (${zbi12ItemNumbers.join(', ')}), each 0-4.` },
  );

export function scoreZbi12(answers: Record<string, number>, highScore = zbiDefaultHighScore) {
  const total = zbi12ItemNumbers.reduce((sum, n) => sum + (answers[String(n)] ?? 0), 0);
  return { total, max: zbi12Max, high: total >= highScore, threshold: highScore };
}

export const burdenBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('zbi12'),
    caregiverName: z.string().trim().min(2).max(120),
    answers: zbi12AnswersSchema,
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
  kind: z.enum(['zbi12', 'cannot_cope']),
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

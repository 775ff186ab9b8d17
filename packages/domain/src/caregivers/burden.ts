import { z } from 'zod';
import {
  defaultZbi12Cutoff,
  scoreZbi12,
  type Zbi12Answers,
  zbi12ItemNumbers,
} from '../assessments/scales.ts';
import { idSchema } from '../common/schemas.ts';

/**
 * Caregiver burden uses the ZBI-12 scoring of the assessments module (items, source, licence
 * notes and the organization's cut-off `triage.zbi12Cutoff` live there). The caregiver workflow
 * takes answers keyed by item number, as the portal form sends them.
 */
export const zbi12Max = zbi12ItemNumbers.length * 4;
/** Days between routine screenings: "every four weeks or on request" (issue 7). */
export const burdenScreeningIntervalDays = 28;

export const caregiverZbiAnswersSchema = z
  .record(z.string().regex(/^\d{1,2}$/), z.number().int().min(0).max(4))
  .refine(
    (a) =>
      Object.keys(a).length === zbi12ItemNumbers.length &&
      zbi12ItemNumbers.every((n) => a[String(n)] !== undefined),
    { message: `Answer each of the 12 items (${zbi12ItemNumbers.join(', ')}), each 0-4.` },
  );

export function scoreCaregiverBurden(answers: Record<string, number>, cutoff = defaultZbi12Cutoff) {
  const items = Object.fromEntries(
    zbi12ItemNumbers.map((n) => [`q${n}`, answers[String(n)] ?? 0]),
  ) as Zbi12Answers['items'];
  const { total } = scoreZbi12({ items }, cutoff);
  return { total, max: zbi12Max, high: total >= cutoff, threshold: cutoff };
}

export const burdenBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('zbi12'),
    caregiverName: z.string().trim().min(2).max(120),
    answers: caregiverZbiAnswersSchema,
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

import { z } from 'zod';
import { alertOutcomes, alertSeveritySchema } from '../alerts/schemas.ts';
import { idSchema, isoDateTimeSchema } from '../common/schemas.ts';
import {
  type BradenBands,
  bradenAnswersSchema,
  bradenQAnswersSchema,
  esasAnswersSchema,
  esasItems,
  facesAnswersSchema,
  flaccAnswersSchema,
  iposAnswersSchema,
  mcsiAnswersSchema,
  phaseAnswersSchema,
  ppsAnswersSchema,
  rFlaccAnswersSchema,
  scoreBraden,
  scoreBradenQ,
  scoreEsas,
  scoreFaces,
  scoreFlacc,
  scoreIpos,
  scoreMcsi,
  scorePps,
  scoreZbi12,
  zbi12AnswersSchema,
} from './scales.ts';

export const instruments = [
  'esas_r',
  'ipos',
  'pps',
  'braden',
  'flacc',
  'faces',
  'zbi12',
  'mcsi',
  'phase',
  'r_flacc',
  'braden_q',
] as const;
export type Instrument = (typeof instruments)[number];

/** Things a family or nurse notices that no 0-10 item captures (issue 4 triage). */
export const observationFlagsSchema = z.object({
  newConfusion: z.boolean().default(false),
  breathingSuddenlyWorse: z.boolean().default(false),
});

export const copingLevels = ['coping', 'struggling', 'cannot_cope'] as const;
export type Coping = (typeof copingLevels)[number];

const common = {
  /** When it was taken; defaults to now. */
  takenAt: isoDateTimeSchema.optional(),
  note: z.string().trim().max(2000).optional(),
  flags: observationFlagsSchema.optional(),
  visitId: idSchema.optional(),
};

export const assessmentBodySchema = z.discriminatedUnion('instrument', [
  z.object({ instrument: z.literal('esas_r'), answers: esasAnswersSchema, ...common }),
  z.object({ instrument: z.literal('ipos'), answers: iposAnswersSchema, ...common }),
  z.object({ instrument: z.literal('pps'), answers: ppsAnswersSchema, ...common }),
  z.object({ instrument: z.literal('braden'), answers: bradenAnswersSchema, ...common }),
  z.object({ instrument: z.literal('flacc'), answers: flaccAnswersSchema, ...common }),
  z.object({ instrument: z.literal('faces'), answers: facesAnswersSchema, ...common }),
  z.object({ instrument: z.literal('zbi12'), answers: zbi12AnswersSchema, ...common }),
  z.object({ instrument: z.literal('mcsi'), answers: mcsiAnswersSchema, ...common }),
  z.object({ instrument: z.literal('phase'), answers: phaseAnswersSchema, ...common }),
  z.object({ instrument: z.literal('r_flacc'), answers: rFlaccAnswersSchema, ...common }),
  z.object({ instrument: z.literal('braden_q'), answers: bradenQAnswersSchema, ...common }),
]);
export type AssessmentBody = z.infer<typeof assessmentBodySchema>;
/**
 * Each instrument's answers schema, as a staff record is validated with (the body above) and
 * stored; a stored record is read back through it.
 */
export const instrumentAnswersSchemas = {
  esas_r: esasAnswersSchema,
  ipos: iposAnswersSchema,
  pps: ppsAnswersSchema,
  braden: bradenAnswersSchema,
  flacc: flaccAnswersSchema,
  faces: facesAnswersSchema,
  zbi12: zbi12AnswersSchema,
  mcsi: mcsiAnswersSchema,
  phase: phaseAnswersSchema,
  r_flacc: rFlaccAnswersSchema,
  braden_q: bradenQAnswersSchema,
} as const satisfies Record<Instrument, z.ZodType>;
/** One instrument's answers, still discriminated by `instrument`. */
export type InstrumentAnswers = AssessmentBody extends infer T
  ? T extends AssessmentBody
    ? Pick<T, 'instrument' | 'answers'>
    : never
  : never;

export const assessmentCorrectionBodySchema = z.intersection(
  assessmentBodySchema,
  z.object({ reason: z.string().trim().min(3, 'Say why this record is corrected.').max(1000) }),
);

/** The derived scores and bands of one record (pure). */
export function scoreAssessment(
  a: InstrumentAnswers,
  opts: { bradenBands?: BradenBands; zbi12Cutoff?: number; mcsiThreshold?: number } = {},
): Record<string, unknown> {
  switch (a.instrument) {
    case 'esas_r':
      return scoreEsas(a.answers);
    case 'ipos':
      return scoreIpos(a.answers);
    case 'pps':
      return scorePps(a.answers);
    case 'braden':
      return scoreBraden(a.answers, opts.bradenBands);
    case 'flacc':
    case 'r_flacc':
      return scoreFlacc(a.answers);
    case 'braden_q':
      return scoreBradenQ(a.answers);
    case 'faces':
      return scoreFaces(a.answers);
    case 'zbi12':
      return scoreZbi12(a.answers, opts.zbi12Cutoff);
    case 'mcsi':
      return scoreMcsi(a.answers, opts.mcsiThreshold);
    case 'phase':
      return { phase: a.answers.phase };
  }
}

export const assessmentSchema = z.object({
  /** Stable id of the record across corrections. */
  id: idSchema,
  versionId: idSchema,
  version: z.number().int(),
  patientId: idSchema,
  instrument: z.enum(instruments),
  answers: z.record(z.string(), z.unknown()),
  scores: z.record(z.string(), z.unknown()),
  flags: observationFlagsSchema.nullable(),
  note: z.string().nullable(),
  source: z.enum(['staff', 'family']),
  takenAt: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  recordedByRole: z.string(),
  correctionReason: z.string().nullable(),
  /** The visit it was recorded at, when a clinician recorded it inside a visit. */
  visitId: idSchema.nullable(),
  /** Earlier versions, oldest first (only on the single-record read). */
  history: z
    .array(
      z.object({
        versionId: idSchema,
        version: z.number().int(),
        answers: z.record(z.string(), z.unknown()),
        scores: z.record(z.string(), z.unknown()),
        recordedAt: z.string(),
        recordedByName: z.string(),
        correctionReason: z.string().nullable(),
      }),
    )
    .optional(),
  alertIds: z.array(idSchema),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** One page of a patient's assessments, newest first; `cursor` is the previous page's `nextCursor`. */
export const assessmentListQuerySchema = z.object({
  instrument: z.enum(instruments).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const assessmentPageSchema = z.object({
  items: z.array(assessmentSchema),
  nextCursor: z.string().nullable(),
});
export type AssessmentPage = z.infer<typeof assessmentPageSchema>;

// ---------------------------------------------------------------------------------------------
// Family symptom diary (portal): ESAS-r items, or the child's scale, plus how the family copes.

const diaryCommon = {
  coping: z.enum(copingLevels).optional(),
  note: z.string().trim().max(1000).optional(),
  flags: observationFlagsSchema.optional(),
};
/** The family may rate only some items, or none (a flag or "how are you coping" alone). */
const diaryEsasAnswersSchema = z.object({
  ...(Object.fromEntries(esasItems.map((i) => [i, z.number().int().min(0).max(10).optional()])) as Record<
    (typeof esasItems)[number],
    z.ZodOptional<z.ZodNumber>
  >),
});
const diaryFacesAnswersSchema = z.object({ score: facesAnswersSchema.shape.score.optional() });
/** The answers of a family diary entry, by its instrument: any item may be left out. */
export const diaryAnswersSchemas = {
  esas_r: diaryEsasAnswersSchema,
  faces: diaryFacesAnswersSchema,
} as const;
/** Any single answer is enough: one rated item, a face, a flag, how the family copes, or a note. */
export const diaryHasAnAnswer = (b: {
  answers: Record<string, unknown>;
  coping?: string | undefined;
  note?: string | undefined;
  flags?: { newConfusion?: boolean; breathingSuddenlyWorse?: boolean } | undefined;
}) =>
  Object.values(b.answers).some((v) => v !== undefined) ||
  b.coping !== undefined ||
  !!b.note ||
  !!b.flags?.newConfusion ||
  !!b.flags?.breathingSuddenlyWorse;
export const diaryBodySchema = z
  .discriminatedUnion('instrument', [
    z.object({ instrument: z.literal('esas_r'), answers: diaryEsasAnswersSchema, ...diaryCommon }),
    z.object({ instrument: z.literal('faces'), answers: diaryFacesAnswersSchema, ...diaryCommon }),
  ])
  .refine(diaryHasAnAnswer, { message: 'Answer at least one question.', path: ['answers'] });
export type DiaryBody = z.infer<typeof diaryBodySchema>;

/** What the family sees about the team's response to an entry. */
export const diaryResponseSchema = z.object({
  /** none: nothing needed a response; waiting: the team has it; answered: see outcome. */
  status: z.enum(['none', 'waiting', 'seen', 'answered']),
  severity: alertSeveritySchema.nullable(),
  respondBy: z.string().nullable(),
  outcome: z.enum(alertOutcomes).nullable(),
  familyMessage: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const diaryEntrySchema = z.object({
  id: idSchema,
  instrument: z.enum(['esas_r', 'faces']),
  answers: z.record(z.string(), z.unknown()),
  coping: z.enum(copingLevels).nullable(),
  note: z.string().nullable(),
  flags: observationFlagsSchema.nullable(),
  takenAt: z.string(),
  recordedByName: z.string(),
  response: diaryResponseSchema,
});
export type DiaryEntry = z.infer<typeof diaryEntrySchema>;

export const diaryViewSchema = z.object({
  /** The scale this patient's family uses: the child's scale for children. */
  scale: z.enum(['esas_r', 'faces']),
  servicePhone: z.string(),
  urgentMinutes: z.number(),
  reviewMinutes: z.number(),
  entries: z.array(diaryEntrySchema),
});
export type DiaryView = z.infer<typeof diaryViewSchema>;

export const clinicalTaskSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  kind: z.enum(['symptom_follow_up', 'urgent_visit']),
  reason: z.string(),
  alertId: idSchema.nullable(),
  dueAt: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
});
export type ClinicalTask = z.infer<typeof clinicalTaskSchema>;
export const taskListQuerySchema = z.object({
  status: z.enum(['open', 'done']).default('open'),
  /** Only tasks of patients whose care team I am on. */
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

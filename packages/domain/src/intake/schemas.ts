import { z } from 'zod';
import { idSchema, localeSchema, phoneSchema } from '../common/schemas.ts';
import { fhirReferralSchema } from '../fhir/referral.ts';

export const relationships = [
  'self',
  'spouse',
  'parent',
  'child',
  'sibling',
  'other_relative',
  'friend',
  'professional',
] as const;
export const preferredCallTimes = ['any', 'morning', 'afternoon', 'evening'] as const;

/** The public "Request palliative care at home" form, also used for phone requests. */
export const careRequestBodySchema = z.object({
  patientName: z.string().trim().min(2, 'Enter the name of the person who needs care.').max(120),
  patientAgeYears: z.coerce.number().int().min(0).max(120).optional(),
  requesterName: z.string().trim().min(2, 'Enter your name.').max(120),
  relationship: z.enum(relationships),
  diagnosisText: z.string().trim().min(3, 'Describe the illness in your own words.').max(2000),
  address: z.string().trim().min(5, 'Enter the address where care is needed.').max(300),
  phone: phoneSchema,
  preferredCallTime: z.enum(preferredCallTimes).default('any'),
  consent: z.literal(true, { error: 'We need your consent to call you back.' }),
  locale: localeSchema.default('ru'),
});
export type CareRequestBody = z.infer<typeof careRequestBodySchema>;

export const careRequestStatuses = ['new', 'in_progress', 'referred', 'closed'] as const;
export const callOutcomes = [
  'reached',
  'no_answer',
  'busy',
  'voicemail',
  'wrong_number',
  'not_eligible',
  'referred',
] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/**
 * Outcomes where nobody was reached: the family still waits for its call back, so the request
 * stays urgent with a retry deadline. A wrong number is one too: the number was misdialled or
 * misheard, and the family who asked for help is still waiting.
 */
export const unansweredOutcomes: readonly CallOutcome[] = ['no_answer', 'busy', 'voicemail', 'wrong_number'];
export const isUnanswered = (outcome: string) => (unansweredOutcomes as readonly string[]).includes(outcome);

/** Unanswered tries since the family was last reached (calls oldest first). */
export function unansweredAttempts(calls: readonly { outcome: string }[]): number {
  let n = 0;
  for (const c of calls) n = isUnanswered(c.outcome) ? n + 1 : 0;
  return n;
}

export const callAttemptBodySchema = z.object({
  outcome: z.enum(callOutcomes),
  note: z.string().trim().max(2000).optional(),
});

export const callAttemptSchema = z.object({
  id: idSchema,
  at: z.string(),
  byName: z.string(),
  outcome: z.enum(callOutcomes),
  note: z.string().nullable(),
});

export const careRequestSchema = z.object({
  id: idSchema,
  reference: z.string(),
  /** `fhir`: a hospital's referral imported through POST /api/fhir/R4/Bundle (see `referral`). */
  source: z.enum(['web', 'phone', 'fhir']),
  status: z.enum(careRequestStatuses),
  patientName: z.string(),
  patientAgeYears: z.number().nullable(),
  requesterName: z.string(),
  relationship: z.enum(relationships),
  diagnosisText: z.string(),
  address: z.string(),
  phone: z.string(),
  preferredCallTime: z.enum(preferredCallTimes),
  locale: localeSchema,
  createdAt: z.string(),
  callbackDueAt: z.string(),
  firstCallAt: z.string().nullable(),
  /** After an unanswered call: try again by then. */
  retryDueAt: z.string().nullable(),
  /** Unanswered tries since the family was last reached. */
  unansweredAttempts: z.number().int(),
  escalatedAt: z.string().nullable(),
  overdue: z.boolean(),
  closedReason: z.string().nullable(),
  commissionCaseId: idSchema.nullable(),
  calls: z.array(callAttemptSchema),
  /** The referral data of a request imported from FHIR; null for web and phone requests. */
  referral: fhirReferralSchema.nullable(),
});
export type CareRequest = z.infer<typeof careRequestSchema>;

export const careRequestListQuerySchema = z.object({
  status: z.enum(['open', ...careRequestStatuses]).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const intakeConfirmationSchema = z.object({
  reference: z.string(),
  callbackWithinMinutes: z.number(),
  servicePhone: z.string(),
});

/** What a call outcome does to the request. */
export function statusAfterCall(outcome: CallOutcome): (typeof careRequestStatuses)[number] {
  switch (outcome) {
    case 'reached':
    case 'no_answer':
    case 'busy':
    case 'voicemail':
    case 'wrong_number':
      return 'in_progress';
    case 'referred':
      return 'referred';
    case 'not_eligible':
      return 'closed';
  }
}

/** A request is overdue when nobody has called back by its deadline, or the retry after an unanswered call is late. */
export const isCallbackOverdue = (
  dueAt: Date,
  firstCallAt: Date | null,
  now: Date,
  retryDueAt: Date | null = null,
) =>
  (firstCallAt === null && now.getTime() > dueAt.getTime()) ||
  (retryDueAt !== null && now.getTime() > retryDueAt.getTime());

/** How the caller is related to the patient, as a household contact's relationship (caller → patient). */
export const callerRelationshipWords: Record<'en' | 'ru', Record<(typeof relationships)[number], string>> = {
  en: {
    self: 'self',
    spouse: 'spouse',
    parent: 'parent',
    child: 'son or daughter',
    sibling: 'brother or sister',
    other_relative: 'relative',
    friend: 'friend',
    professional: 'professional',
  },
  ru: {
    self: 'сам пациент',
    spouse: 'супруг(а)',
    parent: 'родитель',
    child: 'сын или дочь',
    sibling: 'брат или сестра',
    other_relative: 'родственник',
    friend: 'друг',
    professional: 'специалист',
  },
};

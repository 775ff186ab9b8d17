import { z } from 'zod';
import { idSchema, localeSchema, phoneSchema } from '../common/schemas.ts';

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
export const callOutcomes = ['reached', 'no_answer', 'wrong_number', 'not_eligible', 'referred'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

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
  source: z.enum(['web', 'phone']),
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
  escalatedAt: z.string().nullable(),
  overdue: z.boolean(),
  closedReason: z.string().nullable(),
  commissionCaseId: idSchema.nullable(),
  calls: z.array(callAttemptSchema),
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
      return 'in_progress';
    case 'referred':
      return 'referred';
    case 'wrong_number':
    case 'not_eligible':
      return 'closed';
  }
}

/** A request is overdue when nobody has called back by its deadline. */
export const isCallbackOverdue = (dueAt: Date, firstCallAt: Date | null, now: Date) =>
  firstCallAt === null && now.getTime() > dueAt.getTime();

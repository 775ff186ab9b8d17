import { z } from 'zod';
import { idSchema } from '../common/schemas.ts';

/**
 * Alerts: one mechanism for everything that must not wait unseen (triage of symptoms, medicine
 * events such as a refused dose). Any feature raises an alert through the server's `raiseAlert`;
 * this file holds the shapes they share.
 */

/** urgent: answer within the hour; review: within a day; routine: within a few days. */
export const alertSeverities = ['urgent', 'review', 'routine'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];
export const alertSeveritySchema = z.enum(alertSeverities);

/** Higher number = more pressing; for sorting inboxes. */
export const severityRank: Record<AlertSeverity, number> = { urgent: 3, review: 2, routine: 1 };

/**
 * Who owns an alert. `clinical`: the on-call physician, escalating along the on-call chain to
 * the medical lead. `psychosocial`: a psychologist (the coordinators are told too).
 * `coordination`: the coordinators' lead.
 */
export const alertAudiences = ['clinical', 'psychosocial', 'coordination'] as const;
export type AlertAudience = (typeof alertAudiences)[number];
export const alertAudienceSchema = z.enum(alertAudiences);

export const alertStatuses = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** What the person who answered did (issue 4: outcomes). */
export const alertOutcomes = [
  'advice_by_phone',
  'therapy_adjusted',
  'urgent_visit_requested',
  'moved_to_inpatient',
  'no_action_needed',
] as const;
export type AlertOutcome = (typeof alertOutcomes)[number];

/** Outcomes that must say why or what was advised. */
export const outcomesNeedingNote: readonly AlertOutcome[] = ['advice_by_phone', 'no_action_needed'];

export const alertTimelineKinds = [
  'raised',
  'repeated',
  'worsened',
  'notified',
  'acknowledged',
  'escalated',
  'escalation_exhausted',
  'resolved',
] as const;
export type AlertTimelineKind = (typeof alertTimelineKinds)[number];

/** Deadlines per severity and the time each later person on the chain gets; organization settings. */
export const alertSettingsSchema = z.object({
  urgentMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  reviewMinutes: z
    .number()
    .int()
    .min(15)
    .max(7 * 24 * 60)
    .default(24 * 60),
  routineMinutes: z
    .number()
    .int()
    .min(60)
    .max(14 * 24 * 60)
    .default(3 * 24 * 60),
  /** After a missed deadline the next person on the chain has this long to acknowledge. */
  escalationStepMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

/** Pure: when an alert of this severity raised at `raisedAt` must be acknowledged. */
export function alertDeadline(severity: AlertSeverity, raisedAt: Date, settings: AlertSettings): Date {
  const minutes =
    severity === 'urgent'
      ? settings.urgentMinutes
      : severity === 'review'
        ? settings.reviewMinutes
        : settings.routineMinutes;
  return new Date(raisedAt.getTime() + minutes * 60_000);
}

/** Pure: is an unacknowledged alert past its deadline at `now`? */
export const isAlertOverdue = (status: AlertStatus, dueAt: Date, now: Date) =>
  status === 'open' && now.getTime() >= dueAt.getTime();

/**
 * The values that fired an alert's rule, as its rule set gives them (each rule set has its own
 * keys; `alertFactLines` and `medicineAlertFactLines` read the ones they know).
 */
export const alertFactsSchema = z.record(z.string(), z.unknown());
export type AlertFacts = z.infer<typeof alertFactsSchema>;

/** What a timeline entry of an alert records besides its kind (the facts of a repeat, a level...). */
export const alertEventDataSchema = z.record(z.string(), z.unknown());

export const alertTimelineEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  kind: z.enum(alertTimelineKinds),
  actorName: z.string().nullable(),
  toUserName: z.string().nullable(),
  note: z.string().nullable(),
  data: alertEventDataSchema,
});

export const alertSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  severity: alertSeveritySchema,
  audience: alertAudienceSchema,
  status: z.enum(alertStatuses),
  ruleSet: z.string(),
  ruleSetVersion: z.string(),
  ruleId: z.string(),
  title: z.string(),
  /** The values that fired the rule, so the alert can be explained later. */
  facts: alertFactsSchema,
  /**
   * The facts as message codes with parameters, for the reader's language (triage alerts;
   * empty for rule sets that do not describe their facts). Never show `facts` raw.
   */
  factLines: z.array(
    z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
  ),
  /** Rules of the same observation folded into this alert (one alert per observation). */
  alsoRuleIds: z.array(z.string()),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  ownerId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  escalationLevel: z.number().int(),
  raisedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  outcome: z.enum(alertOutcomes).nullable(),
  outcomeNote: z.string().nullable(),
  familyMessage: z.string().nullable(),
  timeline: z.array(alertTimelineEntrySchema),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertListQuerySchema = z.object({
  /** `active` = open or acknowledged. */
  status: z.enum(['active', 'open', 'acknowledged', 'resolved']).default('active'),
  mine: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  patientId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const alertResolveBodySchema = z
  .object({
    outcome: z.enum(alertOutcomes),
    /** Staff-only note (what was advised, why no action). */
    note: z.string().trim().max(4000).optional(),
    /** A short plain-language answer the family sees in the portal. */
    familyMessage: z.string().trim().max(1000).optional(),
  })
  .superRefine((body, ctx) => {
    if (outcomesNeedingNote.includes(body.outcome) && !body.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'Say what was advised or why no action is needed.',
      });
    }
  });
export type AlertResolveBody = z.infer<typeof alertResolveBodySchema>;

/**
 * Only a physician changes therapy or sends a patient to inpatient care (DOMAIN.md: only
 * physicians prescribe); other answering roles may advise, request a visit or close with a reason.
 */
export function mayResolveWith(role: string, outcome: AlertOutcome): boolean {
  if (outcome === 'therapy_adjusted' || outcome === 'moved_to_inpatient') return role === 'physician';
  return true;
}

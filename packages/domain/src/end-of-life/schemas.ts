import { z } from 'zod';
import { places } from '../advance-care/schemas.ts';
import { witnessConfirmationSchema } from '../auth/witness.ts';
import { idSchema, isoDateSchema, isoDateTimeSchema } from '../common/schemas.ts';

/**
 * Death at home and the bereavement programme (DOMAIN.md step 10; palliative-research.md §6
 * items 7 and 8): time and place of death, whether it was the preferred place, who verified it;
 * a home checklist; then bereavement contacts over 13 months, first contact within a week
 * ("Bereavement contact timeliness", bohhospice.org, §4).
 */
export const deathChecklistItems = [
  'certification',
  'family_guidance',
  'equipment_collection',
  'controlled_drug_disposal',
  'notify_team',
] as const;
export type DeathChecklistItem = (typeof deathChecklistItems)[number];

export const deathRecordBodySchema = z.object({
  diedAt: isoDateTimeSchema,
  place: z.enum(places).exclude(['undecided']),
  placeNote: z.string().trim().max(300).optional(),
  verifiedBy: z.string().trim().min(2).max(120),
  verifiedAt: isoDateTimeSchema,
  notes: z.string().trim().max(2000).optional(),
  /** The team's words to the family, shown first on their portal. */
  familyMessage: z.string().trim().max(1000).optional(),
});

export const checklistUpdateSchema = z.object({
  status: z.enum(['done', 'not_needed']),
  note: z.string().trim().max(1000).optional(),
  /**
   * Controlled-drug disposal is witnessed by two members of staff with accounts (issue 13): the
   * one recording it, and this second one confirming with their own password.
   */
  witness: witnessConfirmationSchema.optional(),
});

/**
 * Who witnessed a checklist item, by name as their accounts gave them when it was recorded (the
 * recorder and the confirming witness of a controlled-drug disposal; empty for other items).
 */
export const checklistWitnessesSchema = z.array(z.string());

export const deathRecordSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  diedAt: z.string(),
  place: z.enum(places),
  placeNote: z.string().nullable(),
  preferredPlace: z.enum(places).nullable(),
  inPreferredPlace: z.boolean().nullable(),
  verifiedBy: z.string(),
  verifiedAt: z.string(),
  notes: z.string().nullable(),
  familyMessage: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  closedAt: z.string().nullable(),
  checklist: z.array(
    z.object({
      item: z.enum(deathChecklistItems),
      status: z.enum(['open', 'done', 'not_needed']),
      note: z.string().nullable(),
      witnesses: checklistWitnessesSchema,
      doneAt: z.string().nullable(),
      doneByName: z.string().nullable(),
    }),
  ),
});
export type DeathRecord = z.infer<typeof deathRecordSchema>;
export const checklistParamsSchema = z.object({ patientId: idSchema, item: z.enum(deathChecklistItems) });

/** Bereavement contacts: first contact within a week, a grief-risk assessment, ~6 weeks, 3, 6, 13 months. */
export const bereavementTaskKinds = [
  'first_contact',
  'risk_assessment',
  'contact_6_weeks',
  'contact_3_months',
  'contact_6_months',
  'contact_13_months',
] as const;
export type BereavementTaskKind = (typeof bereavementTaskKinds)[number];

/** Days after the death each task is due. */
export const bereavementSchedule: Record<BereavementTaskKind, { days?: number; months?: number }> = {
  first_contact: { days: 7 },
  risk_assessment: { days: 14 },
  contact_6_weeks: { days: 42 },
  contact_3_months: { months: 3 },
  contact_6_months: { months: 6 },
  contact_13_months: { months: 13 },
};

/** The due date of each task, from the local date of death (YYYY-MM-DD), in calendar terms. */
export function bereavementDueDates(deathDate: string): Record<BereavementTaskKind, string> {
  const [y, m, d] = deathDate.split('-').map(Number) as [number, number, number];
  const out = {} as Record<BereavementTaskKind, string>;
  for (const kind of bereavementTaskKinds) {
    const step = bereavementSchedule[kind];
    let date: Date;
    if (step.days !== undefined) date = new Date(Date.UTC(y, m - 1, d + step.days));
    else {
      // clamp to the month's last day (31 January + 1 month = 28/29 February)
      const target = new Date(Date.UTC(y, m - 1 + step.months!, 1));
      const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      date = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last)));
    }
    out[kind] = date.toISOString().slice(0, 10);
  }
  return out;
}

export const griefRiskLevels = ['low', 'moderate', 'high'] as const;

export const closeDeathRecordBodySchema = z.object({
  bereavementOwnerId: idSchema.optional(),
});

export const bereavementTaskCompleteSchema = z.object({
  outcome: z.string().trim().min(2).max(2000),
  riskLevel: z.enum(griefRiskLevels).optional(),
  completedOn: isoDateSchema,
});
export const bereavementTaskUpdateSchema = z.object({ ownerId: idSchema });

export const bereavementTaskSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  familyContacts: z.array(
    z.object({ name: z.string(), relationship: z.string(), phone: z.string().nullable() }),
  ),
  kind: z.enum(bereavementTaskKinds),
  dueOn: z.string(),
  ownerId: idSchema,
  ownerName: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  completedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  riskLevel: z.enum(griefRiskLevels).nullable(),
});
export const bereavementListQuerySchema = z.object({
  status: z.enum(['open', 'done', 'all']).default('open'),
  /** The due period: tasks due on or after `dueFrom` and on or before `dueBy`. */
  dueFrom: isoDateSchema.optional(),
  dueBy: isoDateSchema.optional(),
  mine: z.enum(['true', 'false']).optional(),
  ownerId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});
export const bereavementTaskParamsSchema = z.object({ patientId: idSchema, taskId: idSchema });

/**
 * End-of-life quality measures over a period of local days (palliative-research.md §6 item 16;
 * DOMAIN.md "Measures of a good service": the share who died in their preferred place).
 */
export const endOfLifeMeasuresQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export const endOfLifeMeasuresSchema = z.object({
  from: z.string(),
  to: z.string(),
  deaths: z.number().int(),
  /** Deaths where the plan named a preferred place of death (not "undecided"). */
  preferredPlaceKnown: z.number().int(),
  inPreferredPlace: z.number().int(),
  /** Deaths with an advance care plan on record when the death was recorded. */
  withPlanBeforeDeath: z.number().int(),
  openBereavementTasks: z.number().int(),
  overdueBereavementTasks: z.number().int(),
});
export type EndOfLifeMeasures = z.infer<typeof endOfLifeMeasuresSchema>;

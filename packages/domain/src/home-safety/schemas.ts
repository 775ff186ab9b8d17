import { z } from 'zod';
import { idSchema, isoDateSchema } from '../common/schemas.ts';

/**
 * The home safety check (DOMAIN.md step 8; issue 7 "Safe home"): the bed reachable from both
 * sides, medicines and supplies within reach, pressure-ulcer prevention in place, oxygen safety
 * (ventilation, no open flame or smoking, tubes and cables safe), lighting and falls risks.
 */
export const homeSafetyItems = [
  { key: 'bed_both_sides', section: 'bed' },
  { key: 'supplies_within_reach', section: 'bed' },
  { key: 'medicines_stored_safely', section: 'bed' },
  { key: 'pressure_mattress', section: 'pressure' },
  { key: 'turning_schedule', section: 'pressure' },
  { key: 'oxygen_ventilation', section: 'oxygen' },
  { key: 'oxygen_no_flame_smoking', section: 'oxygen' },
  { key: 'oxygen_tubes_cables', section: 'oxygen' },
  { key: 'lighting', section: 'lighting' },
  { key: 'falls_floor_clear', section: 'falls' },
  { key: 'falls_bathroom', section: 'falls' },
] as const;
export type HomeSafetyItemKey = (typeof homeSafetyItems)[number]['key'];
export const homeSafetyItemKeys = homeSafetyItems.map((i) => i.key) as [
  HomeSafetyItemKey,
  ...HomeSafetyItemKey[],
];
export const oxygenItemKeys = homeSafetyItems.filter((i) => i.section === 'oxygen').map((i) => i.key);

export const safetyOccasions = ['first_visit', 'change', 'review'] as const;
export const safetyAnswers = ['met', 'unmet', 'not_applicable'] as const;

export const safetyActionInputSchema = z.object({
  itemKey: z.enum(homeSafetyItemKeys),
  description: z.string().trim().min(3).max(500),
  ownerName: z.string().trim().min(2).max(120),
  ownerUserId: idSchema.optional(),
  dueOn: isoDateSchema.optional(),
});

export const homeSafetyCheckBodySchema = z.object({
  occasion: z.enum(safetyOccasions),
  checkedOn: isoDateSchema,
  items: z
    .array(
      z.object({
        key: z.enum(homeSafetyItemKeys),
        answer: z.enum(safetyAnswers),
        note: z.string().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(homeSafetyItems.length),
  actions: z.array(safetyActionInputSchema).max(50).default([]),
});
export type HomeSafetyCheckBody = z.infer<typeof homeSafetyCheckBodySchema>;

export const safetyActionSchema = z.object({
  id: idSchema,
  checkId: idSchema,
  itemKey: z.enum(homeSafetyItemKeys),
  description: z.string(),
  ownerName: z.string(),
  ownerUserId: idSchema.nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(['open', 'done']),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
});

/** One answered item as a check keeps it (a note left out is kept as null). */
export const safetyItemAnswerSchema = z.object({
  key: z.enum(homeSafetyItemKeys),
  answer: z.enum(safetyAnswers),
  note: z.string().nullable(),
});
export type SafetyItemAnswer = z.infer<typeof safetyItemAnswerSchema>;

export const homeSafetyCheckSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  occasion: z.enum(safetyOccasions),
  checkedOn: z.string(),
  checkedByName: z.string(),
  items: z.array(safetyItemAnswerSchema),
  actions: z.array(safetyActionSchema),
  createdAt: z.string(),
});
export type HomeSafetyCheck = z.infer<typeof homeSafetyCheckSchema>;

export const homeSafetyOverviewSchema = z.object({
  checks: z.array(homeSafetyCheckSchema),
  openActions: z.array(safetyActionSchema),
  oxygenSafe: z.boolean(),
});

export const safetyActionParamsSchema = z.object({ patientId: idSchema, actionId: idSchema });

/** Every unmet item must become an action with an owner; returns the unmet keys that have none. */
export function unmetWithoutAction(
  body: Pick<HomeSafetyCheckBody, 'items' | 'actions'>,
): HomeSafetyItemKey[] {
  const covered = new Set(body.actions.map((a) => a.itemKey));
  return body.items.filter((i) => i.answer === 'unmet' && !covered.has(i.key)).map((i) => i.key);
}

/**
 * Whether the home is ready for an oxygen concentrator: some check answered every oxygen item,
 * and each was met or its action is done. Issue 7: "An oxygen concentrator loan cannot be marked
 * delivered until its home oxygen safety check is complete." The latest check that covers
 * oxygen decides.
 */
export function oxygenCheckComplete(
  checks: readonly {
    id: string;
    createdAt: string;
    items: readonly { key: string; answer: string }[];
    actions: readonly { itemKey: string; status: string }[];
  }[],
): string | null {
  const covering = checks
    .filter((c) => oxygenItemKeys.every((k) => c.items.some((i) => i.key === k)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const latest = covering[0];
  if (!latest) return null;
  const ok = oxygenItemKeys.every((k) => {
    const item = latest.items.find((i) => i.key === k)!;
    if (item.answer === 'met') return true;
    if (item.answer === 'not_applicable') return false;
    const actions = latest.actions.filter((a) => a.itemKey === k);
    return actions.length > 0 && actions.every((a) => a.status === 'done');
  });
  return ok ? latest.id : null;
}

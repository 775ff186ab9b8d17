import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '../common/schemas.ts';

/**
 * On-call rota: who answers alerts and calls at a given moment. A shift has a position on the
 * chain (primary first, then backup); after them come the medical leads. Pure functions only.
 */
export const onCallPositions = ['primary', 'backup'] as const;
export type OnCallPosition = (typeof onCallPositions)[number];

export interface RotaShift {
  userId: string;
  startsAt: Date;
  endsAt: Date;
  position: OnCallPosition;
}

const covers = (s: RotaShift, at: Date) =>
  s.startsAt.getTime() <= at.getTime() && at.getTime() < s.endsAt.getTime();

/**
 * The escalation chain at `at`: primary on call, then backup, then the medical leads, then
 * (if nobody else is known) every physician, each person once. Ties within a position go to the
 * shift that started first.
 */
export function onCallChain(
  shifts: readonly RotaShift[],
  medicalLeadIds: readonly string[],
  allPhysicianIds: readonly string[],
  at: Date,
): string[] {
  const onShift = shifts
    .filter((s) => covers(s, at))
    .sort(
      (a, b) =>
        onCallPositions.indexOf(a.position) - onCallPositions.indexOf(b.position) ||
        a.startsAt.getTime() - b.startsAt.getTime() ||
        a.userId.localeCompare(b.userId),
    )
    .map((s) => s.userId);
  const chain = [...new Set([...onShift, ...medicalLeadIds])];
  return chain.length ? chain : [...new Set(allPhysicianIds)];
}

/** Intervals in [from, to) with no primary on call: a rota must cover 24/7. */
export function rotaGaps(shifts: readonly RotaShift[], from: Date, to: Date): { from: Date; to: Date }[] {
  const primaries = shifts
    .filter((s) => s.position === 'primary' && s.endsAt > from && s.startsAt < to)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const gaps: { from: Date; to: Date }[] = [];
  let cursor = from.getTime();
  for (const s of primaries) {
    if (s.startsAt.getTime() > cursor) gaps.push({ from: new Date(cursor), to: s.startsAt });
    cursor = Math.max(cursor, s.endsAt.getTime());
  }
  if (cursor < to.getTime()) gaps.push({ from: new Date(cursor), to });
  return gaps;
}

export const onCallShiftBodySchema = z
  .object({
    userId: idSchema,
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    position: z.enum(onCallPositions).default('primary'),
  })
  .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), {
    path: ['endsAt'],
    message: 'The shift must end after it starts.',
  })
  .refine((b) => new Date(b.endsAt).getTime() - new Date(b.startsAt).getTime() <= 7 * 24 * 3600_000, {
    path: ['endsAt'],
    message: 'A shift is at most 7 days long.',
  });

export const onCallShiftSchema = z.object({
  id: idSchema,
  userId: idSchema,
  userName: z.string(),
  userPhone: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  position: z.enum(onCallPositions),
  handoverNote: z.string().nullable(),
  handoverAt: z.string().nullable(),
});
export type OnCallShift = z.infer<typeof onCallShiftSchema>;

export const handoverBodySchema = z.object({ note: z.string().trim().min(1).max(4000) });

export const rotaQuerySchema = z.object({ from: isoDateTimeSchema, to: isoDateTimeSchema });
export const rotaViewSchema = z.object({
  shifts: z.array(onCallShiftSchema),
  /** Hours in the range with nobody on call as primary. */
  gaps: z.array(z.object({ from: z.string(), to: z.string() })),
});
export const onCallNowSchema = z.object({
  at: z.string(),
  chain: z.array(z.object({ userId: idSchema, name: z.string(), phone: z.string().nullable() })),
});

// ---------------------------------------------------------------------------------------------
// Call log: every inbound call, with its response time and whether an ambulance was called first.
export const callerTypes = ['family', 'patient', 'ambulance', 'other_service', 'other'] as const;
export const callOutcomesLog = [
  'advice_given',
  'alert_raised',
  'visit_arranged',
  'ambulance_sent',
  'transferred',
  'no_action',
] as const;
export const callLogBodySchema = z
  .object({
    patientId: idSchema.optional(),
    callerType: z.enum(callerTypes),
    callerName: z.string().trim().max(120).optional(),
    reason: z.string().trim().min(2).max(2000),
    receivedAt: isoDateTimeSchema,
    answeredAt: isoDateTimeSchema.optional(),
    outcome: z.enum(callOutcomesLog),
    /** The family called an ambulance before calling the service (quality indicator, §4). */
    ambulanceCalledFirst: z.boolean().default(false),
    alertId: idSchema.optional(),
  })
  .refine((b) => !b.answeredAt || new Date(b.answeredAt) >= new Date(b.receivedAt), {
    path: ['answeredAt'],
    message: 'A call is answered after it comes in.',
  });
export const callLogSchema = z.object({
  id: idSchema,
  patientId: idSchema.nullable(),
  patientName: z.string().nullable(),
  callerType: z.enum(callerTypes),
  callerName: z.string().nullable(),
  reason: z.string(),
  receivedAt: z.string(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string(),
  responseSeconds: z.number().nullable(),
  outcome: z.enum(callOutcomesLog),
  ambulanceCalledFirst: z.boolean(),
  alertId: idSchema.nullable(),
});
export const callLogQuerySchema = z.object({
  patientId: idSchema.optional(),
  /** Only calls where the family had called an ambulance before the service. */
  ambulanceFirst: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

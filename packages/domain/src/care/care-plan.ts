import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema } from '../common/schemas.ts';

/**
 * The disciplines of the mobile team (DOMAIN.md, People and roles). Each discipline is done by
 * the staff role of the same name; "therapist" covers massage and physiotherapy.
 */
export const disciplines = [
  'physician',
  'nurse',
  'psychologist',
  'social_worker',
  'chaplain',
  'caregiver',
  'therapist',
] as const;
export const disciplineSchema = z.enum(disciplines);
export type Discipline = z.infer<typeof disciplineSchema>;

/** Phase of illness (PCOC phases, palliative-research.md); unstable and deteriorating bring review forward. */
export const illnessPhases = ['stable', 'unstable', 'deteriorating', 'terminal'] as const;
export const illnessPhaseSchema = z.enum(illnessPhases);
export type IllnessPhase = z.infer<typeof illnessPhaseSchema>;

export const hhmmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, for example 09:30');
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmmOf = (minutes: number) => {
  const m = Math.max(0, Math.round(minutes));
  return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export const carePlanItemSchema = z.object({
  discipline: disciplineSchema,
  problem: z.string().trim().min(2).max(500),
  goal: z.string().trim().min(2).max(500),
  interventions: z.array(z.string().trim().min(2).max(500)).max(20).default([]),
  /** Who on the team owns this item (a meeting decision names an owner). */
  ownerId: idSchema.nullable().default(null),
});
export type CarePlanItem = z.infer<typeof carePlanItemSchema>;

/** How often a discipline visits: so many times a week, every so many days, or only when asked. */
export const visitFrequencySchema = z
  .object({
    discipline: disciplineSchema,
    mode: z.enum(['weekly', 'interval', 'as_needed']),
    timesPerWeek: z.number().int().min(1).max(14).optional(),
    everyDays: z.number().int().min(1).max(90).optional(),
    durationMinutes: z.number().int().min(10).max(240).default(45),
  })
  .superRefine((f, ctx) => {
    if (f.mode === 'weekly' && !f.timesPerWeek)
      ctx.addIssue({ code: 'custom', path: ['timesPerWeek'], message: 'How many visits a week?' });
    if (f.mode === 'interval' && !f.everyDays)
      ctx.addIssue({ code: 'custom', path: ['everyDays'], message: 'Every how many days?' });
  });
export type VisitFrequency = z.infer<typeof visitFrequencySchema>;

/** The family's preferred visit times: a daily window and, optionally, the weekdays (1 = Monday … 7 = Sunday). */
export const preferredTimesSchema = z
  .object({
    from: hhmmSchema,
    to: hhmmSchema,
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
  })
  .refine((w) => minutesOf(w.to) > minutesOf(w.from), { message: 'The window must end after it starts' });
export type PreferredTimes = z.infer<typeof preferredTimesSchema>;

export const carePlanContentSchema = z
  .object({
    items: z.array(carePlanItemSchema).max(100).default([]),
    frequencies: z.array(visitFrequencySchema).max(disciplines.length).default([]),
    preferredTimes: preferredTimesSchema.nullable().default(null),
    keyWorkerId: idSchema.nullable().default(null),
    reviewDate: isoDateSchema,
    phase: illnessPhaseSchema.default('stable'),
  })
  .refine((c) => new Set(c.frequencies.map((f) => f.discipline)).size === c.frequencies.length, {
    message: 'One frequency per discipline',
    path: ['frequencies'],
  });
export type CarePlanContent = z.infer<typeof carePlanContentSchema>;

/** A new version of the care plan: the whole content plus why it changed. */
export const carePlanChangeBodySchema = z.object({
  content: carePlanContentSchema,
  reason: z.string().trim().min(3).max(1000),
  /** The version this change was made from; a stale one is refused so no change is lost. */
  baseVersion: z.number().int().min(0),
});
export type CarePlanChangeBody = z.infer<typeof carePlanChangeBodySchema>;

export const carePlanVersionSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  version: z.number().int(),
  content: carePlanContentSchema,
  reason: z.string(),
  meetingId: idSchema.nullable(),
  changedById: idSchema,
  changedByName: z.string(),
  changedAt: isoDateTimeSchema,
});
export type CarePlanVersion = z.infer<typeof carePlanVersionSchema>;

export const carePlanSchema = z.object({
  patientId: idSchema,
  current: carePlanVersionSchema.nullable(),
  keyWorkerName: z.string().nullable(),
  reviewDue: z.boolean(),
});

import { z } from 'zod';
import { DomainError } from '../common/domain-error.ts';
import { because } from '../common/reasons.ts';
import { idSchema, isoDateSchema, isoDateTimeSchema } from '../common/schemas.ts';
import { disciplineSchema, hhmmSchema } from './care-plan.ts';

/** DOMAIN.md step 6 and issue 5: the life of a visit. */
export const visitStatuses = [
  'requested',
  'scheduled',
  'on_the_way',
  'checked_in',
  'completed',
  'missed',
  'cancelled',
  /** Waiting while the patient is away from home (hospital, hospice, respite); see episode rules. */
  'on_hold',
] as const;
export const visitStatusSchema = z.enum(visitStatuses);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

export const visitKinds = ['planned', 'one_off', 'urgent'] as const;
export type VisitKind = (typeof visitKinds)[number];

/** Allowed moves. Completed, missed and cancelled are final. */
export const visitTransitions: Record<VisitStatus, readonly VisitStatus[]> = {
  requested: ['scheduled', 'cancelled', 'on_hold'],
  scheduled: ['on_the_way', 'missed', 'cancelled', 'on_hold'],
  on_the_way: ['checked_in', 'missed', 'cancelled'],
  checked_in: ['completed'],
  completed: [],
  missed: [],
  cancelled: [],
  on_hold: ['scheduled', 'requested', 'cancelled'],
};

/** Statuses in which the visit is already under way or over: the planner must not move it. */
export const startedStatuses: readonly VisitStatus[] = ['on_the_way', 'checked_in', 'completed', 'missed'];
export const finalStatuses: readonly VisitStatus[] = ['completed', 'missed', 'cancelled'];

const words: Record<VisitStatus, string> = {
  requested: 'requested',
  scheduled: 'scheduled',
  on_the_way: 'on the way',
  checked_in: 'checked in',
  completed: 'completed',
  missed: 'missed',
  cancelled: 'cancelled',
  on_hold: 'on hold',
};

/** Refuses a move the lifecycle does not allow, saying what would be allowed instead. */
export function assertVisitTransition(from: VisitStatus, to: VisitStatus): void {
  if (visitTransitions[from].includes(to)) return;
  // "on hold" is set by the care episode, never chosen by hand, so it is not offered
  const allowed = visitTransitions[from].filter((s) => s !== 'on_hold').map((s) => words[s]);
  throw new DomainError(
    'CONFLICT',
    allowed.length === 0
      ? `This visit is already ${words[from]}; it cannot become ${words[to]}.`
      : `A visit that is ${words[from]} cannot become ${words[to]}; it can only become ${allowed.join(' or ')}.`,
    { from, to, allowed: visitTransitions[from] },
    because('visit.cannotMove', { from, to }),
  );
}

export const needsReason = (to: VisitStatus) => to === 'missed' || to === 'cancelled';

export const visitTransitionBodySchema = z
  .object({
    to: z.enum(['on_the_way', 'checked_in', 'missed', 'cancelled']),
    reason: z.string().trim().min(3).max(500).optional(),
    /** Shared by the device if the person allowed it. */
    location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
    /** When it happened on the device (an offline phone submits later). */
    at: isoDateTimeSchema.optional(),
    /** Idempotency key from the device's outbox: the same command twice does it once. */
    clientId: z.uuid().optional(),
  })
  .refine((b) => !needsReason(b.to) || b.reason, { message: 'Give the reason', path: ['reason'] });
export type VisitTransitionBody = z.infer<typeof visitTransitionBodySchema>;

export const visitScheduleBodySchema = z.object({
  staffId: idSchema,
  date: isoDateSchema,
  start: hhmmSchema,
});

/**
 * What a visit records (DOMAIN.md step 6). Assessments are free-text findings until the clinical
 * watch issue's assessment forms are on main.
 */
export const visitDocumentationSchema = z.object({
  assessment: z.string().trim().max(4000).default(''),
  done: z.string().trim().min(2).max(4000),
  taught: z.string().trim().max(4000).default(''),
  notes: z.string().trim().max(4000).default(''),
  nextSteps: z.string().trim().max(4000).default(''),
});
export type VisitDocumentation = z.infer<typeof visitDocumentationSchema>;

export const visitCompleteBodySchema = z.object({
  documentation: visitDocumentationSchema,
  at: isoDateTimeSchema.optional(),
  clientId: z.uuid().optional(),
});

export const visitRequestBodySchema = z.object({
  discipline: disciplineSchema,
  kind: z.enum(['one_off', 'urgent']).default('one_off'),
  date: isoDateSchema,
  durationMinutes: z.number().int().min(10).max(240).default(45),
  windowFrom: hhmmSchema.optional(),
  windowTo: hhmmSchema.optional(),
  reason: z.string().trim().min(3).max(500),
});
export type VisitRequestBody = z.infer<typeof visitRequestBodySchema>;

export const visitEventSchema = z.object({
  from: visitStatusSchema.nullable(),
  to: visitStatusSchema,
  reason: z.string().nullable(),
  byName: z.string().nullable(),
  at: isoDateTimeSchema,
});

export const visitNoteSchema = visitDocumentationSchema.extend({
  id: idSchema,
  byName: z.string(),
  at: isoDateTimeSchema,
});

export const visitSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  address: z.string(),
  coordinates: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  discipline: disciplineSchema,
  kind: z.enum(visitKinds),
  status: visitStatusSchema,
  staffId: idSchema.nullable(),
  staffName: z.string().nullable(),
  date: isoDateSchema,
  start: hhmmSchema.nullable(),
  durationMinutes: z.number().int(),
  windowFrom: hhmmSchema.nullable(),
  windowTo: hhmmSchema.nullable(),
  reason: z.string().nullable(),
  statusReason: z.string().nullable(),
  checkedInAt: isoDateTimeSchema.nullable(),
  completedAt: isoDateTimeSchema.nullable(),
  history: z.array(visitEventSchema),
  notes: z.array(visitNoteSchema),
});
export type Visit = z.infer<typeof visitSchema>;

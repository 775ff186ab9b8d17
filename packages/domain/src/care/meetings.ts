import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema } from '../common/schemas.ts';
import { carePlanContentSchema, type Discipline, disciplineSchema, type IllnessPhase } from './care-plan.ts';

/**
 * Review cadence: the plan of care is reviewed "as frequently as the condition requires, but no
 * less frequently than every 15 calendar days" (US Medicare hospice CoP 42 CFR 418.56, in
 * palliative-research.md). An unstable phase should resolve within 3 days (PCOC Benchmark 2), so
 * a patient in an unstable or deteriorating phase is due 3 days after the last review.
 */
export const reviewEveryDays = 15;
export const unstableReviewDays = 3;

/**
 * Required members: physician, registered nurse, social worker, and a pastoral or other
 * counselor (42 CFR 418.56, palliative-research.md). Each group is satisfied by any discipline in it.
 */
export const requiredMeetingDisciplines: readonly (readonly Discipline[])[] = [
  ['physician'],
  ['nurse'],
  ['social_worker'],
  ['chaplain', 'psychologist'],
];

export function missingDisciplines(present: readonly string[]): Discipline[][] {
  return requiredMeetingDisciplines.filter((g) => !g.some((d) => present.includes(d))).map((g) => [...g]);
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

export interface ReviewState {
  lastReviewOn: string | null;
  phase: IllnessPhase;
  /** When the care plan was set to its current phase (ISO date). */
  phaseSince: string | null;
}

export type ReviewReason = 'never_reviewed' | 'interval' | 'unstable_phase';

/** When the next team review is due, why, and how many days it has really been (issue 13). */
export function reviewDue(
  s: ReviewState,
  today: string,
): { dueOn: string; due: boolean; reason: ReviewReason; daysSinceReview: number | null } {
  if (!s.lastReviewOn) return { dueOn: today, due: true, reason: 'never_reviewed', daysSinceReview: null };
  const unstable = s.phase === 'unstable' || s.phase === 'deteriorating';
  const every = unstable ? unstableReviewDays : reviewEveryDays;
  const dueOn = new Date(Date.parse(s.lastReviewOn) + every * dayMs).toISOString().slice(0, 10);
  // a phase that became unstable after the last review brings the review forward at once
  const unstableSinceReview = unstable && s.phaseSince !== null && s.phaseSince > s.lastReviewOn;
  const daysSinceReview = daysBetween(s.lastReviewOn, today);
  const due = daysSinceReview >= every || unstableSinceReview;
  return { dueOn, due, reason: unstable ? 'unstable_phase' : 'interval', daysSinceReview };
}

export const meetingReviewInputSchema = z.object({
  patientId: idSchema,
  summary: z.string().trim().min(2).max(2000),
  /** The decision as a change to the care plan (a new version), if the team changed it. */
  carePlan: carePlanContentSchema.optional(),
  ownerId: idSchema.nullable().default(null),
});

export const meetingCreateBodySchema = z.object({
  heldOn: isoDateSchema,
  attendeeIds: z.array(idSchema).min(1).max(50),
  notes: z.string().trim().max(4000).default(''),
  reviews: z.array(meetingReviewInputSchema).max(200).default([]),
});
export type MeetingCreateBody = z.infer<typeof meetingCreateBodySchema>;

export const meetingSchema = z.object({
  id: idSchema,
  heldOn: isoDateSchema,
  notes: z.string(),
  attendees: z.array(z.object({ userId: idSchema, name: z.string(), discipline: z.string() })),
  missingDisciplines: z.array(z.array(disciplineSchema)),
  reviews: z.array(
    z.object({
      patientId: idSchema,
      patientName: z.string(),
      summary: z.string(),
      carePlanVersion: z.number().int().nullable(),
      ownerId: idSchema.nullable(),
      ownerName: z.string().nullable(),
    }),
  ),
  createdAt: isoDateTimeSchema,
});

export const duePatientSchema = z.object({
  patientId: idSchema,
  patientName: z.string(),
  /** Age and area tell apart two patients with the same name (issue 13). */
  patientAgeYears: z.number().int(),
  patientArea: z.string(),
  lastReviewOn: isoDateSchema.nullable(),
  /** Days from the last review to the day asked about; null when never reviewed. */
  daysSinceReview: z.number().int().nullable(),
  dueOn: isoDateSchema,
  reason: z.enum(['never_reviewed', 'interval', 'unstable_phase']),
  phase: z.string(),
});
export type DuePatient = z.infer<typeof duePatientSchema>;

/** A member of the mobile team, for choosing a key worker, an owner or a meeting's attendees. */
export const careTeamMemberSchema = z.object({
  id: idSchema,
  name: z.string(),
  discipline: disciplineSchema,
});
export type CareTeamMember = z.infer<typeof careTeamMemberSchema>;

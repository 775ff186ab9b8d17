import { z } from 'zod';
import { invitationSchema } from '../auth/schemas.ts';
import {
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  pageQuerySchema,
  phoneSchema,
} from '../common/schemas.ts';
import { coordinatesSchema } from '../patients/schemas.ts';

/** A volunteer's path: applicant → screened → trained → active ⇄ paused → left. */
export const volunteerStatuses = ['applicant', 'screened', 'trained', 'active', 'paused', 'left'] as const;
export type VolunteerStatus = (typeof volunteerStatuses)[number];

export const volunteerSkills = [
  'driving',
  'music',
  'tutoring',
  'medical_student',
  'childcare',
  'crafts',
  'sport',
  'shopping',
  'sitting',
  'clowning',
] as const;
export type VolunteerSkill = (typeof volunteerSkills)[number];

/** Languages a volunteer speaks and a family asks for, as ISO 639-1 codes. */
export const languageCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'Use a two-letter language code, for example ru');

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM');

/** One weekly window when the volunteer can help (1 = Monday … 7 = Sunday, local time). */
export const availabilitySlotSchema = z
  .object({ weekday: z.number().int().min(1).max(7), from: timeOfDaySchema, to: timeOfDaySchema })
  .refine((s) => s.from < s.to, { message: 'The end must be after the start', path: ['to'] });
export type AvailabilitySlot = z.infer<typeof availabilitySlotSchema>;

export const volunteerBodySchema = z.object({
  name: z.string().trim().min(2).max(120),
  phone: phoneSchema,
  email: z.email().max(200).optional(),
  address: z.string().trim().min(2).max(300),
  home: coordinatesSchema,
  /** How far from home they can travel to a family. */
  maxDistanceKm: z.number().min(1).max(500).default(25),
  areas: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  languages: z.array(languageCodeSchema).min(1).max(10),
  skills: z.array(z.enum(volunteerSkills)).max(volunteerSkills.length).default([]),
  availability: z.array(availabilitySlotSchema).max(28).default([]),
  notes: z.string().trim().max(2000).optional(),
});
export type VolunteerBody = z.output<typeof volunteerBodySchema>;
export const volunteerPatchSchema = volunteerBodySchema.partial();

export const backgroundCheckResults = ['pending', 'clear', 'concerns'] as const;

/** Screening before a volunteer meets any family: interview, background check, signed agreements. */
export const screeningBodySchema = z.object({
  interviewOn: isoDateSchema.optional(),
  interviewNotes: z.string().trim().max(2000).optional(),
  backgroundCheckOn: isoDateSchema.optional(),
  backgroundCheckResult: z.enum(backgroundCheckResults).default('pending'),
  consentSignedOn: isoDateSchema.optional(),
  confidentialitySignedOn: isoDateSchema.optional(),
});
export type ScreeningBody = z.output<typeof screeningBodySchema>;
export const screeningSchema = z.object({
  interviewOn: z.string().nullable(),
  interviewNotes: z.string().nullable(),
  backgroundCheckOn: z.string().nullable(),
  backgroundCheckResult: z.enum(backgroundCheckResults),
  consentSignedOn: z.string().nullable(),
  confidentialitySignedOn: z.string().nullable(),
  recordedAt: isoDateTimeSchema,
  recordedByName: z.string(),
});
export type Screening = z.infer<typeof screeningSchema>;

/** Modules every volunteer completes before they are "trained". */
export const trainingModules = [
  'induction',
  'safeguarding_children',
  'confidentiality',
  'infection_control',
  'grief_and_loss',
] as const;
export type TrainingModule = (typeof trainingModules)[number];
export const trainingBodySchema = z.object({
  module: z.enum(trainingModules),
  completedOn: isoDateSchema,
});
export const trainingRecordSchema = trainingBodySchema.extend({ recordedByName: z.string() });

export const volunteerNoteKinds = ['supervision', 'debrief'] as const;
export const volunteerNoteBodySchema = z.object({
  kind: z.enum(volunteerNoteKinds),
  on: isoDateSchema,
  body: z.string().trim().min(2).max(4000),
});
export const volunteerNoteSchema = volunteerNoteBodySchema.extend({
  id: idSchema,
  byName: z.string(),
  at: isoDateTimeSchema,
});

export const volunteerStatusBodySchema = z.object({
  to: z.enum(volunteerStatuses),
  reason: z.string().trim().max(500).optional(),
});

export const volunteerSchema = z.object({
  id: idSchema,
  name: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  address: z.string(),
  home: coordinatesSchema,
  maxDistanceKm: z.number(),
  areas: z.array(z.string()),
  languages: z.array(z.string()),
  skills: z.array(z.enum(volunteerSkills)),
  availability: z.array(availabilitySlotSchema),
  notes: z.string().nullable(),
  status: z.enum(volunteerStatuses),
  hasLogin: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type Volunteer = z.infer<typeof volunteerSchema>;

export const volunteerDetailSchema = volunteerSchema.extend({
  screening: screeningSchema.nullable(),
  training: z.array(trainingRecordSchema),
  missingModules: z.array(z.enum(trainingModules)),
  supervision: z.array(volunteerNoteSchema),
  history: z.array(
    z.object({ from: z.string().nullable(), to: z.string(), reason: z.string().nullable(), at: z.string() }),
  ),
});
export type VolunteerDetail = z.infer<typeof volunteerDetailSchema>;

export const volunteerListQuerySchema = pageQuerySchema.extend({
  status: z.enum(volunteerStatuses).optional(),
  q: z.string().trim().max(100).optional(),
});

export const volunteerLoginBodySchema = z.object({ email: z.email().max(200) });
/** A volunteer's portal login starts as a staff-style invitation: the link, and until when it works. */
export const volunteerLoginSchema = invitationSchema;

/** What a family may ask a volunteer for. */
export const requestKinds = ['company_for_child', 'shopping', 'lift_to_hospital', 'respite_sitting'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const requestStatuses = ['open', 'assigned', 'done', 'cancelled'] as const;

export const volunteerRequestBodySchema = z.object({
  patientId: idSchema,
  kind: z.enum(requestKinds),
  startsAt: isoDateTimeSchema,
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(12 * 60),
  language: languageCodeSchema.default('ru'),
  /** Shown to the volunteer: what to bring (kept free of clinical detail). */
  whatToBring: z.string().trim().max(500).optional(),
  /** For the coordinator only. */
  details: z.string().trim().max(2000).optional(),
});
export type VolunteerRequestBody = z.output<typeof volunteerRequestBodySchema>;

export const assignmentStatuses = ['offered', 'accepted', 'declined', 'cancelled', 'completed'] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

export const assignmentSummarySchema = z.object({
  id: idSchema,
  volunteerId: idSchema,
  volunteerName: z.string(),
  status: z.enum(assignmentStatuses),
  offeredAt: isoDateTimeSchema,
  respondedAt: isoDateTimeSchema.nullable(),
  declineReason: z.string().nullable(),
  closedAt: isoDateTimeSchema.nullable(),
  closeNote: z.string().nullable(),
});

export const volunteerRequestSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  kind: z.enum(requestKinds),
  status: z.enum(requestStatuses),
  startsAt: isoDateTimeSchema,
  durationMinutes: z.number(),
  language: z.string(),
  whatToBring: z.string().nullable(),
  details: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  assignments: z.array(assignmentSummarySchema),
});
export type VolunteerRequest = z.infer<typeof volunteerRequestSchema>;
export const volunteerRequestListQuerySchema = pageQuerySchema.extend({
  status: z.enum(requestStatuses).optional(),
});

export const matchSchema = z.object({
  volunteerId: idSchema,
  name: z.string(),
  score: z.number(),
  eligible: z.boolean(),
  distanceKm: z.number(),
  parts: z.object({
    skills: z.number(),
    language: z.number(),
    distance: z.number(),
    availability: z.number(),
  }),
  reasons: z.array(z.string()),
});
export type Match = z.infer<typeof matchSchema>;

export const assignBodySchema = z.object({ volunteerId: idSchema });
/** The coordinator closes an accepted assignment once the help has been given. */
export const closeAssignmentBodySchema = z.object({ note: z.string().trim().max(1000).optional() });
export const respondBodySchema = z.object({
  accept: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});

/**
 * What a volunteer sees of an assignment: the minimum for the job. The family's first name, the
 * address for a visit, when, and what to bring; never a diagnosis or anything from the record.
 */
export const portalAssignmentSchema = z.object({
  id: idSchema,
  status: z.enum(assignmentStatuses),
  kind: z.enum(requestKinds),
  startsAt: isoDateTimeSchema,
  durationMinutes: z.number(),
  familyFirstName: z.string(),
  address: z.string().nullable(),
  whatToBring: z.string().nullable(),
  coordinatorPhone: z.string(),
  /** Local day the coordinator closed it; hours are loggable up to that day. */
  closedOn: z.string().nullable(),
  hours: z.array(
    z.object({
      id: idSchema,
      on: z.string(),
      minutes: z.number(),
      status: z.enum(['submitted', 'approved', 'rejected']),
    }),
  ),
});
export type PortalAssignment = z.infer<typeof portalAssignmentSchema>;

export const hoursStatuses = ['submitted', 'approved', 'rejected'] as const;
export const logHoursBodySchema = z.object({
  on: isoDateSchema,
  minutes: z
    .number()
    .int()
    .min(5)
    .max(16 * 60),
  note: z.string().trim().max(1000).optional(),
});
export const hoursEntrySchema = z.object({
  id: idSchema,
  assignmentId: idSchema,
  volunteerId: idSchema,
  volunteerName: z.string(),
  kind: z.enum(requestKinds),
  on: z.string(),
  minutes: z.number(),
  note: z.string().nullable(),
  status: z.enum(hoursStatuses),
  loggedAt: isoDateTimeSchema,
  decidedByName: z.string().nullable(),
  rejectReason: z.string().nullable(),
});
export type HoursEntry = z.infer<typeof hoursEntrySchema>;
export const hoursListQuerySchema = pageQuerySchema.extend({ status: z.enum(hoursStatuses).optional() });
export const decideHoursBodySchema = z.object({
  approve: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM');
/** A typed figure overrides the hours derived from visits; null removes the override. */
export const paidCareHoursBodySchema = z.object({ hours: z.number().min(0).max(1_000_000).nullable() });

export const volunteerReportSchema = z.object({
  month: monthSchema,
  approvedMinutes: z.number(),
  volunteerHours: z.number(),
  /** The figure the share is taken of: the typed override, else the visits record's. */
  paidCareHours: z.number().nullable(),
  paidCareHoursSource: z.enum(['entered', 'visits']).nullable(),
  /** Completed visits by paid staff that month and their hours (checked-in to completed). */
  visitCareHours: z.number(),
  completedVisits: z.number(),
  enteredPaidCareHours: z.number().nullable(),
  sharePercent: z.number().nullable(),
  benchmarkPercent: z.number(),
  meetsBenchmark: z.boolean().nullable(),
  byVolunteer: z.array(z.object({ volunteerId: idSchema, name: z.string(), hours: z.number() })),
  byKind: z.array(z.object({ kind: z.enum(requestKinds), hours: z.number() })),
  pendingEntries: z.number(),
});
export type VolunteerReport = z.infer<typeof volunteerReportSchema>;

export const portalAssignmentListSchema = z.object({
  volunteerName: z.string().nullable(),
  items: z.array(portalAssignmentSchema),
});

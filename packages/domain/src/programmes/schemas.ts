import { z } from 'zod';
import { phasesOfIllness } from '../assessments/scales.ts';
import {
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  localeSchema,
  pageQuerySchema,
} from '../common/schemas.ts';

/** The children's hospice programmes of DOMAIN.md. */
export const programmeKinds = ['friends_club', 'clown_doctors', 'summer_camp', 'training_course'] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];

export const programmeBodySchema = z.object({
  kind: z.enum(programmeKinds),
  name: z.string().trim().min(2).max(160),
  description: z.string().trim().max(2000).optional(),
  /** The friends' club is for young people with disabilities up to 24 years old. */
  maxAgeYears: z.number().int().min(0).max(120).optional(),
});
export const programmeSchema = z.object({
  id: idSchema,
  kind: z.enum(programmeKinds),
  name: z.string(),
  description: z.string().nullable(),
  maxAgeYears: z.number().nullable(),
  sessionCount: z.number(),
  createdAt: isoDateTimeSchema,
});
export type Programme = z.infer<typeof programmeSchema>;

export const sessionBodySchema = z
  .object({
    title: z.string().trim().min(2).max(160),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    place: z.string().trim().min(2).max(300),
    /** Participants (children at a camp shift, learners at a course, members at the club). */
    capacity: z.number().int().min(1).max(1000),
    /** Summer camp only: places for accompanying family members. */
    familyCapacity: z.number().int().min(0).max(1000).optional(),
  })
  .refine((s) => new Date(s.endsAt) > new Date(s.startsAt), {
    message: 'The end must be after the start',
    path: ['endsAt'],
  });

export const rosterBodySchema = z
  .object({
    userId: idSchema.optional(),
    volunteerId: idSchema.optional(),
    role: z.string().trim().min(2).max(80),
  })
  .refine((r) => !r.userId !== !r.volunteerId, {
    message: 'Give a staff member or a volunteer',
    path: ['userId'],
  });

export const rosterEntrySchema = z.object({
  id: idSchema,
  userId: idSchema.nullable(),
  volunteerId: idSchema.nullable(),
  name: z.string(),
  role: z.string(),
});

export const participantBodySchema = z.object({
  name: z.string().trim().min(2).max(160),
  patientId: idSchema.optional(),
  dateOfBirth: isoDateSchema.optional(),
});
export const participantSchema = z.object({ id: idSchema, name: z.string(), patientId: idSchema.nullable() });

export const campApplicationStatuses = ['accepted', 'waitlisted', 'withdrawn'] as const;
export type CampApplicationStatus = (typeof campApplicationStatuses)[number];

export const campApplicationBodySchema = z.object({
  patientId: idSchema,
  /** Accompanying family members (parents, siblings) who come with the child. */
  familyMembers: z.number().int().min(0).max(10),
  notes: z.string().trim().max(1000).optional(),
});

/** Who may give what at camp: the medicines list (from the record where there is one) and care. */
export const careNoteBodySchema = z.object({
  medicines: z.string().trim().max(2000).optional(),
  equipment: z.string().trim().max(1000).optional(),
  diet: z.string().trim().max(1000).optional(),
  mobility: z.string().trim().max(1000).optional(),
  whoMayGive: z.string().trim().max(1000).optional(),
  notes: z.string().trim().max(2000).optional(),
});
export const careNoteSchema = z.object({
  medicines: z.string().nullable(),
  equipment: z.string().nullable(),
  diet: z.string().nullable(),
  mobility: z.string().nullable(),
  whoMayGive: z.string().nullable(),
  notes: z.string().nullable(),
  recordedAt: isoDateTimeSchema,
  recordedByName: z.string(),
  version: z.number(),
});

export const consentKinds = ['participation', 'medical_care', 'photos'] as const;
/** Forms a child needs before the shift: participation and medical care; photos are optional. */
export const requiredConsents = ['participation', 'medical_care'] as const;
export const consentBodySchema = z.object({
  kind: z.enum(consentKinds),
  signedBy: z.string().trim().min(2).max(160),
  signedOn: isoDateSchema,
});
export const consentSchema = z.object({
  kind: z.enum(consentKinds),
  signedBy: z.string(),
  signedOn: z.string(),
});

export const campApplicationSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  patientId: idSchema,
  childName: z.string(),
  familyMembers: z.number(),
  status: z.enum(campApplicationStatuses),
  /** 1-based place on the waiting list, null when not waiting. */
  waitlistPosition: z.number().nullable(),
  appliedAt: isoDateTimeSchema,
  notes: z.string().nullable(),
  careNote: careNoteSchema.nullable(),
  consents: z.array(consentSchema),
  missingConsents: z.array(z.enum(consentKinds)),
  /**
   * The child's current prescriptions from the medicines record, for the camp's care notes; null
   * when the reader may not see prescriptions (`camp:read-medicines`), and the care note's
   * `medicines` is then null too.
   */
  recordMedicines: z.array(z.string()).nullable(),
});
export type CampApplication = z.infer<typeof campApplicationSchema>;

export const sessionSchema = z.object({
  id: idSchema,
  programmeId: idSchema,
  title: z.string(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  place: z.string(),
  capacity: z.number(),
  familyCapacity: z.number().nullable(),
  /** Places taken: participants, accepted camp children, or enrolled learners. */
  taken: z.number(),
  familyTaken: z.number(),
  waiting: z.number(),
  roster: z.array(rosterEntrySchema),
  participants: z.array(participantSchema),
});
export type ProgrammeSession = z.infer<typeof sessionSchema>;

export const programmeDetailSchema = programmeSchema.extend({ sessions: z.array(sessionSchema) });
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

export const familyWishes = ['welcome', 'asked', 'declined'] as const;
export type FamilyWish = (typeof familyWishes)[number];

export const clownVisitBodySchema = z.object({
  patientId: idSchema,
  scheduledAt: isoDateTimeSchema,
  /** "welcome": the family agreed when offered; "asked": the family asked for it themselves. */
  familyWish: z.enum(familyWishes),
  notes: z.string().trim().max(1000).optional(),
});
export const clownVisitSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  childFirstName: z.string(),
  scheduledAt: isoDateTimeSchema,
  familyWish: z.enum(familyWishes),
  phase: z.enum(phasesOfIllness),
  /**
   * Where the phase came from: a clinician's phase-of-illness assessment. Visits booked before
   * issue 13 may carry a phase the coordinator confirmed; new visits never do.
   */
  phaseSource: z.enum(['assessment', 'confirmed_by_coordinator']),
  status: z.enum(['scheduled', 'done', 'cancelled']),
  notes: z.string().nullable(),
  /** How the visit went (done) or why it did not happen (cancelled). */
  outcome: z.string().nullable(),
  closedAt: isoDateTimeSchema.nullable(),
});
export type ClownVisit = z.infer<typeof clownVisitSchema>;

export const enrolmentBodySchema = z
  .object({
    userId: idSchema.optional(),
    name: z.string().trim().min(2).max(160).optional(),
    email: z.email().max(200).optional(),
    organization: z.string().trim().max(200).optional(),
  })
  .refine((e) => e.userId || e.name, {
    message: 'Give a staff member or the learner’s name',
    path: ['name'],
  });

export const attendanceBodySchema = z.object({
  sessionId: idSchema,
  present: z.boolean(),
});

export const enrolmentSchema = z.object({
  id: idSchema,
  programmeId: idSchema,
  userId: idSchema.nullable(),
  name: z.string(),
  email: z.string().nullable(),
  organization: z.string().nullable(),
  external: z.boolean(),
  enrolledAt: isoDateTimeSchema,
  attended: z.array(idSchema),
  completedOn: z.string().nullable(),
  certificateNumber: z.string().nullable(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const certificateSchema = z.object({
  number: z.string(),
  learnerName: z.string(),
  courseName: z.string(),
  organizationName: z.string(),
  completedOn: z.string(),
  sessions: z.array(z.object({ title: z.string(), startsAt: isoDateTimeSchema })),
  totalHours: z.number(),
  /** The organization's language: a certificate reads the same whoever prints it. */
  language: localeSchema,
});
export type Certificate = z.infer<typeof certificateSchema>;

export const programmeListQuerySchema = pageQuerySchema.extend({ kind: z.enum(programmeKinds).optional() });
/** Closing a visit says how it went, or why it did not happen. */
export const clownVisitStatusBodySchema = z.object({
  status: z.enum(['done', 'cancelled']),
  outcome: z.string().trim().min(2).max(2000),
});

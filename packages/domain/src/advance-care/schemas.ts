import { z } from 'zod';
import { idSchema, isoDateSchema } from '../common/schemas.ts';
import { allergySchema, careSettings, contactSchema, diagnosisSchema } from '../patients/schemas.ts';

/**
 * Advance care plan to the SCCI1580 dataset (palliative-research.md §6 item 1; EP1, CMC1):
 * preferred place of care and death (versioned), CPR decision with date, where the form is kept
 * and who was told, ceilings of treatment, decision-maker, whether patient and carer know the
 * prognosis, consent to share.
 */
export const places = ['home', 'inpatient_hospice', 'hospital', 'care_home', 'other', 'undecided'] as const;
export const resuscitationDecisions = ['attempt_cpr', 'do_not_attempt_cpr', 'not_discussed'] as const;
export const awareness = ['yes', 'partly', 'no', 'unknown'] as const;

/** The plan's own fields: what a version stores (its change reason is kept beside it). */
export const acpPlanFieldsSchema = z.object({
  preferredPlaceOfCare: z.enum(places),
  preferredPlaceOfDeath: z.enum(places),
  placeNote: z.string().trim().max(300).optional(),
  resuscitation: z.object({
    decision: z.enum(resuscitationDecisions),
    decidedOn: isoDateSchema.optional(),
    formLocation: z.string().trim().max(200).optional(),
    whoWasTold: z.string().trim().max(300).optional(),
  }),
  ceilingsOfTreatment: z.string().trim().max(2000).optional(),
  decisionMaker: z
    .object({
      name: z.string().trim().min(2).max(120),
      relationship: z.string().trim().max(60).optional(),
      phone: z.string().trim().max(30).optional(),
      basis: z.string().trim().max(120).optional(),
    })
    .optional(),
  patientKnowsPrognosis: z.enum(awareness),
  familyKnowsPrognosis: z.enum(awareness),
  consentToShare: z.boolean(),
});
export type AcpPlanFields = z.infer<typeof acpPlanFieldsSchema>;

export const acpBodySchema = acpPlanFieldsSchema
  .extend({ changeReason: z.string().trim().min(3).max(500) })
  .refine(
    (b) =>
      b.resuscitation.decision !== 'do_not_attempt_cpr' ||
      (b.resuscitation.decidedOn && b.resuscitation.formLocation),
    {
      message: 'A do-not-attempt-CPR decision needs its date and where the form is kept.',
      path: ['resuscitation', 'formLocation'],
    },
  );
export type AcpBody = z.infer<typeof acpBodySchema>;

export const acpVersionSchema = z.object({
  id: idSchema,
  version: z.number(),
  preferredPlaceOfCare: z.enum(places),
  preferredPlaceOfDeath: z.enum(places),
  placeNote: z.string().nullable(),
  resuscitation: z.object({
    decision: z.enum(resuscitationDecisions),
    decidedOn: z.string().nullable(),
    formLocation: z.string().nullable(),
    whoWasTold: z.string().nullable(),
  }),
  ceilingsOfTreatment: z.string().nullable(),
  decisionMaker: z
    .object({
      name: z.string(),
      relationship: z.string().nullable(),
      phone: z.string().nullable(),
      basis: z.string().nullable(),
    })
    .nullable(),
  patientKnowsPrognosis: z.enum(awareness),
  familyKnowsPrognosis: z.enum(awareness),
  consentToShare: z.boolean(),
  changeReason: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});
export type AcpVersion = z.infer<typeof acpVersionSchema>;

export const acpViewSchema = z.object({
  current: acpVersionSchema.nullable(),
  history: z.array(acpVersionSchema),
});

/** The one-page summary for ambulance and out-of-hours services. */
export const acpSummarySchema = z.object({
  organizationName: z.string(),
  servicePhone: z.string(),
  language: z.enum(['en', 'ru']),
  printedAt: z.string(),
  patient: z.object({
    name: z.string(),
    dateOfBirth: z.string(),
    address: z.string(),
    phone: z.string().nullable(),
  }),
  diagnoses: z.array(diagnosisSchema),
  allergies: z.array(allergySchema),
  contacts: z.array(contactSchema),
  plan: acpVersionSchema.nullable(),
});

/** Level of care (DOMAIN.md step 9): home, continuous care at home, respite, inpatient hospice, hospital. */
export const careLevelMoveBodySchema = z.object({
  to: z.enum(careSettings),
  movedOn: isoDateSchema,
  reason: z.string().trim().min(3).max(1000),
});

export const transferSummarySchema = z.object({
  patient: z.object({
    id: idSchema,
    name: z.string(),
    dateOfBirth: z.string(),
    address: z.string(),
    phone: z.string().nullable(),
    careSetting: z.enum(careSettings),
  }),
  diagnoses: z.array(diagnosisSchema),
  allergies: z.array(allergySchema),
  advanceCarePlan: acpVersionSchema.nullable(),
  contacts: z.array(contactSchema),
  equipmentAtHome: z.array(z.object({ kind: z.string(), name: z.string(), serialNumber: z.string() })),
  /** Current prescriptions (issue 6), as the physician wrote them. */
  medicines: z.array(
    z.object({
      name: z.string(),
      dose: z.string(),
      route: z.string(),
      kind: z.enum(['scheduled', 'prn']),
      indication: z.string(),
      instructions: z.string().nullable(),
      controlled: z.boolean(),
    }),
  ),
  /** The latest current assessment of each instrument (issue 4). */
  latestAssessments: z.array(
    z.object({ instrument: z.string(), takenAt: z.string(), scores: z.record(z.string(), z.unknown()) }),
  ),
  /** Sections this build could not fill; empty when every feature is present. */
  notAvailable: z.array(z.string()),
  generatedAt: z.string(),
});

export type TransferSummary = z.infer<typeof transferSummarySchema>;

export const careLevelMoveSchema = z.object({
  id: idSchema,
  from: z.enum(careSettings),
  to: z.enum(careSettings),
  movedOn: z.string(),
  reason: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  summary: transferSummarySchema,
});

import { z } from 'zod';
import { idSchema, isoDateSchema } from '../common/schemas.ts';
import { diagnosisCategories, icd10Schema } from './icd10.ts';

export const patientStatuses = ['referred', 'active', 'inpatient', 'discharged', 'deceased'] as const;
export type PatientStatus = (typeof patientStatuses)[number];

/** Allowed moves in the patient lifecycle; `deceased` is final. */
export const patientStatusTransitions: Record<PatientStatus, readonly PatientStatus[]> = {
  referred: ['active', 'discharged', 'deceased'],
  active: ['inpatient', 'discharged', 'deceased'],
  inpatient: ['active', 'discharged', 'deceased'],
  discharged: ['active', 'deceased'],
  deceased: [],
};

export const palliativeStatuses = ['none', 'granted', 'expired'] as const;
export const careSettings = ['home', 'continuous_home', 'respite', 'inpatient_hospice', 'hospital'] as const;

export const coordinatesSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const diagnosisInputSchema = z.object({
  icd10: icd10Schema,
  description: z.string().trim().min(2).max(300),
  primary: z.boolean().default(false),
});

export const diagnosisSchema = z.object({
  id: idSchema,
  icd10: z.string(),
  description: z.string(),
  category: z.enum(diagnosisCategories),
  primary: z.boolean(),
});

export const allergyInputSchema = z.object({
  substance: z.string().trim().min(2).max(120),
  reaction: z.string().trim().max(300).optional(),
  severity: z.enum(['mild', 'moderate', 'severe', 'unknown']).default('unknown'),
});
export const allergySchema = allergyInputSchema.extend({ id: idSchema, reaction: z.string().nullable() });

export const contactInputSchema = z.object({
  name: z.string().trim().min(2).max(120),
  relationship: z.string().trim().min(2).max(60),
  phone: z.string().trim().max(30).optional(),
  livesWithPatient: z.boolean().default(false),
  notes: z.string().trim().max(1000).optional(),
});
export const contactSchema = contactInputSchema.extend({
  id: idSchema,
  phone: z.string().nullable(),
  notes: z.string().nullable(),
});

export const patientCreateBodySchema = z.object({
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(80),
  middleName: z.string().trim().max(80).optional(),
  dateOfBirth: isoDateSchema,
  sex: z.enum(['female', 'male', 'other', 'unknown']).default('unknown'),
  address: z.string().trim().min(5).max(300),
  area: z.string().trim().min(2).max(80),
  coordinates: coordinatesSchema.optional(),
  phone: z.string().trim().max(30).optional(),
  /** How to get in (key safe, entrance code, dog, parking): the visitor reads it at the door. */
  accessNotes: z.string().trim().max(1000).optional(),
  diagnoses: z.array(diagnosisInputSchema).max(20).default([]),
  allergies: z.array(allergyInputSchema).max(50).default([]),
  contacts: z.array(contactInputSchema).max(30).default([]),
  consentToShare: z.boolean().default(false),
  careSetting: z.enum(careSettings).default('home'),
});
export type PatientCreateBody = z.infer<typeof patientCreateBodySchema>;

export const identityFields = ['firstName', 'lastName', 'middleName', 'dateOfBirth', 'sex'] as const;
export type IdentityField = (typeof identityFields)[number];

const identityThroughCorrection = z
  .never({ error: 'Name, date of birth and sex are changed by an identity correction, with a reason.' })
  .optional();

// The care setting changes only through a level-of-care move, which records dates, the reason and a
// transfer summary; an edit of the details must not bypass that. Name, date of birth and sex change
// only through an identity correction, which keeps the earlier values and the reason (issue 13).
export const patientUpdateBodySchema = patientCreateBodySchema
  .omit({ diagnoses: true, allergies: true, contacts: true, careSetting: true })
  .omit({ firstName: true, lastName: true, middleName: true, dateOfBirth: true, sex: true })
  .partial()
  .extend(
    Object.fromEntries(identityFields.map((f) => [f, identityThroughCorrection])) as Record<
      IdentityField,
      typeof identityThroughCorrection
    >,
  );

/** Corrects the patient's identity: only the fields given change; the reason is kept with each. */
export const identityCorrectionBodySchema = z
  .object({
    firstName: patientCreateBodySchema.shape.firstName.optional(),
    lastName: patientCreateBodySchema.shape.lastName.optional(),
    /** null clears a middle name entered by mistake */
    middleName: z.string().trim().max(80).nullable().optional(),
    dateOfBirth: isoDateSchema.optional(),
    sex: patientCreateBodySchema.shape.sex.unwrap().optional(),
    reason: z.string().trim().min(5).max(500),
  })
  .refine((b) => identityFields.some((f) => b[f] !== undefined), {
    message: 'Give at least one field to correct.',
    path: ['firstName'],
  });
export type IdentityCorrectionBody = z.infer<typeof identityCorrectionBodySchema>;

export const identityCorrectionSchema = z.object({
  at: z.string(),
  field: z.enum(identityFields),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string(),
  byName: z.string(),
});

export const patientStatusChangeBodySchema = z.object({
  status: z.enum(patientStatuses),
  reason: z.string().trim().min(3).max(500),
});

export const serviceAreaSchema = z.object({
  distanceKm: z.number(),
  radiusKm: z.number(),
  inside: z.boolean(),
});

export const patientSummarySchema = z.object({
  id: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  ageYears: z.number(),
  isChild: z.boolean(),
  status: z.enum(patientStatuses),
  palliativeStatus: z.enum(palliativeStatuses),
  area: z.string(),
  primaryDiagnosis: z.string().nullable(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const statusHistoryEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(['status', 'palliative']),
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string().nullable(),
  /** The care setting moved to, when a level-of-care move caused the change (shown in the reader's language). */
  careSetting: z.string().nullable(),
  byName: z.string().nullable(),
});

export const patientSchema = patientSummarySchema.extend({
  middleName: z.string().nullable(),
  sex: z.enum(['female', 'male', 'other', 'unknown']),
  address: z.string(),
  coordinates: coordinatesSchema.nullable(),
  serviceArea: serviceAreaSchema.nullable(),
  phone: z.string().nullable(),
  accessNotes: z.string().nullable(),
  palliativeReviewDate: z.string().nullable(),
  careSetting: z.enum(careSettings),
  consentToShare: z.boolean(),
  diagnoses: z.array(diagnosisSchema),
  allergies: z.array(allergySchema),
  contacts: z.array(contactSchema),
  team: z.array(z.object({ userId: idSchema, name: z.string(), role: z.string() })),
  designatedFamilyUserId: idSchema.nullable(),
  statusHistory: z.array(statusHistoryEntrySchema),
  /** Corrections of name, date of birth and sex, oldest first (issue 13). */
  identityCorrections: z.array(identityCorrectionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Patient = z.infer<typeof patientSchema>;

export const patientListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(patientStatuses).optional(),
  ageGroup: z.enum(['child', 'adult']).optional(),
  teamMemberId: idSchema.optional(),
  area: z.string().trim().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PatientListQuery = z.infer<typeof patientListQuerySchema>;

export const patientIdParamsSchema = z.object({ patientId: idSchema });

import { z } from 'zod';
import { acpVersionSchema } from '../advance-care/schemas.ts';
import { alertSchema } from '../alerts/schemas.ts';
import { assessmentSchema } from '../assessments/schemas.ts';
import { carePlanItemSchema } from '../care/care-plan.ts';
import { visitSchema } from '../care/visits.ts';
import { dutyShiftSchema } from '../caregivers/schemas.ts';
import { idSchema, isoDateSchema, isoDateTimeSchema } from '../common/schemas.ts';
import { loanSchema } from '../equipment/schemas.ts';
import { administrationSchema, prescriptionSchema } from '../medicines/schemas.ts';
import {
  allergySchema,
  contactSchema,
  coordinatesSchema,
  patientSummarySchema,
} from '../patients/schemas.ts';

/**
 * The field caseload (issue 14): what a nurse's phone keeps for her visits of today and tomorrow,
 * so a visit can be done where the signal drops. `GET /api/v1/field/caseload` answers it; the
 * phone stores it and throws it away at `expiresAt`.
 */

/** The patient as the visitor needs them at the door: who, where, how to get in, whom to call. */
export const fieldPatientSchema = patientSummarySchema.extend({
  middleName: z.string().nullable(),
  sex: z.enum(['female', 'male', 'other', 'unknown']),
  address: z.string(),
  /** How to get in: key safe, entrance code, dog, parking (free text kept with the patient). */
  accessNotes: z.string().nullable(),
  coordinates: coordinatesSchema.nullable(),
  phone: z.string().nullable(),
  /** The household and other contacts, with their phones. */
  household: z.array(contactSchema),
});
export type FieldPatient = z.infer<typeof fieldPatientSchema>;

/** Advance care decisions the visitor must know before anything else. */
export const fieldAdvanceCareSchema = z.object({
  /** True when the current plan says "do not attempt CPR" (the badge on the visit card). */
  dnacpr: z.boolean(),
  /** The current advance care plan version, or null when none is recorded. */
  plan: acpVersionSchema.nullable(),
});
export type FieldAdvanceCare = z.infer<typeof fieldAdvanceCareSchema>;

/**
 * One dose already given, with the limits of the prescription version it was given under: exactly
 * what `checkDoseRecord` counts (`IngredientDose`), plus the ingredient it counts by.
 */
export const fieldGivenDoseSchema = z.object({
  prescriptionId: idSchema,
  prescriptionVersion: z.number().int(),
  /** `ingredientOf` the version: doses are counted by ingredient across prescriptions. */
  ingredient: z.string(),
  givenAt: isoDateTimeSchema,
  slot: isoDateTimeSchema.nullable(),
  kind: z.enum(['scheduled', 'prn']),
  minIntervalMinutes: z.number().nullable(),
  maxDosesPer24h: z.number().nullable(),
});
export type FieldGivenDose = z.infer<typeof fieldGivenDoseSchema>;

/** The medicine chart of one patient, enough to run the dose guard on the phone. */
export const fieldMedicinesSchema = z.object({
  /** Prescriptions active now or starting before the caseload expires. */
  prescriptions: z.array(prescriptionSchema),
  /** Every dose given (status "given") of this patient since `givenSince`, oldest first. */
  givenDoses: z.array(fieldGivenDoseSchema),
  givenSince: isoDateTimeSchema,
  /** The latest administrations of any outcome (given, not taken, refused), newest first, for the chart. */
  recentAdministrations: z.array(administrationSchema),
});
export type FieldMedicines = z.infer<typeof fieldMedicinesSchema>;

/**
 * Parts of a visit's record a role may not read (a chaplain does not read the medicine chart):
 * they come empty and are named here, so the phone says "not shown to you" rather than "none".
 */
export const fieldCaseloadParts = [
  'advanceCare',
  'prescriptions',
  'administrations',
  'latestAssessments',
  'openAlerts',
  'carePlanTasks',
  'equipment',
  'dutyRoster',
] as const;
export type FieldCaseloadPart = (typeof fieldCaseloadParts)[number];

/** One visit of the caseload with everything about its patient. */
export const fieldVisitSchema = z.object({
  visit: visitSchema,
  patient: fieldPatientSchema,
  allergies: z.array(allergySchema),
  advanceCare: fieldAdvanceCareSchema,
  medicines: fieldMedicinesSchema,
  /** The latest record of each instrument, newest first. */
  latestAssessments: z.array(assessmentSchema),
  /** Open (not resolved) alerts about the patient. */
  openAlerts: z.array(alertSchema),
  /** The care plan's items for this visit's discipline: the tasks to tick off in the documentation. */
  carePlanTasks: z.array(carePlanItemSchema),
  /** The care plan version the tasks come from (null without a plan). */
  carePlanVersion: z.number().int().nullable(),
  /** Equipment delivered to or in use at the home. */
  equipment: z.array(loanSchema),
  /** The family's duty roster for the caseload's days. */
  dutyRoster: z.array(dutyShiftSchema),
  withheld: z.array(z.enum(fieldCaseloadParts)),
});
export type FieldVisit = z.infer<typeof fieldVisitSchema>;

/** The organization's dose guard settings, so the phone checks with the server's numbers. */
export const fieldDoseGuardOptionsSchema = z.object({
  scheduleWindowMinutes: z.number(),
  lateEntryMinutes: z.number(),
  futureToleranceMinutes: z.number(),
  verbalOrderValidMinutes: z.number(),
});

export const fieldCaseloadSchema = z.object({
  generatedAt: isoDateTimeSchema,
  /** After this the phone must not rely on the copy (organization setting `fieldCaseloadHours`). */
  expiresAt: isoDateTimeSchema,
  /** The organization's time zone: scheduled dose times are local times of day in it. */
  timeZone: z.string(),
  /** Today and tomorrow in the organization's time zone. */
  days: z.tuple([isoDateSchema, isoDateSchema]),
  staff: z.object({ id: idSchema, name: z.string() }),
  doseGuard: fieldDoseGuardOptionsSchema,
  /** Visits of today and tomorrow (not cancelled), in the order of the day. */
  visits: z.array(fieldVisitSchema),
});
export type FieldCaseload = z.infer<typeof fieldCaseloadSchema>;

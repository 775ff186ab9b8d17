import { z } from 'zod';
import { witnessConfirmationSchema } from '../auth/witness.ts';
import { idSchema, isoDateSchema, isoDateTimeSchema } from '../common/schemas.ts';
import { refusalReasons } from './dose-guard.ts';
import { doseUnitSchema, medicineClassSchema, medicineFormSchema, medicineRouteSchema } from './formulary.ts';
import { safetyProblemCodes } from './safety-problems.ts';

const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, for example 08:00');
/** A scheduled prescription's times of day ("HH:MM"), as written and as a version stores them. */
export const timesOfDaySchema = z.array(timeOfDaySchema).max(12);

/** Purposes of anticipatory ("just in case") medicines for the last days (issue 6). */
export const anticipatoryPurposes = ['pain', 'breathlessness', 'agitation', 'secretions', 'nausea'] as const;
export const anticipatoryPurposeSchema = z.enum(anticipatoryPurposes);

const prescriptionFields = z.object({
  /** A formulary id, or null for a free-text medicine. */
  medicineId: z.string().max(60).nullable().default(null),
  name: z.string().trim().min(2).max(120),
  form: medicineFormSchema.nullable().default(null),
  strength: z.string().trim().max(60).nullable().default(null),
  route: medicineRouteSchema,
  doseAmount: z.number().positive().max(100_000),
  doseUnit: doseUnitSchema,
  kind: z.enum(['scheduled', 'prn']),
  timesOfDay: timesOfDaySchema.default([]),
  minIntervalMinutes: z
    .number()
    .int()
    .min(15)
    .max(7 * 24 * 60)
    .nullable()
    .default(null),
  maxDosesPer24h: z.number().int().min(1).max(24).nullable().default(null),
  indication: z.string().trim().min(2).max(300),
  instructions: z.string().trim().max(1000).nullable().default(null),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema.nullable().default(null),
  anticipatoryPurpose: anticipatoryPurposeSchema.nullable().default(null),
  /** The physician has seen the warnings that need acknowledging (two long-acting opioids, renal …). */
  acknowledgeWarnings: z.boolean().default(false),
  /**
   * Issue 12: a medicine outside the formulary declares its class (an opioid is controlled and
   * cannot be given until mapped to a formulary product).
   */
  declaredClass: medicineClassSchema.nullable().default(null),
  /** Issue 12: why the physician prescribes past a blocking problem (above a limit, allergy); shown on the chart. */
  overrideReason: z.string().trim().min(5).max(500).nullable().default(null),
});

type Fields = z.infer<typeof prescriptionFields>;
const kindRules = (p: Fields, ctx: z.RefinementCtx) => {
  // a patch is changed on the product's own interval (72 h for fentanyl), not at times of day
  if (p.kind === 'scheduled' && p.form !== 'patch' && p.timesOfDay.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['timesOfDay'],
      message: 'A scheduled medicine needs its times of day',
    });
  if (p.kind === 'scheduled' && new Set(p.timesOfDay).size !== p.timesOfDay.length)
    ctx.addIssue({ code: 'custom', path: ['timesOfDay'], message: 'Each time only once' });
  if (p.kind === 'prn' && p.minIntervalMinutes === null)
    ctx.addIssue({
      code: 'custom',
      path: ['minIntervalMinutes'],
      message: 'An as-needed medicine needs a minimum interval',
    });
  if (p.kind === 'prn' && p.maxDosesPer24h === null)
    ctx.addIssue({
      code: 'custom',
      path: ['maxDosesPer24h'],
      message: 'An as-needed medicine needs a maximum per 24 h',
    });
  if (p.endsAt && p.endsAt <= p.startsAt)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must come after the start' });
};

export const prescriptionInputSchema = prescriptionFields.superRefine(kindRules);
export type PrescriptionInput = z.infer<typeof prescriptionInputSchema>;

export const prescriptionChangeSchema = prescriptionFields
  .extend({ reason: z.string().trim().min(3).max(500) })
  .superRefine(kindRules);
export type PrescriptionChange = z.infer<typeof prescriptionChangeSchema>;

export const prescriptionStopSchema = z.object({ reason: z.string().trim().min(3).max(500) });

export const prescriptionStatusSchema = z.enum(['active', 'not_started', 'ended']);

export const prescriptionSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  version: z.number().int(),
  medicineId: z.string().nullable(),
  name: z.string(),
  form: medicineFormSchema.nullable(),
  strength: z.string().nullable(),
  route: medicineRouteSchema,
  doseAmount: z.number(),
  doseUnit: doseUnitSchema,
  kind: z.enum(['scheduled', 'prn']),
  timesOfDay: z.array(z.string()),
  minIntervalMinutes: z.number().nullable(),
  maxDosesPer24h: z.number().nullable(),
  indication: z.string(),
  instructions: z.string().nullable(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema.nullable(),
  anticipatoryPurpose: anticipatoryPurposeSchema.nullable(),
  controlled: z.boolean(),
  declaredClass: medicineClassSchema.nullable(),
  overrideReason: z.string().nullable(),
  /** A patch's change interval in hours (fentanyl 72). */
  changeIntervalHours: z.number().nullable(),
  /** A liquid dose's volume (mg shown with ml). */
  doseVolumeMl: z.number().nullable(),
  /** The product in plain English with its formulation, for API readers; the web labels in its own language. */
  label: z.string(),
  status: prescriptionStatusSchema,
  reason: z.string().nullable(),
  prescribedById: idSchema,
  prescribedByName: z.string(),
  createdAt: isoDateTimeSchema,
  versionCreatedAt: isoDateTimeSchema,
});
export type Prescription = z.infer<typeof prescriptionSchema>;

export const regimenWarningSchema = z.object({
  code: z.enum([
    'opioid-without-laxative',
    'two-long-acting-opioids',
    'allergy',
    'methadone-not-converted',
    'no-ome-factor',
  ]),
  items: z.array(z.string()),
  allergy: z.string().optional(),
});
const omeTotalSchema = z.object({ low: z.number(), high: z.number(), reference: z.number() });
const omeLineSchema = z.object({
  medicineId: z.string(),
  route: medicineRouteSchema,
  dose24h: z.number(),
  unit: doseUnitSchema,
  ome: omeTotalSchema.nullable(),
  warning: z.enum(['methadone', 'no-factor', 'unit', 'not-formulary']).nullable(),
  sources: z.array(
    z.object({ low: z.number(), high: z.number(), source: z.string(), note: z.string().optional() }),
  ),
});
export const regimenOmeSchema = z.object({
  lines: z.array(omeLineSchema),
  total: omeTotalSchema,
  incomplete: z.boolean(),
});
export const safetyProblemSchema = z.object({
  code: z.enum(safetyProblemCodes),
  level: z.enum(['block', 'confirm', 'info']),
  overridable: z.boolean(),
  source: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  items: z.array(z.string()),
});
export type SafetyProblemDto = z.infer<typeof safetyProblemSchema>;
export const safetyResultSchema = z.object({
  blocking: z.array(safetyProblemSchema),
  warnings: z.array(safetyProblemSchema),
  tolerance: z.enum(['naive', 'tolerant']),
  sources: z.record(z.string(), z.object({ label: z.string(), url: z.string() })),
});
export type SafetyResultDto = z.infer<typeof safetyResultSchema>;

export const regimenReviewSchema = z.object({
  /** The medication safety check of the draft (null when reviewing without one). */
  safety: safetyResultSchema.nullable(),
  warnings: z.array(regimenWarningSchema),
  baselineOme: regimenOmeSchema,
  maximumOme: regimenOmeSchema,
});
export type RegimenReviewDto = z.infer<typeof regimenReviewSchema>;

export const conversionBodySchema = z.object({
  from: z
    .array(
      z.object({
        medicineId: z.string().max(60),
        route: medicineRouteSchema,
        dose24h: z.number().positive().max(100_000),
        unit: doseUnitSchema,
      }),
    )
    .min(1)
    .max(10),
  to: z.object({ medicineId: z.string().max(60), route: medicineRouteSchema }),
});

const band = z.object({ mcgPerHour: z.number(), omeLow: z.number(), omeHigh: z.number() });
export const conversionResultSchema = z.object({
  ok: z.boolean(),
  warnings: z.array(z.string()),
  ome: regimenOmeSchema.nullable(),
  target: z.object({ medicineId: z.string(), route: medicineRouteSchema, unit: z.enum(['mg', 'mcg/h']) }),
  equianalgesic: omeTotalSchema.nullable(),
  bySource: z.array(z.object({ source: z.string(), low: z.number(), high: z.number() })),
  reductionApplies: z.boolean(),
  reduced: z.object({ at25: z.number(), at50: z.number(), low: z.number(), high: z.number() }).nullable(),
  breakthrough: z
    .object({
      low: z.number(),
      high: z.number(),
      unit: z.literal('mg'),
      medicineId: z.string(),
      route: medicineRouteSchema,
    })
    .nullable(),
  patchBands: z.object({ uk: band.nullable(), manufacturer: band.nullable() }).nullable(),
  steps: z.array(
    z.object({
      key: z.string(),
      expression: z.string(),
      sources: z.array(z.string()),
      medicineId: z.string().optional(),
      route: z.string().optional(),
    }),
  ),
  sources: z.record(z.string(), z.object({ label: z.string(), url: z.string() })),
});
export type ConversionResultDto = z.infer<typeof conversionResultSchema>;

export const administrationBodySchema = z.object({
  prescriptionId: idSchema,
  /** When it was given; now if left out. */
  givenAt: isoDateTimeSchema.optional(),
  doseAmount: z.number().positive().max(100_000),
  doseUnit: doseUnitSchema,
  /** 'not_taken': the patient declined or could not take it (recorded, not counted as given). */
  outcome: z.enum(['given', 'not_taken']).default('given'),
  note: z.string().trim().max(500).nullable().default(null),
  /** A nurse giving a dose on a physician's verbal order; the physician must countersign. */
  verbalOrderPhysicianId: idSchema.nullable().default(null),
  /** When the physician gave the verbal order (the dose must follow within the organization's limit); now if left out. */
  verbalOrderAt: isoDateTimeSchema.nullable().default(null),
});
export type AdministrationBody = z.infer<typeof administrationBodySchema>;

export const refusalReasonSchema = z.enum(refusalReasons);

export const administrationSchema = z.object({
  id: idSchema,
  prescriptionId: idSchema,
  prescriptionVersion: z.number().int(),
  /** The product with its formulation, in English (API readers); the web labels `product` itself. */
  medicineName: z.string(),
  product: z.object({
    medicineId: z.string().nullable(),
    name: z.string(),
    form: medicineFormSchema.nullable(),
    strength: z.string().nullable(),
  }),
  status: z.enum(['given', 'not_taken', 'refused']),
  givenAt: isoDateTimeSchema,
  slot: isoDateTimeSchema.nullable(),
  doseAmount: z.number(),
  doseUnit: doseUnitSchema,
  note: z.string().nullable(),
  refusalReason: refusalReasonSchema.nullable(),
  refusalMessage: z.string().nullable(),
  nextAllowedAt: isoDateTimeSchema.nullable(),
  recordedById: idSchema,
  recordedByName: z.string(),
  recordedByRole: z.string(),
  recordedAt: isoDateTimeSchema,
  verbalOrderPhysicianId: idSchema.nullable(),
  verbalOrderAt: isoDateTimeSchema.nullable(),
  countersignedAt: isoDateTimeSchema.nullable(),
  countersignedByName: z.string().nullable(),
});
export type Administration = z.infer<typeof administrationSchema>;

export const weightBodySchema = z.object({
  kg: z.number().positive().max(400),
  measuredOn: isoDateSchema,
});
export const weightSchema = z.object({
  id: idSchema,
  kg: z.number(),
  measuredOn: isoDateSchema,
  recordedByName: z.string(),
  recordedAt: isoDateTimeSchema,
});
export type WeightDto = z.infer<typeof weightSchema>;

export const marQuerySchema = z.object({
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
});
export const marSchema = z.object({
  from: isoDateTimeSchema,
  to: isoDateTimeSchema,
  prescriptions: z.array(prescriptionSchema),
  entries: z.array(administrationSchema),
  missed: z.array(z.object({ prescriptionId: idSchema, slot: isoDateTimeSchema })),
});

export const todayItemSchema = z.object({
  prescription: prescriptionSchema,
  slots: z.array(z.object({ at: isoDateTimeSchema, status: z.enum(['given', 'due', 'upcoming', 'missed']) })),
  lastGivenAt: isoDateTimeSchema.nullable(),
  givenLast24h: z.number().int(),
  nextAllowedAt: isoDateTimeSchema.nullable(),
  canGiveNow: z.boolean(),
});
export const todaySchema = z.object({
  date: isoDateSchema,
  timeZone: z.string(),
  teamPhone: z.string(),
  items: z.array(todayItemSchema),
});
export type TodaySchedule = z.infer<typeof todaySchema>;

export const anticipatoryBoxBodySchema = z.object({
  location: z.string().trim().min(2).max(300),
  expiresOn: isoDateSchema,
  notes: z.string().trim().max(1000).nullable().default(null),
});
export const anticipatorySchema = z.object({
  box: z
    .object({
      location: z.string(),
      expiresOn: isoDateSchema,
      notes: z.string().nullable(),
      updatedAt: isoDateTimeSchema,
      updatedByName: z.string(),
    })
    .nullable(),
  prescriptions: z.array(prescriptionSchema),
  missingPurposes: z.array(anticipatoryPurposeSchema),
});

export const controlledEntryKinds = ['received', 'administered', 'count', 'returned', 'disposed'] as const;
export const controlledStockUnits = ['ampoule', 'tablet', 'capsule', 'patch', 'ml', 'vial'] as const;
/** Units that cannot be split: a dose from an opened ampoule uses the whole ampoule. */
export const wholeStockUnits: readonly string[] = ['ampoule', 'vial', 'capsule', 'patch'];
export const controlledStockBodySchema = z.object({
  name: z.string().trim().min(2).max(120),
  unit: z.enum(controlledStockUnits),
  prescriptionId: idSchema.nullable().default(null),
  /**
   * With a prescription: how much of its dose unit one unit of stock holds (one ampoule = 10 mg),
   * so each dose recorded is taken off the register. Not needed when the units are the same.
   */
  dosePerUnit: z.number().positive().max(100_000).nullable().default(null),
});
export const controlledEntryBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('received'),
    quantity: z.number().positive().max(10_000),
    note: z.string().max(500).nullable().default(null),
  }),
  z.object({
    kind: z.literal('administered'),
    quantity: z.number().positive().max(10_000),
    administrationId: idSchema.nullable().default(null),
    note: z.string().max(500).nullable().default(null),
  }),
  z.object({
    kind: z.literal('count'),
    counted: z.number().min(0).max(10_000),
    note: z.string().max(500).nullable().default(null),
    /** Required when the count differs from the register (issue 13): why, as far as known. */
    reason: z.string().trim().min(3).max(500).optional(),
    /** Required when the count differs: a second member of staff confirms the count. */
    witness: witnessConfirmationSchema.optional(),
  }),
  z.object({
    kind: z.literal('disposed'),
    quantity: z.number().positive().max(10_000),
    /** The second member of staff who witnessed the disposal, confirming with their own account. */
    witness: witnessConfirmationSchema,
    method: z.string().trim().min(2).max(300),
    note: z.string().max(500).nullable().default(null),
  }),
]);
export type ControlledEntryBody = z.infer<typeof controlledEntryBodySchema>;

export const controlledEntrySchema = z.object({
  id: idSchema,
  kind: z.enum(controlledEntryKinds),
  quantity: z.number(),
  balanceAfter: z.number(),
  expected: z.number().nullable(),
  discrepancy: z.number().nullable(),
  note: z.string().nullable(),
  method: z.string().nullable(),
  recordedByName: z.string(),
  witnessName: z.string().nullable(),
  /** The dose record this entry took stock for (doses are drawn down automatically). */
  administrationId: idSchema.nullable(),
  at: isoDateTimeSchema,
});
export const controlledStockSchema = z.object({
  id: idSchema,
  name: z.string(),
  unit: z.string(),
  prescriptionId: idSchema.nullable(),
  dosePerUnit: z.number().nullable(),
  balance: z.number(),
  entries: z.array(controlledEntrySchema),
});

export const formularyItemSchema = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), ru: z.string() }),
  class: z.string(),
  whoStep: z.number().nullable(),
  forms: z.array(
    z.object({
      form: medicineFormSchema,
      routes: z.array(medicineRouteSchema),
      strengths: z.array(z.string()),
      doseUnit: doseUnitSchema,
    }),
  ),
});

import { z } from 'zod';
import { idSchema, isoDateSchema } from '../common/schemas.ts';

/** What a home palliative service lends (DOMAIN.md step 8; issue 7 "Equipment"). */
export const equipmentKinds = [
  'pressure_mattress',
  'pressure_cushion',
  'functional_bed',
  'oxygen_concentrator',
  'enteral_pump',
  'suction',
  'wheelchair',
  'walker',
  'commode',
  'nebuliser',
  'other',
] as const;
export type EquipmentKind = (typeof equipmentKinds)[number];

export const equipmentConditions = ['new', 'good', 'fair', 'needs_repair'] as const;
export const equipmentItemStatuses = [
  'available',
  'reserved',
  'on_loan',
  'cleaning',
  'maintenance',
  'retired',
] as const;
export type EquipmentItemStatus = (typeof equipmentItemStatuses)[number];

export const equipmentItemCreateSchema = z.object({
  kind: z.enum(equipmentKinds),
  name: z.string().trim().min(2).max(120),
  serialNumber: z.string().trim().min(2).max(60),
  condition: z.enum(equipmentConditions).default('good'),
  maintenanceDueOn: isoDateSchema.optional(),
  notes: z.string().trim().max(1000).optional(),
});

export const equipmentItemPatchSchema = z.object({
  condition: z.enum(equipmentConditions).optional(),
  maintenanceDueOn: isoDateSchema.nullable().optional(),
  status: z.enum(['available', 'maintenance', 'retired']).optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
});

export const equipmentItemSchema = z.object({
  id: idSchema,
  kind: z.enum(equipmentKinds),
  name: z.string(),
  serialNumber: z.string(),
  condition: z.enum(equipmentConditions),
  status: z.enum(equipmentItemStatuses),
  maintenanceDueOn: z.string().nullable(),
  maintenanceOverdue: z.boolean(),
  notes: z.string().nullable(),
  currentLoanId: idSchema.nullable(),
});
export type EquipmentItem = z.infer<typeof equipmentItemSchema>;

export const equipmentListQuerySchema = z.object({
  kind: z.enum(equipmentKinds).optional(),
  status: z.enum(equipmentItemStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});

/** Loan lifecycle (issue 7): requested → delivered → in use → collected → cleaned (item available again). */
export const loanStatuses = [
  'requested',
  'delivered',
  'in_use',
  'collected',
  'cleaned',
  'cancelled',
] as const;
export type LoanStatus = (typeof loanStatuses)[number];

export const loanTransitions: Record<LoanStatus, readonly LoanStatus[]> = {
  requested: ['delivered', 'cancelled'],
  delivered: ['in_use', 'collected'],
  in_use: ['collected'],
  collected: ['cleaned'],
  cleaned: [],
  cancelled: [],
};

/** Whether a loan may move from one status to another; a loan is never delivered twice. */
export const canMoveLoan = (from: LoanStatus, to: LoanStatus) => loanTransitions[from].includes(to);

export const loanRequestSchema = z.object({
  kind: z.enum(equipmentKinds),
  itemId: idSchema.optional(),
  reason: z.string().trim().min(3).max(500),
  expectedReturnOn: isoDateSchema.optional(),
});

export const loanDeliverSchema = z.object({
  itemId: idSchema.optional(),
  deliveredOn: isoDateSchema,
  deliveredBy: z.string().trim().min(2).max(120),
  /** The return day agreed at delivery, when it differs from the one given at the request. */
  expectedReturnOn: isoDateSchema.optional(),
});
export const loanCollectSchema = z.object({
  collectedOn: isoDateSchema,
  collectedBy: z.string().trim().min(2).max(120),
  condition: z.enum(equipmentConditions).optional(),
});
export const loanStepSchema = z.object({ note: z.string().trim().max(500).optional() });

export const loanSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  kind: z.enum(equipmentKinds),
  status: z.enum(loanStatuses),
  item: z.object({ id: idSchema, name: z.string(), serialNumber: z.string() }).nullable(),
  reason: z.string(),
  requestedAt: z.string(),
  requestedByName: z.string(),
  expectedReturnOn: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  deliveredBy: z.string().nullable(),
  inUseAt: z.string().nullable(),
  collectedOn: z.string().nullable(),
  collectedBy: z.string().nullable(),
  cleanedAt: z.string().nullable(),
  /** Set when an oxygen concentrator's home safety check was complete at delivery. */
  oxygenSafetyCheckId: idSchema.nullable(),
  /** When the care episode ended (death or discharge) and the item became due for collection. */
  collectionRequestedAt: z.string().nullable(),
  dueBack: z.boolean(),
});
export type Loan = z.infer<typeof loanSchema>;

export const loanParamsSchema = z.object({ patientId: idSchema, loanId: idSchema });

export const equipmentOverviewSchema = z.object({
  availability: z.array(
    z.object({
      kind: z.enum(equipmentKinds),
      available: z.number(),
      onLoan: z.number(),
      other: z.number(),
    }),
  ),
  openRequests: z.array(loanSchema),
  /** Delivered or in use: everything out at patients' homes, due-back ones first. */
  atHome: z.array(loanSchema),
  dueBack: z.array(loanSchema),
  /** Collected and waiting to be cleaned before the item can be lent again. */
  awaitingCleaning: z.array(loanSchema),
  maintenanceDue: z.array(equipmentItemSchema),
});

/** Loans that should come back: the expected return day has passed, or the patient has died or left the service. */
export function isLoanDueBack(
  loan: { status: LoanStatus; expectedReturnOn: string | null },
  patientStatus: string,
  today: string,
) {
  if (loan.status !== 'delivered' && loan.status !== 'in_use') return false;
  if (patientStatus === 'deceased' || patientStatus === 'discharged') return true;
  return loan.expectedReturnOn !== null && loan.expectedReturnOn <= today;
}

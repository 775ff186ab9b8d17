import { z } from 'zod';

// Row ids are database uuids; `guid` accepts any 8-4-4-4-12 hex form, as PostgreSQL does.
const rowId = z.guid();
const isoDay = z.iso.date();
const instant = z.iso.datetime({ offset: true });

/**
 * The payload of every durable job kind, one schema each. A job is written in one release and may
 * run in the next, so the runner parses the stored payload again before its handler sees it, and
 * enqueueing refuses a payload that would not parse (the mistake shows where it is made, not days
 * later when the job comes due).
 */
export const jobPayloadSchemas = {
  'alerts.deadline': z.object({ alertId: rowId, level: z.int().min(0) }),
  'bereavement.overdue': z.object({ taskId: rowId, reminder: z.int().min(1).default(1) }),
  'caregivers.burden-due': z.object({ patientId: rowId, afterAssessmentId: rowId }),
  'email.notification': z.object({ notificationId: rowId }),
  'equipment.due-back': z.object({ loanId: rowId, expectedReturnOn: isoDay }),
  'equipment.maintenance-due': z.object({ itemId: rowId, maintenanceDueOn: isoDay }),
  'fhir.bulk-export': z.object({ exportId: rowId }),
  'intake.callback-deadline': z.object({ careRequestId: rowId }),
  'intake.retry-deadline': z.object({ careRequestId: rowId, retryDueAt: instant }),
  'medicines.anticipatory-expiry': z.object({
    patientId: rowId,
    expiresOn: isoDay,
    // absent on reminders queued before saves were told apart
    savedAt: instant.optional(),
  }),
  'medicines.dose-due': z.object({
    patientId: rowId,
    prescriptionId: rowId,
    version: z.int().min(1),
    // null: a chain started for a prescription written before reminders existed
    slot: instant.nullable().default(null),
  }),
  // solving one plan run: the request, progress and result live in the plan_run row
  'planning.solve': z.object({ runId: rowId }),
} as const;

export type JobKind = keyof typeof jobPayloadSchemas;
/** What a caller passes when queueing a job of this kind (defaults may be left out). */
export type JobPayloadInput<K extends JobKind> = z.input<(typeof jobPayloadSchemas)[K]>;
/** What the handler of this kind receives, defaults filled in. */
export type JobPayload<K extends JobKind> = z.output<(typeof jobPayloadSchemas)[K]>;

export const isJobKind = (kind: string): kind is JobKind => Object.hasOwn(jobPayloadSchemas, kind);

export type JobPayloadCheck<K extends JobKind> =
  | { ok: true; payload: JobPayload<K> }
  | { ok: false; problem: string };

/** Parses a payload for its kind; a refusal names the kind and every field at fault. */
export function checkJobPayload<K extends JobKind>(kind: K, payload: unknown): JobPayloadCheck<K>;
export function checkJobPayload(kind: string, payload: unknown): JobPayloadCheck<JobKind>;
export function checkJobPayload(kind: string, payload: unknown): JobPayloadCheck<JobKind> {
  if (!isJobKind(kind)) return { ok: false, problem: `unknown job kind "${kind}"` };
  const parsed = jobPayloadSchemas[kind].safeParse(payload);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
  return { ok: false, problem: `payload of job kind "${kind}" refused: ${fields.join('; ')}` };
}

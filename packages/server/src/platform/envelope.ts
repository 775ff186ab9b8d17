import type { Action } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../app-context.ts';
import type { Conn } from '../db/conn.ts';
import { loadPatientFor } from './access/patient-access.ts';
import { type AuditInput, recordAudit } from './audit/audit.service.ts';
import type { HearthEvent, HearthEventDraft } from './events/event-bus.ts';

/** What a service's work sees inside the envelope. */
type GatedPatient = Awaited<ReturnType<typeof loadPatientFor>>;

export interface Envelope {
  trx: Conn;
  /** The gated patient's row, or null when the envelope has no patient. */
  patient: GatedPatient | null;
  organizationId: string;
  /** Appends an audit event in this transaction (the patient is filled in when the envelope has one). */
  audit(input: AuditInput): Promise<void>;
  /** Queues a live event; it is published only after the transaction commits. */
  publish(event: HearthEventDraft): void;
}

export interface EnvelopeOptions {
  /** The patient gate: the patient must exist in the caller's organization and `action` be allowed. */
  patient?: { id: string; action: Action };
  /** One audit event written for the whole call (more can be added with `env.audit`). */
  audit?: AuditInput;
}

/**
 * The one way a service touches patient data: gate, then one transaction holding the work and
 * its audit events, then the live events once the data they announce is committed (a listener
 * that re-reads on the event must see the change, and a rolled-back change announces nothing).
 * A service passes only its rules as `work`.
 */
export async function inEnvelope<T>(
  deps: AppDeps,
  ctx: RequestContext,
  options: EnvelopeOptions,
  work: (env: Envelope) => Promise<T>,
): Promise<T> {
  const organizationId = ctx.actor.organizationId;
  const patient = options.patient
    ? await loadPatientFor(deps, ctx, options.patient.action, options.patient.id)
    : null;
  const patientId = options.patient?.id ?? null;
  const queued: HearthEvent[] = [];
  const result = await deps.db.transaction().execute(async (trx) => {
    const env: Envelope = {
      trx,
      patient,
      organizationId,
      audit: (input) => recordAudit(trx, deps, ctx, organizationId, { patientId, ...input }),
      publish: (event) => {
        queued.push({ ...event, organizationId });
      },
    };
    if (options.audit) await env.audit(options.audit);
    return work(env);
  });
  for (const event of queued) await deps.events.publish(event);
  return result;
}

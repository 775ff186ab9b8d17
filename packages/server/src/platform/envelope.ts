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

/** A read-only envelope: there is no transaction whose commit a live event could follow. */
export type ReadEnvelope = Omit<Envelope, 'publish'>;

export interface EnvelopeOptions {
  /** The patient gate: the patient must exist in the caller's organization and `action` be allowed. */
  patient?: { id: string; action: Action };
  /** One audit event written for the whole call (more can be added with `env.audit`). */
  audit?: AuditInput;
}

export interface ReadOnlyEnvelopeOptions extends EnvelopeOptions {
  /**
   * A read that writes nothing but its audit event runs without a transaction: the event is
   * written first, committed on its own (an access that then fails is still on record, the safe
   * side), and the reads follow on the same connection, each seeing committed data as they would
   * in a READ COMMITTED transaction. It saves the BEGIN and COMMIT round trips of the busiest
   * request, the patient page's chart. Its work is given a `ReadEnvelope`, which has no `publish`.
   */
  readOnly: true;
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
  options: ReadOnlyEnvelopeOptions,
  work: (env: ReadEnvelope) => Promise<T>,
): Promise<T>;
export async function inEnvelope<T>(
  deps: AppDeps,
  ctx: RequestContext,
  options: EnvelopeOptions,
  work: (env: Envelope) => Promise<T>,
): Promise<T>;
export async function inEnvelope<T>(
  deps: AppDeps,
  ctx: RequestContext,
  options: EnvelopeOptions & { readOnly?: boolean },
  work: (env: Envelope) => Promise<T>,
): Promise<T> {
  const organizationId = ctx.actor.organizationId;
  const patient = options.patient
    ? await loadPatientFor(deps, ctx, options.patient.action, options.patient.id)
    : null;
  const patientId = options.patient?.id ?? null;
  const queued: HearthEvent[] = [];
  const run = async (trx: Conn) => {
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
  };
  const result = options.readOnly
    ? await deps.db.connection().execute(run)
    : await deps.db.transaction().execute(run);
  for (const event of queued) await deps.events.publish(event);
  return result;
}

import { randomInt, randomUUID } from 'node:crypto';
import {
  because,
  type CallOutcome,
  type CareRequestBody,
  callerRelationshipWords,
  can,
  conflict,
  type FhirReferral,
  forbidden,
  isUnanswered,
  notFound,
  type relationships,
  statusAfterCall,
  unansweredAttempts,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows } from '../../http/pagination.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { type Envelope, inEnvelope } from '../../platform/envelope.ts';
import type { HearthEventDraft } from '../../platform/events/event-bus.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { coordinatorLeads, notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as repo from './intake.repository.ts';
import { toCareRequest } from './intake-view.ts';

export const callbackDeadlineJob = 'intake.callback-deadline';
export const retryDeadlineJob = 'intake.retry-deadline';
const intakeAudience = ['coordinator', 'admin'] as const;
/** Tells the coordinators' screens that a request arrived (published after the commit). */
const requestCreated = (id: string): HearthEventDraft => ({
  type: 'intake.created',
  entityId: id,
  roles: intakeAudience,
});

/** A short reference a family can read over the phone: no 0/O or 1/I to confuse. */
function newReference(now: Date) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const code = Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `R${String(now.getUTCFullYear()).slice(2)}-${code}`;
}

/** The organization that receives public requests: the one named, or the first one. */
export async function publicOrganization(deps: AppDeps, organizationId?: string) {
  const org = organizationId
    ? await repo.organizationById(deps.db, organizationId)
    : await repo.defaultOrganization(deps.db);
  if (!org) throw notFound('service');
  const settings = await loadSettings(deps.db, org.id);
  return { org, settings };
}

async function insertRequest(
  trx: Conn,
  deps: AppDeps,
  orgId: string,
  body: Omit<CareRequestBody, 'consent'>,
  source: 'web' | 'phone' | 'fhir',
  createdBy: string | null,
  referral: FhirReferral | null = null,
) {
  const now = deps.clock();
  const settings = await loadSettings(trx, orgId);
  const id = randomUUID();
  const dueAt = new Date(now.getTime() + settings.callbackDeadlineMinutes * 60_000);
  const reference = newReference(now);
  await repo.insertCareRequest(trx, {
    id,
    organization_id: orgId,
    reference,
    source,
    status: 'new',
    patient_name: body.patientName,
    patient_age_years: body.patientAgeYears ?? null,
    requester_name: body.requesterName,
    relationship: body.relationship,
    diagnosis_text: body.diagnosisText,
    address: body.address,
    phone: body.phone,
    preferred_call_time: body.preferredCallTime,
    locale: body.locale,
    consent_at: now,
    created_by: createdBy,
    created_at: now,
    callback_due_at: dueAt,
    first_call_at: null,
    escalated_at: null,
    closed_reason: null,
    commission_case_id: null,
    referral,
  });
  // the deadline is a durable job written with the request: a restart cannot lose it
  await JobRunner.enqueue(trx, orgId, callbackDeadlineJob, dueAt, { careRequestId: id });
  return { id, reference, settings, dueAt };
}

export async function submitPublicRequest(
  deps: AppDeps,
  body: CareRequestBody,
  requestId: string,
  organizationId?: string,
) {
  const { org } = await publicOrganization(deps, organizationId);
  const result = await deps.db.transaction().execute(async (trx) => {
    const created = await insertRequest(trx, deps, org.id, body, 'web', null);
    await recordAudit(trx, deps, { requestId }, org.id, {
      action: 'intake.submit',
      entityType: 'care_request',
      entityId: created.id,
    });
    return created;
  });
  await deps.events.publish({ organizationId: org.id, ...requestCreated(result.id) });
  return {
    reference: result.reference,
    callbackWithinMinutes: result.settings.callbackDeadlineMinutes,
    servicePhone: result.settings.servicePhone,
  };
}

export async function enterPhoneRequest(deps: AppDeps, ctx: RequestContext, body: CareRequestBody) {
  if (!can(ctx.actor, 'intake:handle')) throw forbidden();
  const created = await inEnvelope(deps, ctx, {}, async ({ trx, audit, publish, organizationId }) => {
    const r = await insertRequest(trx, deps, organizationId, body, 'phone', ctx.actor.userId);
    await audit({ action: 'intake.phone-entry', entityType: 'care_request', entityId: r.id });
    publish(requestCreated(r.id));
    return r;
  });
  return getRequest(deps, ctx, created.id);
}

/**
 * A hospital's FHIR referral becomes a request in the queue, with its callback deadline, inside
 * the caller's envelope (audited there, and announced to the coordinators after the commit).
 */
export async function insertReferralRequest(
  { trx, audit, publish, organizationId }: Envelope,
  deps: AppDeps,
  ctx: RequestContext,
  body: Omit<CareRequestBody, 'consent'>,
  referral: FhirReferral,
) {
  if (!can(ctx.actor, 'intake:handle')) throw forbidden();
  const created = await insertRequest(trx, deps, organizationId, body, 'fhir', ctx.actor.userId, referral);
  await audit({ action: 'intake.fhir-referral', entityType: 'care_request', entityId: created.id });
  publish(requestCreated(created.id));
  return created;
}

const openStatuses: ('new' | 'in_progress')[] = ['new', 'in_progress'];

export async function listRequests(
  deps: AppDeps,
  ctx: RequestContext,
  status: string,
  cursor: string | undefined,
  limit: number,
) {
  if (!can(ctx.actor, 'intake:read')) throw forbidden();
  const after = decodeCursor(cursor);
  return inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    const rows = await repo.listCareRequests(
      trx,
      orgId,
      status === 'open' ? openStatuses : [status as 'new'],
      after,
      limit + 1,
    );
    const { page, nextCursor } = pageOfRows(
      rows,
      limit,
      (last) => `${last.nextDueAt.toISOString()}|${last.id}`,
    );
    const calls = await repo.callsFor(
      trx,
      orgId,
      page.map((r) => r.id),
    );
    await audit({ action: 'intake.list', entityType: 'care_request' });
    const now = deps.clock();
    return { items: page.map((r) => toCareRequest(r, calls, now)), nextCursor };
  });
}

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [due, id] = cursor.split('|');
  const dueAt = new Date(due ?? '');
  return id && !Number.isNaN(dueAt.getTime()) ? { dueAt, id } : undefined;
}

export async function getRequest(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'intake:read')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    const row = await repo.findCareRequest(trx, orgId, id);
    if (!row) throw notFound('request');
    const calls = await repo.callsFor(trx, orgId, [id]);
    await audit({ action: 'intake.read', entityType: 'care_request', entityId: id });
    return toCareRequest(row, calls, deps.clock());
  });
}

/** Records one call back to the family and moves the request on by its outcome. */
export async function recordCall(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  outcome: CallOutcome,
  note: string | undefined,
) {
  if (!can(ctx.actor, 'intake:handle')) throw forbidden();
  await inEnvelope(deps, ctx, {}, async ({ trx, audit, publish, organizationId: orgId }) => {
    const row = await repo.findCareRequestForUpdate(trx, orgId, id);
    if (!row) throw notFound('request');
    if (row.status === 'closed' || row.status === 'referred')
      throw conflict(
        `This request is already ${row.status}.`,
        undefined,
        because(row.status === 'closed' ? 'intake.alreadyClosed' : 'intake.alreadyReferred'),
      );
    const now = deps.clock();
    await repo.insertCallAttempt(trx, {
      id: randomUUID(),
      organization_id: orgId,
      care_request_id: id,
      at: now,
      by_user_id: ctx.actor.userId,
      outcome,
      note: note ?? null,
    });
    const status = statusAfterCall(outcome);
    const settings = await loadSettings(trx, orgId);
    const unanswered = isUnanswered(outcome);
    // an unanswered call keeps the family waiting: the request stays urgent with a retry deadline
    const retryDueAt = unanswered ? new Date(now.getTime() + settings.callRetryMinutes * 60_000) : null;
    await repo.updateCareRequest(trx, orgId, id, {
      status,
      first_call_at: row.firstCallAt ?? now,
      retry_due_at: retryDueAt,
      closed_reason: status === 'closed' ? (note ?? outcome) : null,
    });
    if (retryDueAt)
      await JobRunner.enqueue(trx, orgId, retryDeadlineJob, retryDueAt, {
        careRequestId: id,
        retryDueAt: retryDueAt.toISOString(),
      });
    const attempts = unansweredAttempts(await repo.callsFor(trx, orgId, [id]));
    const escalated = unanswered && attempts === settings.callAttemptsBeforeEscalation;
    if (escalated) {
      await repo.updateCareRequest(trx, orgId, id, { escalated_at: now });
      await notifyUsers(
        trx,
        orgId,
        await coordinatorLeads(trx, orgId),
        {
          kind: 'intake.attempts-escalated',
          params: { reference: row.reference, phone: row.phone, attempts },
          title: `Request ${row.reference}: ${attempts} calls unanswered`,
          body: `${attempts} call backs in a row reached nobody. Phone: ${row.phone}.`,
          entityType: 'care_request',
          entityId: id,
        },
        now,
      );
    }
    await audit({ action: 'intake.call', entityType: 'care_request', entityId: id });
    publish({ type: 'intake.updated', entityId: id, roles: intakeAudience });
    if (escalated) publish({ type: 'notification.created', entityId: id, roles: intakeAudience });
  });
  return getRequest(deps, ctx, id);
}

/** Links a request to the commission case made from it (called inside the referral transaction). */
export async function markReferred(trx: Conn, orgId: string, requestId: string, caseId: string, now: Date) {
  const row = await repo.findCareRequestForUpdate(trx, orgId, requestId);
  if (!row) throw notFound('request');
  if (row.commissionCaseId)
    throw conflict(
      'This request has already been referred to the commission.',
      undefined,
      because('intake.alreadyReferred'),
    );
  if (row.status === 'closed')
    throw conflict('This request is closed.', undefined, because('intake.alreadyClosed'));
  await repo.updateCareRequest(trx, orgId, requestId, {
    status: 'referred',
    commission_case_id: caseId,
    first_call_at: row.firstCallAt ?? now,
    retry_due_at: null,
  });
}

/**
 * The person who called, as a household contact of the patient made from their request: name,
 * relationship (in the service's language) and phone. Nothing when the patients called for
 * themselves: their phone is the patient's own.
 */
export async function callerAsContact(trx: Conn, orgId: string, requestId: string) {
  const row = await repo.findCareRequest(trx, orgId, requestId);
  if (!row || row.relationship === 'self') return null;
  const { language } = await loadSettings(trx, orgId);
  const relationship = row.relationship as (typeof relationships)[number];
  return {
    name: row.requesterName,
    relationship: callerRelationshipWords[language][relationship] ?? row.relationship,
    phone: row.phone,
    livesWithPatient: false,
  };
}

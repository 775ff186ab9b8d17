import { randomInt, randomUUID } from 'node:crypto';
import {
  type CallOutcome,
  type CareRequestBody,
  can,
  conflict,
  forbidden,
  notFound,
  statusAfterCall,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows } from '../../http/pagination.ts';
import { JobRunner } from '../../jobs/job-runner.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadSettings } from '../settings/settings.service.ts';
import * as repo from './intake.repository.ts';
import { toCareRequest } from './intake-view.ts';

export const callbackDeadlineJob = 'intake.callback-deadline';
const intakeAudience = ['coordinator', 'admin'] as const;

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
  if (!org) throw notFound('The service');
  const settings = await loadSettings(deps.db, org.id);
  return { org, settings };
}

async function insertRequest(
  trx: Conn,
  deps: AppDeps,
  orgId: string,
  body: CareRequestBody,
  source: 'web' | 'phone',
  createdBy: string | null,
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
  });
  // the deadline is a durable job written with the request: a restart cannot lose it
  await JobRunner.enqueue(trx, orgId, callbackDeadlineJob, dueAt, { careRequestId: id });
  return { id, reference, settings };
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
  await deps.events.publish({
    organizationId: org.id,
    type: 'intake.created',
    entityId: result.id,
    roles: intakeAudience,
  });
  return {
    reference: result.reference,
    callbackWithinMinutes: result.settings.callbackDeadlineMinutes,
    servicePhone: result.settings.servicePhone,
  };
}

export async function enterPhoneRequest(deps: AppDeps, ctx: RequestContext, body: CareRequestBody) {
  if (!can(ctx.actor, 'intake:handle')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const created = await deps.db.transaction().execute(async (trx) => {
    const r = await insertRequest(trx, deps, orgId, body, 'phone', ctx.actor.userId);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'intake.phone-entry',
      entityType: 'care_request',
      entityId: r.id,
    });
    return r;
  });
  await deps.events.publish({
    organizationId: orgId,
    type: 'intake.created',
    entityId: created.id,
    roles: intakeAudience,
  });
  return getRequest(deps, ctx, created.id);
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
  const orgId = ctx.actor.organizationId;
  const after = decodeCursor(cursor);
  return deps.db.transaction().execute(async (trx) => {
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
      (last) => `${last.callback_due_at.toISOString()}|${last.id}`,
    );
    const calls = await repo.callsFor(
      trx,
      orgId,
      page.map((r) => r.id),
    );
    await recordAudit(trx, deps, ctx, orgId, { action: 'intake.list', entityType: 'care_request' });
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
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findCareRequest(trx, orgId, id);
    if (!row) throw notFound('The request');
    const calls = await repo.callsFor(trx, orgId, [id]);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'intake.read',
      entityType: 'care_request',
      entityId: id,
    });
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
  const orgId = ctx.actor.organizationId;
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findCareRequestForUpdate(trx, orgId, id);
    if (!row) throw notFound('The request');
    if (row.status === 'closed' || row.status === 'referred')
      throw conflict(`This request is already ${row.status}.`);
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
    await repo.updateCareRequest(trx, orgId, id, {
      status,
      first_call_at: row.first_call_at ?? now,
      closed_reason: status === 'closed' ? (note ?? outcome) : null,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'intake.call',
      entityType: 'care_request',
      entityId: id,
    });
  });
  await deps.events.publish({
    organizationId: orgId,
    type: 'intake.updated',
    entityId: id,
    roles: intakeAudience,
  });
  return getRequest(deps, ctx, id);
}

/** Links a request to the commission case made from it (called inside the referral transaction). */
export async function markReferred(trx: Conn, orgId: string, requestId: string, caseId: string, now: Date) {
  const row = await repo.findCareRequestForUpdate(trx, orgId, requestId);
  if (!row) throw notFound('The request');
  if (row.commission_case_id) throw conflict('This request has already been referred to the commission.');
  if (row.status === 'closed') throw conflict('This request is closed.');
  await repo.updateCareRequest(trx, orgId, requestId, {
    status: 'referred',
    commission_case_id: caseId,
    first_call_at: row.first_call_at ?? now,
  });
}

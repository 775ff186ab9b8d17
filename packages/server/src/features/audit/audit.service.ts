import type { auditListQuerySchema } from '@hearth/domain';
import { type Actor, type AuditEvent, auditGenesisHash, can, forbidden } from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows } from '../../http/pagination.ts';
import * as repo from './audit.repository.ts';
import { type ChainCheck, checkChain, hashAuditRecord } from './audit-chain.ts';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  patientId?: string | null;
  outcome?: 'success' | 'denied' | 'failed';
}

/**
 * Appends one event to the organization's hash chain. Call it inside the transaction that
 * reads or writes the data, so the event exists exactly when the change does.
 */
/** Who caused an event: a logged-in caller, an anonymous public request, or the system (null). */
export type AuditCaller = { actor?: Pick<Actor, 'userId' | 'role'>; requestId?: string } | null;

export async function recordAudit(
  trx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  ctx: AuditCaller,
  orgId: string,
  input: AuditInput,
) {
  await repo.lockAuditChain(trx, orgId);
  const last = await repo.lastAuditEvent(trx, orgId);
  const record = {
    organizationId: orgId,
    seq: (last?.seq ?? 0) + 1,
    at: deps.clock().toISOString(),
    actorId: ctx?.actor?.userId ?? null,
    actorRole: ctx?.actor?.role ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    patientId: input.patientId ?? null,
    requestId: ctx?.requestId ?? null,
    outcome: input.outcome ?? 'success',
  };
  const prevHash = last?.hash ?? auditGenesisHash;
  await repo.insertAuditEvent(trx, {
    organization_id: orgId,
    seq: record.seq,
    at: new Date(record.at),
    actor_id: record.actorId,
    actor_role: record.actorRole,
    action: record.action,
    entity_type: record.entityType,
    entity_id: record.entityId,
    patient_id: record.patientId,
    request_id: record.requestId,
    outcome: record.outcome,
    prev_hash: prevHash,
    hash: hashAuditRecord(prevHash, record),
  });
}

/** Records a refused attempt in its own transaction (the refused request's work is rolled back). */
export async function recordDenied(deps: AppDeps, ctx: RequestContext, input: Omit<AuditInput, 'outcome'>) {
  await deps.db
    .transaction()
    .execute((trx) => recordAudit(trx, deps, ctx, ctx.actor.organizationId, { ...input, outcome: 'denied' }));
}

export async function listAudit(
  deps: AppDeps,
  ctx: RequestContext,
  query: z.infer<typeof auditListQuerySchema>,
) {
  if (!can(ctx.actor, 'audit:read')) throw forbidden();
  const beforeSeq = query.cursor ? Number(query.cursor) : undefined;
  const rows = await repo.listAuditEvents(deps.db, {
    organizationId: ctx.actor.organizationId,
    patientId: query.patientId,
    actorId: query.actorId,
    action: query.action,
    entityType: query.entityType,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeSeq: Number.isFinite(beforeSeq) ? beforeSeq : undefined,
    limit: query.limit + 1,
  });
  const { page, nextCursor } = pageOfRows(rows, query.limit, (last) => String(last.seq));
  const items: AuditEvent[] = page.map((r) => ({
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorRole: r.actor_role as AuditEvent['actorRole'],
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    patientId: r.patient_id,
    requestId: r.request_id,
    outcome: r.outcome as AuditEvent['outcome'],
    hash: r.hash,
  }));
  return { items, nextCursor };
}

/** Re-computes one organization's chain from the first event. */
export async function verifyOrganizationChain(db: Conn, organizationId: string): Promise<ChainCheck> {
  const pageSize = 1000;
  let state = { prevHash: auditGenesisHash, prevSeq: 0, checked: 0 };
  for (;;) {
    const rows = await repo.auditChainPage(db, organizationId, state.prevSeq, pageSize);
    const { result, state: next } = checkChain(
      rows.map((r) => ({
        organizationId: r.organization_id,
        seq: r.seq,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorRole: r.actor_role,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        patientId: r.patient_id,
        requestId: r.request_id,
        outcome: r.outcome,
        prevHash: r.prev_hash,
        hash: r.hash,
      })),
      state,
    );
    if (result) return result;
    state = next;
    if (rows.length < pageSize)
      return { ok: true, checked: state.checked, firstBrokenSeq: null, problem: null };
  }
}

export async function verifyAudit(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'audit:read')) throw forbidden();
  const result = await verifyOrganizationChain(deps.db, ctx.actor.organizationId);
  await deps.db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, deps, ctx, ctx.actor.organizationId, { action: 'audit.verify', entityType: 'audit' }),
    );
  return result;
}

export const allOrganizationIds = (db: Conn) => repo.organizationIdsWithAudit(db);

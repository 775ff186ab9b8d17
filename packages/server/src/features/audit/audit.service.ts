import type { auditListQuerySchema } from '@hearth/domain';
import { type AuditEvent, can, forbidden } from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { pageOfRows } from '../../http/pagination.ts';
import { recordAudit, sealAndVerify, sealOrganization } from '../../platform/audit/audit.service.ts';
import * as repo from './audit.repository.ts';

export async function listAudit(
  deps: AppDeps,
  ctx: RequestContext,
  query: z.infer<typeof auditListQuerySchema>,
) {
  if (!can(ctx.actor, 'audit:read')) throw forbidden();
  // the screen shows events of requests that just committed, not only those the timer sealed
  await sealOrganization(deps.db, ctx.actor.organizationId);
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
  const items: AuditEvent[] = page.map((r) => ({ ...r, at: r.at.toISOString() }));
  return { items, nextCursor };
}

export async function verifyAudit(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'audit:read')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const result = await sealAndVerify(deps.db, orgId, deps.config.audit.anchorFile, deps.clock());
  await deps.db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, deps, ctx, ctx.actor.organizationId, { action: 'audit.verify', entityType: 'audit' }),
    );
  return result;
}

import { notFound } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { pageOfRows } from '../../http/pagination.ts';
import * as repo from '../../platform/notifications/notifications.repository.ts';

export async function listMyNotifications(
  deps: AppDeps,
  ctx: RequestContext,
  cursor: string | undefined,
  limit: number,
) {
  const before = cursor ? new Date(cursor) : undefined;
  const rows = await repo.listNotifications(
    deps.db,
    ctx.actor.organizationId,
    ctx.actor.userId,
    before && !Number.isNaN(before.getTime()) ? before : undefined,
    limit + 1,
  );
  const { page, nextCursor } = pageOfRows(rows, limit, (last) => last.createdAt.toISOString());
  return {
    items: page.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    nextCursor,
  };
}

export async function markRead(deps: AppDeps, ctx: RequestContext, id: string) {
  const r = await repo.markNotificationRead(
    deps.db,
    ctx.actor.organizationId,
    ctx.actor.userId,
    id,
    deps.clock(),
  );
  if (!r.numUpdatedRows) throw notFound('notification');
}

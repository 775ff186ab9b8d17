import { randomUUID } from 'node:crypto';
import { notFound } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows } from '../../http/pagination.ts';
import * as repo from './notifications.repository.ts';

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  entityType?: string;
  entityId?: string;
}

/** Writes one notification per user; call inside the transaction that causes it. */
export async function notifyUsers(
  db: Conn,
  organizationId: string,
  userIds: string[],
  n: NewNotification,
  at: Date,
) {
  await repo.insertNotifications(
    db,
    userIds.map((userId) => ({
      id: randomUUID(),
      organization_id: organizationId,
      user_id: userId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      entity_type: n.entityType ?? null,
      entity_id: n.entityId ?? null,
      created_at: at,
      read_at: null,
    })),
  );
}

/** The coordinators' leads; if none is marked lead, every coordinator and administrator. */
export async function coordinatorLeads(db: Conn, organizationId: string): Promise<string[]> {
  const leads = await repo.activeUsersWithRole(db, organizationId, ['coordinator', 'admin'], true);
  if (leads.length) return leads.map((u) => u.id);
  return (await repo.activeUsersWithRole(db, organizationId, ['coordinator', 'admin'], false)).map(
    (u) => u.id,
  );
}

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
  const { page, nextCursor } = pageOfRows(rows, limit, (last) => last.created_at.toISOString());
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      entityType: r.entity_type,
      entityId: r.entity_id,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
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
  if (!r.numUpdatedRows) throw notFound('The notification');
}

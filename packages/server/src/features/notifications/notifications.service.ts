import { randomUUID } from 'node:crypto';
import { notFound } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows } from '../../http/pagination.ts';
import { enqueueNotificationEmails } from '../email/email.service.ts';
import * as repo from './notifications.repository.ts';

export interface NewNotification {
  /** What happened (`alert.escalated`); the web renders it in the reader's language. */
  kind: string;
  /** The specifics the localized text needs (a date, a reference); no clinical detail is emailed. */
  params?: Record<string, string | number>;
  /** English text, kept as the fallback for a kind the web does not know. */
  title: string;
  body: string;
  entityType?: string;
  entityId?: string;
}

/**
 * Writes one notification per user and, when the organization sends email, a durable email job
 * for each; call inside the transaction that causes it.
 */
export async function notifyUsers(
  db: Conn,
  organizationId: string,
  userIds: string[],
  n: NewNotification,
  at: Date,
) {
  const rows = userIds.map((userId) => ({
    id: randomUUID(),
    organization_id: organizationId,
    user_id: userId,
    kind: n.kind,
    params: JSON.stringify(n.params ?? {}),
    title: n.title,
    body: n.body,
    entity_type: n.entityType ?? null,
    entity_id: n.entityId ?? null,
    created_at: at,
    read_at: null,
  }));
  await repo.insertNotifications(db, rows);
  await enqueueNotificationEmails(
    db,
    organizationId,
    rows.map((r) => r.id),
    at,
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
      params: r.params ?? {},
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

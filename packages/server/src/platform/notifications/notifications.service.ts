import { randomUUID } from 'node:crypto';
import type { Conn } from '../../db/conn.ts';
import { storedJson } from '../../db/stored-json.ts';
import { enqueueNotificationEmails } from '../../features/email/email.service.ts';
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
    params: storedJson(n.params ?? {}),
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

import { type NotificationParams, notificationParamsSchema } from '@hearth/domain';
import type { Insertable, Selectable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import { parseStored } from '../../db/stored-json.ts';
import type { NotificationTable } from './notifications.table.ts';

/** One in-app notification of one user. */
export interface NotificationRecord {
  id: string;
  kind: string;
  params: NotificationParams;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

const toNotification = (r: Selectable<NotificationTable>): NotificationRecord => ({
  id: r.id,
  kind: r.kind,
  params: parseStored(notificationParamsSchema, r.params, {
    table: 'notification',
    column: 'params',
    id: r.id,
  }),
  title: r.title,
  body: r.body,
  entityType: r.entity_type,
  entityId: r.entity_id,
  createdAt: r.created_at,
  readAt: r.read_at,
});

export const insertNotifications = (db: Conn, rows: Insertable<NotificationTable>[]) =>
  rows.length ? db.insertInto('notification').values(rows).execute() : Promise.resolve([]);

/** A user's notifications, newest first, before a time (the page cursor). */
export const listNotifications = async (
  db: Conn,
  organizationId: string,
  userId: string,
  before: Date | undefined,
  limit: number,
) => {
  let q = db
    .selectFrom('notification')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId);
  if (before) q = q.where('created_at', '<', before);
  return (await q.orderBy('created_at', 'desc').limit(limit).execute()).map(toNotification);
};

export const markNotificationRead = (
  db: Conn,
  organizationId: string,
  userId: string,
  id: string,
  at: Date,
) =>
  db
    .updateTable('notification')
    .set({ read_at: at })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();

export const activeUsersWithRole = (
  db: Conn,
  organizationId: string,
  roles: string[],
  leadsOnly: boolean,
) => {
  let q = db
    .selectFrom('app_user')
    .select(['id', 'role'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .where('role', 'in', roles);
  if (leadsOnly) q = q.where('is_lead', '=', true);
  return q.execute();
};

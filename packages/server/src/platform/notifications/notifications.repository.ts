import type { Insertable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { NotificationTable } from './notifications.table.ts';

export const insertNotifications = (db: Conn, rows: Insertable<NotificationTable>[]) =>
  rows.length ? db.insertInto('notification').values(rows).execute() : Promise.resolve([]);

export const listNotifications = (
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
  return q.orderBy('created_at', 'desc').limit(limit).execute();
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

import type { Insertable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { EmailSettingsTable } from './email.table.ts';

export const findEmailSettings = (db: Conn, organizationId: string) =>
  db
    .selectFrom('email_settings')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();

export const saveEmailSettings = (db: Conn, row: Insertable<EmailSettingsTable>) =>
  db
    .insertInto('email_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('organization_id').doUpdateSet({
        enabled: row.enabled,
        host: row.host,
        port: row.port,
        secure: row.secure,
        require_tls: row.require_tls,
        username: row.username,
        password: row.password,
        from_address: row.from_address,
        base_url: row.base_url,
        updated_at: row.updated_at,
      }),
    )
    .execute();

/** The notification an email job is about, with its recipient's address and role. */
export const findNotificationRecipient = (db: Conn, organizationId: string, notificationId: string) =>
  db
    .selectFrom('notification as n')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .select(['n.id', 'n.kind', 'u.email', 'u.role', 'u.status'])
    .where('n.organization_id', '=', organizationId)
    .where('n.id', '=', notificationId)
    .executeTakeFirst();

/** Passwords saved before they were sealed (any organization): sealed once at start. */
export const findUnsealedPasswords = (db: Conn) =>
  db
    .selectFrom('email_settings')
    .select(['organization_id', 'password'])
    .where('password', '!=', '')
    .where('password', 'not like', 'v1:%')
    .execute();

export const setStoredPassword = (db: Conn, organizationId: string, password: string) =>
  db.updateTable('email_settings').set({ password }).where('organization_id', '=', organizationId).execute();

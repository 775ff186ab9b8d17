import { type Role, roleSchema, type userStatusSchema } from '@hearth/domain';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored } from '../../db/stored-json.ts';
import type { EmailSettingsTable } from './email.table.ts';

/** An organization's SMTP settings; the password as stored (sealed, or "" when none). */
export interface EmailSettingsRecord {
  organizationId: string;
  enabled: boolean;
  host: string;
  port: number;
  secure: boolean;
  requireTls: boolean;
  username: string;
  password: string;
  fromAddress: string;
  baseUrl: string;
  updatedAt: Date;
}

/** Who a notification's email goes to. */
export interface NotificationRecipientRecord {
  notificationId: string;
  kind: string;
  email: string;
  role: Role;
  status: z.infer<typeof userStatusSchema>;
}

const toSettings = (r: Selectable<EmailSettingsTable>): EmailSettingsRecord => ({
  organizationId: r.organization_id,
  enabled: r.enabled,
  host: r.host,
  port: r.port,
  secure: r.secure,
  requireTls: r.require_tls,
  username: r.username,
  password: r.password,
  fromAddress: r.from_address,
  baseUrl: r.base_url,
  updatedAt: r.updated_at,
});

export const findEmailSettings = async (
  db: Conn,
  organizationId: string,
): Promise<EmailSettingsRecord | undefined> => {
  const row = await db
    .selectFrom('email_settings')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row && toSettings(row);
};

export const saveEmailSettings = (db: Conn, s: EmailSettingsRecord) => {
  const row = {
    enabled: s.enabled,
    host: s.host,
    port: s.port,
    secure: s.secure,
    require_tls: s.requireTls,
    username: s.username,
    password: s.password,
    from_address: s.fromAddress,
    base_url: s.baseUrl,
    updated_at: s.updatedAt,
  };
  return db
    .insertInto('email_settings')
    .values({ organization_id: s.organizationId, ...row })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(row))
    .execute();
};

/** The notification an email job is about, with its recipient's address and role. */
export const findNotificationRecipient = async (
  db: Conn,
  organizationId: string,
  notificationId: string,
): Promise<NotificationRecipientRecord | undefined> => {
  const r = await db
    .selectFrom('notification as n')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .select(['n.id', 'n.kind', 'u.id as user_id', 'u.email', 'u.role', 'u.status'])
    .where('n.organization_id', '=', organizationId)
    .where('n.id', '=', notificationId)
    .executeTakeFirst();
  return (
    r && {
      notificationId: r.id,
      kind: r.kind,
      email: r.email,
      role: parseStored(roleSchema, r.role, { table: 'app_user', column: 'role', id: r.user_id }),
      status: r.status,
    }
  );
};

/** Passwords saved before they were sealed (any organization): sealed once at start. */
export const findUnsealedPasswords = async (
  db: Conn,
): Promise<{ organizationId: string; password: string }[]> =>
  (
    await db
      .selectFrom('email_settings')
      .select(['organization_id', 'password'])
      .where('password', '!=', '')
      .where('password', 'not like', 'v1:%')
      .execute()
  ).map((r) => ({ organizationId: r.organization_id, password: r.password }));

export const setStoredPassword = (db: Conn, organizationId: string, password: string) =>
  db.updateTable('email_settings').set({ password }).where('organization_id', '=', organizationId).execute();

import { type Kysely, sql } from 'kysely';

/**
 * Outgoing email may be required to travel encrypted (TLS from the start or STARTTLS). Existing
 * settings with a user name get it switched on, so a password is never again sent in clear; a
 * relay without a login keeps working as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw('alter table email_settings add column require_tls boolean not null default true')
    .execute(db);
  await sql.raw(`update email_settings set require_tls = (username <> '')`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table email_settings drop column if exists require_tls').execute(db);
}

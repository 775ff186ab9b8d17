import { sql } from 'kysely';
import { forgetSettings } from '../platform/settings/settings.service.ts';
import type { Db } from './database.ts';

/**
 * Writes a value straight into an organization's stored settings, past every check, as an old
 * release or a hand edit of the database could have left it, and drops this process's cached
 * copy as a restart would (the settings cache only learns of changes made through the app).
 */
export async function storeRawSetting(db: Db, organizationId: string, key: string, value: unknown) {
  await sql`update organization set settings = jsonb_set(settings, ${sql.lit(`{${key}}`)}, ${JSON.stringify(value)}::jsonb) where id = ${organizationId}`.execute(
    db,
  );
  forgetSettings(organizationId);
}

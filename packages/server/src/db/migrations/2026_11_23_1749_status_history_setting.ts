import { type Kysely, sql } from 'kysely';

/**
 * A status change caused by a level-of-care move keeps the setting it moved to as a code, so the
 * web shows it in the reader's language instead of an English sentence with a raw enum.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table patient_status_history add column care_setting text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table patient_status_history drop column care_setting`.execute(db);
}

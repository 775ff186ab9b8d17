import { type Kysely, sql } from 'kysely';

/** Issue 14: how to get into the home (key safe, entrance code, dog), read by the visitor at the door. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table patient add column if not exists access_notes text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table patient drop column if exists access_notes`.execute(db);
}

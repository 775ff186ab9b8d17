import { type Kysely, sql } from 'kysely';

/**
 * Indexes the list queries were missing (issue 16): the assessments list looks up the alerts
 * raised by the assessments on its page, which without this scanned every alert of the
 * organization.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists alert_org_source_idx on alert (organization_id, source_type, source_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists alert_org_source_idx`.execute(db);
}

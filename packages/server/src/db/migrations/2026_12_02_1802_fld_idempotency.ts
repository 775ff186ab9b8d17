import { type Kysely, sql } from 'kysely';

/**
 * Issue 14: the keys phones send with their writes (`Idempotency-Key`), kept with the answer so a
 * retried write is answered from here instead of being done twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table idempotency_key (
    organization_id uuid not null references organization(id),
    user_id uuid not null references app_user(id),
    key text not null,
    method text not null,
    path text not null,
    request_hash text not null,
    state text not null check (state in ('in_progress', 'done')),
    response_status integer,
    response_body text,
    content_type text,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    primary key (organization_id, user_id, key)
  )`.execute(db);
  await sql`create index idempotency_key_expiry_idx on idempotency_key (organization_id, expires_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists idempotency_key`.execute(db);
}

import { type Kysely, sql } from 'kysely';

/**
 * Login attempts counted per key (account and address together, the address alone, the account
 * alone), each row updated by one atomic statement, so parallel guesses cannot all slip under
 * the limit. Keys are not organization data: they exist before anyone is known to be in one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_throttle (
      key text primary key,
      attempts integer not null,
      window_start timestamptz not null,
      blocked_until timestamptz
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table login_throttle`.execute(db);
}

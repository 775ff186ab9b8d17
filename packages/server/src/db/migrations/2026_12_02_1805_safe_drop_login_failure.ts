import { type Kysely, sql } from 'kysely';

/**
 * The per-address failure log that the first login throttle counted rows in. The atomic
 * `login_throttle` counters replaced it (issue 17) and nothing reads or writes it any more;
 * keeping it would only keep old addresses and e-mail addresses of failed guesses around.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists login_failure`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_failure (
      id bigserial primary key,
      email text not null,
      ip text,
      at timestamptz not null
    )`.execute(db);
  await sql`create index login_failure_email_at_idx on login_failure (email, at)`.execute(db);
}

import { type Kysely, sql } from 'kysely';

/**
 * Durable plan runs: progress and liveness live in the row, not in one process's memory, so any
 * server process answers "how far is it" and a run whose process died is taken over. `request`
 * is what the run was asked (enough to prepare it again); `owner` names the process solving it
 * and fences its writes; `heartbeat_at` is renewed about once a second while it solves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table plan_run
      add column request jsonb,
      add column progress jsonb,
      add column owner text,
      add column heartbeat_at timestamptz,
      add column attempts integer not null default 1`.execute(db);
  // the takeover check looks only at running rows, a handful among the history
  await sql`create index plan_run_running_heartbeat_idx on plan_run (heartbeat_at) where status = 'running'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists plan_run_running_heartbeat_idx`.execute(db);
  await sql`
    alter table plan_run
      drop column request,
      drop column progress,
      drop column owner,
      drop column heartbeat_at,
      drop column attempts`.execute(db);
}

import { type Kysely, sql } from 'kysely';

/**
 * Issues 16 and 17, jobs: a claimed job carries a lease (who holds it, until when) that its
 * runner extends while it works, instead of a fixed "stale after five minutes" window; a job may
 * carry an idempotency key, unique per organization; finished jobs record when they finished so
 * they can be purged after the retention period.
 */
const upStatements = [
  `alter table job add column locked_by text`,
  `alter table job add column lease_until timestamptz`,
  `alter table job add column idempotency_key text`,
  `alter table job add column finished_at timestamptz`,
  // a running job from before this release has no lease: give it the old five-minute window
  `update job set lease_until = locked_at + interval '5 minutes' where status = 'running'`,
  // rows finished before this release never recorded when; their due time is the nearest known
  `update job set finished_at = run_at where status in ('done', 'failed')`,
  `create unique index job_idempotency_key_idx on job (organization_id, idempotency_key)
     where idempotency_key is not null`,
  // what the runner claims: due pending rows, and running rows whose lease ran out
  `create index job_pending_due_idx on job (run_at) where status = 'pending'`,
  `create index job_running_lease_idx on job (lease_until) where status = 'running'`,
  // what the retention purge reads: only finished rows, oldest first
  `create index job_finished_idx on job (finished_at) where status in ('done', 'failed')`,
  `drop index if exists job_due_idx`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create index if not exists job_due_idx on job (status, run_at)`,
    `drop index if exists job_finished_idx`,
    `drop index if exists job_running_lease_idx`,
    `drop index if exists job_pending_due_idx`,
    `drop index if exists job_idempotency_key_idx`,
    `alter table job drop column finished_at`,
    `alter table job drop column idempotency_key`,
    `alter table job drop column lease_until`,
    `alter table job drop column locked_by`,
  ])
    await sql.raw(statement).execute(db);
}

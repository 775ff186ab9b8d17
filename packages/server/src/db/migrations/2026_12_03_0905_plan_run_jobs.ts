import { type Kysely, sql } from 'kysely';

/**
 * Plan runs become jobs of the job table (`planning.solve`, one per run, keyed
 * `planning.solve:<run id>`): the job runner's lease and heartbeat replace the run's own owner,
 * heartbeat and attempt count. A run still running when this release is installed gets its job
 * here, so a runner takes it over and solves it again from its request (one without a request is
 * failed by the job with a reason). `request` and `progress` stay in plan_run.
 */
const upStatements = [
  `insert into job (id, organization_id, kind, payload, run_at, idempotency_key)
   select gen_random_uuid(), r.organization_id, 'planning.solve', jsonb_build_object('runId', r.id), now(),
          'planning.solve:' || r.id
   from plan_run r
   where r.status = 'running'
   on conflict do nothing`,
  `drop index if exists plan_run_running_heartbeat_idx`,
  `alter table plan_run drop column owner, drop column heartbeat_at, drop column attempts`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `alter table plan_run
       add column owner text,
       add column heartbeat_at timestamptz,
       add column attempts integer not null default 1`,
    `create index plan_run_running_heartbeat_idx on plan_run (heartbeat_at) where status = 'running'`,
    `delete from job where kind = 'planning.solve'`,
  ])
    await sql.raw(statement).execute(db);
}

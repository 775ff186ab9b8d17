import { type Kysely, sql } from 'kysely';

/** Clinical watch, part 3: the log of inbound calls (who, why, response time, outcome, alert). */
const up_statements = [
  `create table call_log (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid references patient(id),
    caller_type text not null,
    caller_name text,
    reason text not null,
    received_at timestamptz not null,
    answered_at timestamptz,
    answered_by uuid not null references app_user(id),
    outcome text not null,
    ambulance_called_first boolean not null default false,
    alert_id uuid references alert(id),
    created_at timestamptz not null
  )`,
  `create index call_log_org_received_idx on call_log (organization_id, received_at desc)`,
  `create index call_log_org_patient_idx on call_log (organization_id, patient_id, received_at desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists call_log').execute(db);
}

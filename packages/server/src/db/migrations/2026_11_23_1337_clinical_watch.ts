import { type Kysely, sql } from 'kysely';

/**
 * Clinical watch, part 1: the shared alert mechanism (alerts and their timeline) and the
 * on-call rota whose chain alerts escalate along. Every index leads with organization_id.
 */
const up_statements = [
  `create table alert (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    severity text not null check (severity in ('urgent','review','routine')),
    audience text not null check (audience in ('clinical','psychosocial','coordination')),
    status text not null check (status in ('open','acknowledged','resolved')),
    rule_set text not null,
    rule_set_version text not null,
    rule_id text not null,
    title text not null,
    facts jsonb not null,
    source_type text,
    source_id text,
    owner_id uuid references app_user(id),
    escalation_level integer not null default 0,
    raised_by uuid references app_user(id),
    raised_at timestamptz not null,
    due_at timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by uuid references app_user(id),
    resolved_at timestamptz,
    resolved_by uuid references app_user(id),
    outcome text check (outcome in ('advice_by_phone','therapy_adjusted','urgent_visit_requested','moved_to_inpatient','no_action_needed')),
    outcome_note text,
    family_message text
  )`,
  `create index alert_org_status_due_idx on alert (organization_id, status, due_at)`,
  `create index alert_org_patient_idx on alert (organization_id, patient_id, raised_at)`,
  `create index alert_org_owner_idx on alert (organization_id, owner_id, status)`,
  // one open (not yet resolved) alert per patient and rule: repeats join its timeline
  `create unique index alert_org_patient_rule_active_idx on alert (organization_id, patient_id, rule_set, rule_id)
    where status <> 'resolved'`,
  `create table alert_event (
    id uuid primary key,
    seq bigint generated always as identity,
    organization_id uuid not null references organization(id),
    alert_id uuid not null references alert(id),
    at timestamptz not null,
    kind text not null,
    actor_id uuid references app_user(id),
    to_user_id uuid references app_user(id),
    note text,
    data jsonb not null default '{}'::jsonb
  )`,
  `create index alert_event_org_alert_idx on alert_event (organization_id, alert_id, at)`,
  `create table on_call_shift (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    user_id uuid not null references app_user(id),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    position text not null check (position in ('primary','backup')),
    handover_note text,
    handover_by uuid references app_user(id),
    handover_at timestamptz,
    created_by uuid references app_user(id),
    created_at timestamptz not null,
    cancelled_at timestamptz,
    check (ends_at > starts_at)
  )`,
  `create index on_call_shift_org_time_idx on on_call_shift (organization_id, starts_at, ends_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['on_call_shift', 'alert_event', 'alert'])
    await sql.raw(`drop table if exists ${t}`).execute(db);
}

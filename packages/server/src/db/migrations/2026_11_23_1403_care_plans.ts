import { type Kysely, sql } from 'kysely';

/**
 * Care plans (versioned), the staff rota, visits with their lifecycle and documentation,
 * planning runs and interdisciplinary team meetings (issue 5). Every table carries
 * organization_id and every index leads with it.
 */
const up_statements = [
  `create table care_plan_version (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    version integer not null,
    content jsonb not null,
    key_worker_id uuid references app_user(id),
    review_date date not null,
    phase text not null,
    reason text not null,
    meeting_id uuid,
    changed_by uuid not null references app_user(id),
    created_at timestamptz not null
  )`,
  `create unique index care_plan_version_org_patient_idx on care_plan_version (organization_id, patient_id, version)`,
  `create table staff_shift (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    user_id uuid not null references app_user(id),
    shift_date date not null,
    start_min integer not null check (start_min >= 0 and start_min < 1440),
    end_min integer not null check (end_min > start_min and end_min <= 1440),
    created_by uuid references app_user(id),
    created_at timestamptz not null,
    cancelled_at timestamptz
  )`,
  `create index staff_shift_org_date_idx on staff_shift (organization_id, shift_date, user_id)`,
  `create table visit (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    discipline text not null,
    kind text not null check (kind in ('planned','one_off','urgent')),
    status text not null check (status in ('requested','scheduled','on_the_way','checked_in','completed','missed','cancelled')),
    staff_id uuid references app_user(id),
    visit_date date not null,
    start_min integer,
    duration_min integer not null,
    window_start integer,
    window_end integer,
    reason text,
    status_reason text,
    plan_run_id uuid,
    sequence integer,
    checked_in_at timestamptz,
    check_in_lat double precision,
    check_in_lon double precision,
    completed_at timestamptz,
    created_by uuid references app_user(id),
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index visit_org_date_staff_idx on visit (organization_id, visit_date, staff_id)`,
  `create index visit_org_patient_idx on visit (organization_id, patient_id, visit_date)`,
  `create table visit_event (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    visit_id uuid not null references visit(id),
    from_status text,
    to_status text not null,
    reason text,
    by_user_id uuid references app_user(id),
    at timestamptz not null,
    client_id uuid
  )`,
  `create index visit_event_org_visit_idx on visit_event (organization_id, visit_id, at)`,
  `create unique index visit_event_org_client_idx on visit_event (organization_id, client_id)`,
  `create table visit_note (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    visit_id uuid not null references visit(id),
    patient_id uuid not null references patient(id),
    content jsonb not null,
    by_user_id uuid not null references app_user(id),
    at timestamptz not null,
    client_id uuid
  )`,
  `create index visit_note_org_visit_idx on visit_note (organization_id, visit_id, at)`,
  `create unique index visit_note_org_client_idx on visit_note (organization_id, client_id)`,
  `create table plan_run (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    kind text not null check (kind in ('week','urgent')),
    status text not null check (status in ('running','ready','failed','published','discarded')),
    week_start date not null,
    input jsonb not null,
    result jsonb,
    error text,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null,
    finished_at timestamptz,
    published_at timestamptz,
    published_by uuid references app_user(id)
  )`,
  `create index plan_run_org_created_idx on plan_run (organization_id, created_at desc)`,
  `create table team_meeting (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    held_on date not null,
    notes text not null,
    attendees jsonb not null,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null
  )`,
  `create index team_meeting_org_held_idx on team_meeting (organization_id, held_on desc)`,
  `create table team_meeting_review (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    meeting_id uuid not null references team_meeting(id),
    patient_id uuid not null references patient(id),
    held_on date not null,
    summary text not null,
    care_plan_version integer,
    owner_id uuid references app_user(id)
  )`,
  `create index team_meeting_review_org_meeting_idx on team_meeting_review (organization_id, meeting_id)`,
  `create index team_meeting_review_org_patient_idx on team_meeting_review (organization_id, patient_id, held_on)`,
];

const tables = [
  'team_meeting_review',
  'team_meeting',
  'plan_run',
  'visit_note',
  'visit_event',
  'visit',
  'staff_shift',
  'care_plan_version',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) await sql.raw(`drop table if exists ${table}`).execute(db);
}

import { type Kysely, sql } from 'kysely';

/**
 * Volunteers of the children's hospice: records with screening, training and supervision,
 * families' requests matched to volunteers, assignments and the hours they log.
 * Every table carries organization_id and every index leads with it.
 */
const up_statements = [
  `create table volunteer (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    user_id uuid references app_user(id),
    name text not null,
    phone text not null,
    email text,
    address text not null,
    lat double precision not null,
    lon double precision not null,
    max_distance_km double precision not null,
    areas jsonb not null,
    languages jsonb not null,
    skills jsonb not null,
    availability jsonb not null,
    notes text,
    status text not null check (status in ('applicant','screened','trained','active','paused','left')),
    created_by uuid not null references app_user(id),
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index volunteer_org_name_idx on volunteer (organization_id, name, id)`,
  `create index volunteer_org_status_idx on volunteer (organization_id, status)`,
  `create unique index volunteer_org_user_idx on volunteer (organization_id, user_id) where user_id is not null`,
  `create table volunteer_status_history (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    volunteer_id uuid not null references volunteer(id),
    from_value text,
    to_value text not null,
    reason text,
    by_user_id uuid references app_user(id),
    at timestamptz not null
  )`,
  `create index volunteer_status_history_org_vol_idx on volunteer_status_history (organization_id, volunteer_id, at)`,
  // screening is versioned: each save is a new row, the latest one counts
  `create table volunteer_screening (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    volunteer_id uuid not null references volunteer(id),
    version integer not null,
    interview_on date,
    interview_notes text,
    background_check_on date,
    background_check_result text not null check (background_check_result in ('pending','clear','concerns')),
    consent_signed_on date,
    confidentiality_signed_on date,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null
  )`,
  `create index volunteer_screening_org_vol_idx on volunteer_screening (organization_id, volunteer_id, version)`,
  `create table volunteer_training (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    volunteer_id uuid not null references volunteer(id),
    module text not null,
    completed_on date not null,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null
  )`,
  `create index volunteer_training_org_vol_idx on volunteer_training (organization_id, volunteer_id)`,
  `create table volunteer_note (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    volunteer_id uuid not null references volunteer(id),
    kind text not null check (kind in ('supervision','debrief')),
    on_date date not null,
    body text not null,
    by_user_id uuid not null references app_user(id),
    at timestamptz not null
  )`,
  `create index volunteer_note_org_vol_idx on volunteer_note (organization_id, volunteer_id, on_date)`,
  `create table volunteer_request (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    kind text not null,
    status text not null check (status in ('open','assigned','done','cancelled')),
    starts_at timestamptz not null,
    duration_minutes integer not null,
    language text not null,
    what_to_bring text,
    details text,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index volunteer_request_org_status_idx on volunteer_request (organization_id, status, starts_at)`,
  `create index volunteer_request_org_patient_idx on volunteer_request (organization_id, patient_id)`,
  `create table volunteer_assignment (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    request_id uuid not null references volunteer_request(id),
    volunteer_id uuid not null references volunteer(id),
    status text not null check (status in ('offered','accepted','declined','cancelled','completed')),
    offered_by uuid not null references app_user(id),
    offered_at timestamptz not null,
    responded_at timestamptz,
    decline_reason text
  )`,
  `create index volunteer_assignment_org_request_idx on volunteer_assignment (organization_id, request_id)`,
  `create index volunteer_assignment_org_vol_idx on volunteer_assignment (organization_id, volunteer_id, status)`,
  `create table volunteer_hours (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    assignment_id uuid not null references volunteer_assignment(id),
    volunteer_id uuid not null references volunteer(id),
    on_date date not null,
    minutes integer not null check (minutes > 0),
    note text,
    status text not null check (status in ('submitted','approved','rejected')),
    logged_by uuid not null references app_user(id),
    logged_at timestamptz not null,
    decided_by uuid references app_user(id),
    decided_at timestamptz,
    reject_reason text
  )`,
  `create index volunteer_hours_org_status_idx on volunteer_hours (organization_id, status, logged_at)`,
  `create index volunteer_hours_org_date_idx on volunteer_hours (organization_id, on_date)`,
  `create index volunteer_hours_org_assignment_idx on volunteer_hours (organization_id, assignment_id)`,
  // paid staff's patient-care hours per month, entered by the coordinator (the denominator of the share)
  `create table paid_care_hours (
    organization_id uuid not null references organization(id),
    month text not null,
    hours double precision not null,
    entered_by uuid not null references app_user(id),
    entered_at timestamptz not null,
    primary key (organization_id, month)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'paid_care_hours',
    'volunteer_hours',
    'volunteer_assignment',
    'volunteer_request',
    'volunteer_note',
    'volunteer_training',
    'volunteer_screening',
    'volunteer_status_history',
    'volunteer',
  ];
  for (const t of tables) await sql.raw(`drop table if exists ${t}`).execute(db);
}

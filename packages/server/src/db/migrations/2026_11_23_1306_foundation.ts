import { type Kysely, sql } from 'kysely';

/**
 * Foundation: organizations, accounts and sessions, the durable job table, notifications,
 * intake, the medical commission, patients and the hash-chained audit log.
 * Every table carries organization_id and every index leads with it (ARCHITECTURE.md, Data).
 */
const up_statements = [
  `create table organization (
    id uuid primary key,
    name text not null,
    is_demo boolean not null default false,
    settings jsonb not null,
    created_at timestamptz not null default now()
  )`,
  `create table app_user (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    email text not null,
    name text not null,
    role text not null,
    is_lead boolean not null default false,
    phone text,
    locale text not null default 'ru',
    status text not null check (status in ('invited','active','deactivated')),
    password_hash text,
    invite_token_hash text,
    invite_expires_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  // e-mail is the login, so it is unique across the deployment
  `create unique index app_user_email_idx on app_user (lower(email))`,
  `create index app_user_org_role_idx on app_user (organization_id, role)`,
  `create table user_session (
    id text primary key,
    organization_id uuid not null references organization(id),
    user_id uuid not null references app_user(id),
    csrf_token text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`,
  `create index user_session_org_user_idx on user_session (organization_id, user_id)`,
  `create table login_failure (
    id bigserial primary key,
    email text not null,
    ip text,
    at timestamptz not null
  )`,
  `create index login_failure_email_at_idx on login_failure (email, at)`,
  `create table job (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    kind text not null,
    payload jsonb not null,
    run_at timestamptz not null,
    status text not null default 'pending' check (status in ('pending','running','done','failed')),
    attempts integer not null default 0,
    locked_at timestamptz,
    last_error text,
    created_at timestamptz not null default now()
  )`,
  `create index job_due_idx on job (status, run_at)`,
  `create index job_org_kind_idx on job (organization_id, kind)`,
  `create table notification (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    user_id uuid not null references app_user(id),
    kind text not null,
    title text not null,
    body text not null,
    entity_type text,
    entity_id uuid,
    created_at timestamptz not null,
    read_at timestamptz
  )`,
  `create index notification_org_user_idx on notification (organization_id, user_id, created_at desc)`,
  `create table patient (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    first_name text not null,
    last_name text not null,
    middle_name text,
    date_of_birth date not null,
    sex text not null,
    address text not null,
    area text not null,
    lat double precision,
    lon double precision,
    phone text,
    status text not null,
    palliative_status text not null default 'none',
    palliative_review_date date,
    care_setting text not null default 'home',
    consent_to_share boolean not null default false,
    designated_family_user_id uuid references app_user(id),
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index patient_org_name_idx on patient (organization_id, last_name, first_name, id)`,
  `create index patient_org_status_idx on patient (organization_id, status)`,
  `create table patient_diagnosis (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    icd10 text not null,
    description text not null,
    category text not null,
    is_primary boolean not null default false,
    created_at timestamptz not null
  )`,
  `create index patient_diagnosis_org_patient_idx on patient_diagnosis (organization_id, patient_id)`,
  `create table patient_allergy (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    substance text not null,
    reaction text,
    severity text not null,
    created_at timestamptz not null
  )`,
  `create index patient_allergy_org_patient_idx on patient_allergy (organization_id, patient_id)`,
  `create table patient_contact (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    name text not null,
    relationship text not null,
    phone text,
    lives_with_patient boolean not null default false,
    notes text,
    created_at timestamptz not null
  )`,
  `create index patient_contact_org_patient_idx on patient_contact (organization_id, patient_id)`,
  `create table patient_status_history (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    kind text not null check (kind in ('status','palliative')),
    from_value text,
    to_value text not null,
    reason text,
    by_user_id uuid references app_user(id),
    at timestamptz not null
  )`,
  `create index patient_status_history_org_patient_idx on patient_status_history (organization_id, patient_id, at)`,
  `create table patient_team_member (
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    user_id uuid not null references app_user(id),
    primary key (organization_id, patient_id, user_id)
  )`,
  `create index patient_team_member_org_user_idx on patient_team_member (organization_id, user_id)`,
  `create table family_link (
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    user_id uuid not null references app_user(id),
    relationship text not null,
    is_designated boolean not null default false,
    invited_by uuid references app_user(id),
    created_at timestamptz not null,
    removed_at timestamptz,
    primary key (organization_id, patient_id, user_id)
  )`,
  `create index family_link_org_user_idx on family_link (organization_id, user_id)`,
  `create table care_request (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    reference text not null,
    source text not null check (source in ('web','phone')),
    status text not null check (status in ('new','in_progress','referred','closed')),
    patient_name text not null,
    patient_age_years integer,
    requester_name text not null,
    relationship text not null,
    diagnosis_text text not null,
    address text not null,
    phone text not null,
    preferred_call_time text not null,
    locale text not null,
    consent_at timestamptz not null,
    created_by uuid references app_user(id),
    created_at timestamptz not null,
    callback_due_at timestamptz not null,
    first_call_at timestamptz,
    escalated_at timestamptz,
    closed_reason text,
    commission_case_id uuid
  )`,
  `create unique index care_request_org_reference_idx on care_request (organization_id, reference)`,
  `create index care_request_org_status_due_idx on care_request (organization_id, status, callback_due_at)`,
  `create table call_attempt (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    care_request_id uuid not null references care_request(id),
    at timestamptz not null,
    by_user_id uuid not null references app_user(id),
    outcome text not null,
    note text
  )`,
  `create index call_attempt_org_request_idx on call_attempt (organization_id, care_request_id, at)`,
  `create table commission_case (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    status text not null check (status in ('pending','granted','deferred','refused')),
    patient_id uuid not null references patient(id),
    care_request_id uuid references care_request(id),
    icd10 text not null,
    diagnosis text not null,
    performance_scale text not null,
    performance_score integer not null,
    reason text not null,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index commission_case_org_status_idx on commission_case (organization_id, status, created_at)`,
  `create table commission_decision (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    case_id uuid not null references commission_case(id),
    decision text not null check (decision in ('granted','deferred','refused')),
    decided_on date not null,
    members jsonb not null,
    review_date date,
    missing text,
    reason text,
    notes text,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null
  )`,
  `create index commission_decision_org_case_idx on commission_decision (organization_id, case_id, recorded_at)`,
  // Files live in the database so that server processes stay stateless and a backup holds everything.
  `create table stored_file (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    file_name text not null,
    content_type text not null,
    size_bytes integer not null,
    sha256 text not null,
    content bytea not null,
    uploaded_by uuid not null references app_user(id),
    uploaded_at timestamptz not null
  )`,
  `create table commission_document (
    organization_id uuid not null references organization(id),
    case_id uuid not null references commission_case(id),
    file_id uuid not null references stored_file(id),
    primary key (organization_id, case_id, file_id)
  )`,
  `create table audit_event (
    organization_id uuid not null references organization(id),
    seq bigint not null,
    at timestamptz not null,
    actor_id uuid,
    actor_role text,
    action text not null,
    entity_type text not null,
    entity_id text,
    patient_id uuid,
    request_id text,
    outcome text not null,
    prev_hash text not null,
    hash text not null,
    primary key (organization_id, seq)
  )`,
  `create index audit_event_org_patient_idx on audit_event (organization_id, patient_id, seq)`,
  `create index audit_event_org_actor_idx on audit_event (organization_id, actor_id, seq)`,
  // Append-only: the database itself refuses to change or remove an audit event.
  `create function audit_event_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only';
    end;
  $$`,
  `create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'audit_event',
    'commission_document',
    'stored_file',
    'commission_decision',
    'commission_case',
    'call_attempt',
    'care_request',
    'family_link',
    'patient_team_member',
    'patient_status_history',
    'patient_contact',
    'patient_allergy',
    'patient_diagnosis',
    'patient',
    'notification',
    'job',
    'login_failure',
    'user_session',
    'app_user',
    'organization',
  ];
  for (const t of tables) await sql.raw(`drop table if exists ${t}`).execute(db);
  await sql.raw('drop function if exists audit_event_is_append_only').execute(db);
}

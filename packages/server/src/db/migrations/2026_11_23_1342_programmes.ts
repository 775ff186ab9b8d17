import { type Kysely, sql } from 'kysely';

/**
 * Programmes of the children's hospice: the friends' club, clown doctors, summer camp shifts and
 * training-centre courses, with sessions, rosters, camp applications (care notes, consents,
 * waiting list), clown-doctor visits, course enrolment and attendance.
 */
const up_statements = [
  `create table programme (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    kind text not null check (kind in ('friends_club','clown_doctors','summer_camp','training_course')),
    name text not null,
    description text,
    max_age_years integer,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null
  )`,
  `create index programme_org_kind_idx on programme (organization_id, kind, created_at)`,
  `create table programme_session (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    programme_id uuid not null references programme(id),
    title text not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    place text not null,
    capacity integer not null check (capacity > 0),
    family_capacity integer,
    created_at timestamptz not null
  )`,
  `create index programme_session_org_prog_idx on programme_session (organization_id, programme_id, starts_at)`,
  `create table session_roster (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    session_id uuid not null references programme_session(id),
    user_id uuid references app_user(id),
    volunteer_id uuid references volunteer(id),
    role text not null,
    added_by uuid not null references app_user(id),
    added_at timestamptz not null,
    removed_at timestamptz,
    check ((user_id is null) <> (volunteer_id is null))
  )`,
  `create index session_roster_org_session_idx on session_roster (organization_id, session_id)`,
  `create table session_participant (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    session_id uuid not null references programme_session(id),
    patient_id uuid references patient(id),
    name text not null,
    added_by uuid not null references app_user(id),
    added_at timestamptz not null
  )`,
  `create index session_participant_org_session_idx on session_participant (organization_id, session_id)`,
  `create table camp_application (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    session_id uuid not null references programme_session(id),
    patient_id uuid not null references patient(id),
    family_members integer not null,
    -- order of application within the shift (the waiting list's order)
    queue_no integer not null,
    status text not null check (status in ('accepted','waitlisted','withdrawn')),
    notes text,
    applied_by uuid not null references app_user(id),
    applied_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index camp_application_org_session_idx on camp_application (organization_id, session_id, queue_no)`,
  `create index camp_application_org_patient_idx on camp_application (organization_id, patient_id)`,
  // versioned: each save is a new row; the latest is current
  `create table camp_care_note (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    application_id uuid not null references camp_application(id),
    medicines text,
    equipment text,
    diet text,
    mobility text,
    who_may_give text,
    notes text,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null
  )`,
  `create index camp_care_note_org_app_idx on camp_care_note (organization_id, application_id, recorded_at)`,
  `create table camp_consent (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    application_id uuid not null references camp_application(id),
    kind text not null,
    signed_by text not null,
    signed_on date not null,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null
  )`,
  `create index camp_consent_org_app_idx on camp_consent (organization_id, application_id)`,
  `create table clown_visit (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    scheduled_at timestamptz not null,
    family_wish text not null check (family_wish in ('welcome','asked','declined')),
    phase text not null,
    phase_source text not null,
    status text not null check (status in ('scheduled','done','cancelled')),
    notes text,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null
  )`,
  `create index clown_visit_org_time_idx on clown_visit (organization_id, scheduled_at)`,
  `create index clown_visit_org_patient_idx on clown_visit (organization_id, patient_id)`,
  `create table course_enrolment (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    programme_id uuid not null references programme(id),
    user_id uuid references app_user(id),
    learner_name text not null,
    learner_email text,
    learner_organization text,
    enrolled_by uuid not null references app_user(id),
    enrolled_at timestamptz not null,
    completed_on date,
    certificate_number text
  )`,
  `create index course_enrolment_org_prog_idx on course_enrolment (organization_id, programme_id, learner_name)`,
  `create unique index course_enrolment_org_cert_idx on course_enrolment (organization_id, certificate_number) where certificate_number is not null`,
  `create table course_attendance (
    organization_id uuid not null references organization(id),
    enrolment_id uuid not null references course_enrolment(id),
    session_id uuid not null references programme_session(id),
    present boolean not null,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null,
    primary key (organization_id, enrolment_id, session_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'course_attendance',
    'course_enrolment',
    'clown_visit',
    'camp_consent',
    'camp_care_note',
    'camp_application',
    'session_participant',
    'session_roster',
    'programme_session',
    'programme',
  ];
  for (const t of tables) await sql.raw(`drop table if exists ${t}`).execute(db);
}

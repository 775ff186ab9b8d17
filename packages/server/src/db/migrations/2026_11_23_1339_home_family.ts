import { type Kysely, sql } from 'kysely';

/**
 * Home, family and the end of life (issue 7): the equipment store and loans, home safety checks
 * with actions, caregiver skills, the family duty roster, caregiver burden screening, support
 * referrals with the social worker's routing checklist, the versioned advance care plan,
 * level-of-care moves, the death record with its home checklist, and bereavement tasks.
 * Every table carries organization_id and every index leads with it.
 */
const up_statements = [
  `create table equipment_item (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    kind text not null,
    name text not null,
    serial_number text not null,
    condition text not null,
    status text not null check (status in ('available','reserved','on_loan','cleaning','maintenance','retired')),
    maintenance_due_on date,
    notes text,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create unique index equipment_item_org_serial_idx on equipment_item (organization_id, serial_number)`,
  `create index equipment_item_org_kind_idx on equipment_item (organization_id, kind, status)`,
  `create table equipment_loan (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    kind text not null,
    item_id uuid references equipment_item(id),
    status text not null check (status in ('requested','delivered','in_use','collected','cleaned','cancelled')),
    reason text not null,
    requested_by uuid not null references app_user(id),
    requested_at timestamptz not null,
    expected_return_on date,
    delivered_on date,
    delivered_by text,
    delivery_recorded_by uuid references app_user(id),
    oxygen_safety_check_id uuid,
    in_use_at timestamptz,
    collected_on date,
    collected_by text,
    cleaned_at timestamptz,
    cleaned_by uuid references app_user(id),
    updated_at timestamptz not null
  )`,
  `create index equipment_loan_org_patient_idx on equipment_loan (organization_id, patient_id, requested_at)`,
  `create index equipment_loan_org_status_idx on equipment_loan (organization_id, status)`,
  // one open loan per item at a time
  `create unique index equipment_loan_org_item_open_idx on equipment_loan (organization_id, item_id)
     where status in ('requested','delivered','in_use','collected')`,
  `create table home_safety_check (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    occasion text not null,
    checked_on date not null,
    checked_by uuid not null references app_user(id),
    items jsonb not null,
    created_at timestamptz not null
  )`,
  `create index home_safety_check_org_patient_idx on home_safety_check (organization_id, patient_id, created_at)`,
  `create table home_safety_action (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    check_id uuid not null references home_safety_check(id),
    item_key text not null,
    description text not null,
    owner_name text not null,
    owner_user_id uuid references app_user(id),
    due_on date,
    status text not null check (status in ('open','done')),
    done_at timestamptz,
    done_by uuid references app_user(id),
    created_at timestamptz not null
  )`,
  `create index home_safety_action_org_patient_idx on home_safety_action (organization_id, patient_id, status)`,
  `create table caregiver_skill_record (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    caregiver_name text not null,
    family_user_id uuid references app_user(id),
    skill text not null,
    level text not null check (level in ('shown','practised','confident')),
    signed_on date not null,
    nurse_id uuid not null references app_user(id),
    note text,
    created_at timestamptz not null
  )`,
  `create index caregiver_skill_org_patient_idx on caregiver_skill_record (organization_id, patient_id, created_at)`,
  `create table duty_shift (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    date date not null,
    slot text not null check (slot in ('day','night','all_day')),
    person_name text not null,
    family_user_id uuid references app_user(id),
    tasks text,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null,
    cancelled_at timestamptz,
    cancelled_by uuid references app_user(id)
  )`,
  `create index duty_shift_org_patient_date_idx on duty_shift (organization_id, patient_id, date)`,
  `create table caregiver_burden (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    caregiver_name text not null,
    kind text not null check (kind in ('zbi12','cannot_cope')),
    answers jsonb,
    total integer,
    threshold integer,
    high boolean not null,
    cannot_cope boolean not null,
    on_request boolean not null default false,
    note text,
    referral_id uuid,
    respite_offered boolean not null default false,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null
  )`,
  `create index caregiver_burden_org_patient_idx on caregiver_burden (organization_id, patient_id, recorded_at)`,
  // licensed instrument wording an organization loads as data (instrument-licences.md)
  `create table instrument_wording (
    organization_id uuid not null references organization(id),
    instrument text not null,
    locale text not null,
    items jsonb not null,
    licence_note text not null,
    updated_by uuid not null references app_user(id),
    updated_at timestamptz not null,
    primary key (organization_id, instrument, locale)
  )`,
  `create table support_referral (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    discipline text not null check (discipline in ('psychologist','social_worker','chaplain')),
    status text not null check (status in ('open','in_progress','closed')),
    source text not null,
    reason text not null,
    for_whom text,
    respite_offered boolean not null default false,
    assigned_user_id uuid references app_user(id),
    outcome text,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    closed_at timestamptz
  )`,
  `create index support_referral_org_discipline_idx on support_referral (organization_id, discipline, status, created_at)`,
  `create index support_referral_org_patient_idx on support_referral (organization_id, patient_id)`,
  `create table support_note (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    referral_id uuid not null references support_referral(id),
    text text not null,
    by_user_id uuid not null references app_user(id),
    at timestamptz not null
  )`,
  `create index support_note_org_referral_idx on support_note (organization_id, referral_id, at)`,
  `create table routing_item (
    organization_id uuid not null references organization(id),
    referral_id uuid not null references support_referral(id),
    item text not null,
    status text not null check (status in ('to_do','in_progress','done','not_needed')),
    note text,
    updated_by uuid references app_user(id),
    updated_at timestamptz,
    primary key (organization_id, referral_id, item)
  )`,
  `create table advance_care_plan (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    version integer not null,
    plan jsonb not null,
    change_reason text not null,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null
  )`,
  `create unique index advance_care_plan_org_patient_version_idx on advance_care_plan (organization_id, patient_id, version)`,
  `create table care_level_move (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    from_setting text not null,
    to_setting text not null,
    moved_on date not null,
    reason text not null,
    summary jsonb not null,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null
  )`,
  `create index care_level_move_org_patient_idx on care_level_move (organization_id, patient_id, recorded_at)`,
  `create table death_record (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    died_at timestamptz not null,
    place text not null,
    place_note text,
    preferred_place text,
    in_preferred_place boolean,
    verified_by text not null,
    verified_at timestamptz not null,
    notes text,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null,
    closed_at timestamptz,
    closed_by uuid references app_user(id)
  )`,
  `create unique index death_record_org_patient_idx on death_record (organization_id, patient_id)`,
  `create table death_checklist_item (
    organization_id uuid not null references organization(id),
    death_record_id uuid not null references death_record(id),
    item text not null,
    status text not null check (status in ('open','done','not_needed')),
    note text,
    witnesses jsonb not null default '[]',
    done_at timestamptz,
    done_by uuid references app_user(id),
    primary key (organization_id, death_record_id, item)
  )`,
  `create table bereavement_task (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    death_record_id uuid not null references death_record(id),
    kind text not null,
    due_on date not null,
    owner_id uuid not null references app_user(id),
    status text not null check (status in ('open','done')),
    completed_on date,
    outcome text,
    risk_level text,
    completed_by uuid references app_user(id),
    created_at timestamptz not null
  )`,
  `create index bereavement_task_org_status_due_idx on bereavement_task (organization_id, status, due_on)`,
  `create index bereavement_task_org_patient_idx on bereavement_task (organization_id, patient_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'bereavement_task',
    'death_checklist_item',
    'death_record',
    'care_level_move',
    'advance_care_plan',
    'routing_item',
    'support_note',
    'support_referral',
    'instrument_wording',
    'caregiver_burden',
    'duty_shift',
    'caregiver_skill_record',
    'home_safety_action',
    'home_safety_check',
    'equipment_loan',
    'equipment_item',
  ];
  for (const t of tables) await sql.raw(`drop table if exists ${t}`).execute(db);
}

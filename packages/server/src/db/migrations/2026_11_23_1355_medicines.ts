import { type Kysely, sql } from 'kysely';

/**
 * Medicines (issue 6): prescriptions with versions, administration records (given, not taken,
 * refused by the dose guard), the "just in case" box, and the controlled-drug register.
 * Nothing is deleted: a change is a new prescription version with its reason.
 */
const up_statements = [
  // The stable identity of a prescription; its row is locked FOR UPDATE by every dose record
  // and every change, so two people cannot both pass the dose guard on the same history.
  `create table prescription (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    current_version integer not null,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null
  )`,
  `create index prescription_org_patient_idx on prescription (organization_id, patient_id)`,
  `create table prescription_version (
    organization_id uuid not null references organization(id),
    prescription_id uuid not null references prescription(id),
    version integer not null,
    medicine_id text,
    name text not null,
    form text,
    strength text,
    route text not null,
    dose_amount numeric not null check (dose_amount > 0),
    dose_unit text not null,
    kind text not null check (kind in ('scheduled','prn')),
    times_of_day jsonb not null,
    min_interval_minutes integer,
    max_doses_per_24h integer,
    indication text not null,
    instructions text,
    starts_at timestamptz not null,
    ends_at timestamptz,
    anticipatory_purpose text,
    controlled boolean not null,
    reason text,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null,
    primary key (organization_id, prescription_id, version)
  )`,
  `create table medicine_administration (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    prescription_id uuid not null references prescription(id),
    prescription_version integer not null,
    status text not null check (status in ('given','not_taken','refused')),
    given_at timestamptz not null,
    slot timestamptz,
    dose_amount numeric not null,
    dose_unit text not null,
    note text,
    refusal_reason text,
    refusal_message text,
    next_allowed_at timestamptz,
    recorded_by uuid not null references app_user(id),
    recorded_by_role text not null,
    recorded_at timestamptz not null,
    verbal_order_physician_id uuid references app_user(id),
    countersigned_by uuid references app_user(id),
    countersigned_at timestamptz
  )`,
  `create index medicine_administration_org_rx_idx on medicine_administration (organization_id, prescription_id, given_at)`,
  `create index medicine_administration_org_patient_idx on medicine_administration (organization_id, patient_id, given_at)`,
  `create table anticipatory_box (
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    location text not null,
    expires_on date not null,
    notes text,
    updated_by uuid not null references app_user(id),
    updated_at timestamptz not null,
    primary key (organization_id, patient_id)
  )`,
  `create table controlled_stock (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    name text not null,
    unit text not null,
    prescription_id uuid references prescription(id),
    balance numeric not null default 0,
    created_by uuid not null references app_user(id),
    created_at timestamptz not null
  )`,
  `create index controlled_stock_org_patient_idx on controlled_stock (organization_id, patient_id)`,
  `create table controlled_entry (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    stock_id uuid not null references controlled_stock(id),
    patient_id uuid not null references patient(id),
    kind text not null check (kind in ('received','administered','count','returned','disposed')),
    quantity numeric not null,
    balance_after numeric not null,
    expected numeric,
    discrepancy numeric,
    note text,
    method text,
    administration_id uuid references medicine_administration(id),
    recorded_by uuid not null references app_user(id),
    witness_user_id uuid references app_user(id),
    at timestamptz not null,
    check (kind <> 'disposed' or (witness_user_id is not null and witness_user_id <> recorded_by))
  )`,
  `create index controlled_entry_org_stock_idx on controlled_entry (organization_id, stock_id, at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'controlled_entry',
    'controlled_stock',
    'anticipatory_box',
    'medicine_administration',
    'prescription_version',
    'prescription',
  ])
    await sql.raw(`drop table if exists ${t}`).execute(db);
}

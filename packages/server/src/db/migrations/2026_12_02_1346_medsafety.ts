import { type Kysely, sql } from 'kysely';

/**
 * Medication safety on every path (issue 12): the patient's weight with its date, the class a
 * medicine outside the formulary declares, the physician's override reason, a patch's change
 * interval, and when a verbal order was given.
 */
const up_statements = [
  `create table patient_weight (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    kg numeric(6, 2) not null check (kg > 0),
    measured_on date not null,
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null
  )`,
  `create index patient_weight_org_patient_idx on patient_weight (organization_id, patient_id, measured_on desc)`,
  `alter table prescription_version add column declared_class text`,
  `alter table prescription_version add column override_reason text`,
  `alter table prescription_version add column change_interval_hours integer`,
  `alter table medicine_administration add column verbal_order_at timestamptz`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of up_statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table medicine_administration drop column verbal_order_at`.execute(db);
  await sql`alter table prescription_version drop column change_interval_hours`.execute(db);
  await sql`alter table prescription_version drop column override_reason`.execute(db);
  await sql`alter table prescription_version drop column declared_class`.execute(db);
  await sql`drop table patient_weight`.execute(db);
}

import { type Kysely, sql } from 'kysely';

/**
 * Medicines, second step (issue 6): due-dose reminders for the family and the controlled-drug
 * register drawn down by each recorded dose.
 */
const up_statements = [
  // One row per scheduled slot the reminder job has looked at: the primary key is what makes a
  // reminder go out at most once, even if the job runs again after a crash.
  `create table medicine_dose_reminder (
    organization_id uuid not null references organization(id),
    prescription_id uuid not null references prescription(id),
    slot timestamptz not null,
    notified boolean not null,
    handled_at timestamptz not null,
    primary key (organization_id, prescription_id, slot)
  )`,
  // How much of the prescribed dose unit one unit of stock holds (one ampoule = 10 mg), so a
  // dose given can be taken off the register; null when the stock and dose units are the same.
  `alter table controlled_stock add column dose_per_unit numeric`,
  // Prescriptions written before this migration start their reminder chains from now.
  `insert into job (id, organization_id, kind, payload, run_at)
   select gen_random_uuid(), p.organization_id, 'medicines.dose-due',
          jsonb_build_object('patientId', p.patient_id, 'prescriptionId', p.id, 'version', p.current_version, 'slot', null),
          now()
   from prescription p
   join prescription_version v
     on v.prescription_id = p.id and v.version = p.current_version and v.organization_id = p.organization_id
   where v.kind = 'scheduled' and v.anticipatory_purpose is null and (v.ends_at is null or v.ends_at > now())`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`delete from job where kind = 'medicines.dose-due'`).execute(db);
  await sql.raw('alter table controlled_stock drop column dose_per_unit').execute(db);
  await sql.raw('drop table medicine_dose_reminder').execute(db);
}

import { type Kysely, sql } from 'kysely';

/**
 * Corrections of a patient's identity (name, date of birth, sex): one row per field changed, with
 * the value before and after and the reason, so the record keeps what it said before (issue 13).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table patient_identity_correction (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      patient_id uuid not null references patient(id),
      field text not null check (field in ('firstName','lastName','middleName','dateOfBirth','sex')),
      from_value text,
      to_value text,
      reason text not null,
      by_user_id uuid not null references app_user(id),
      at timestamptz not null
    )`.execute(db);
  await sql`
    create index patient_identity_correction_patient_idx
      on patient_identity_correction (organization_id, patient_id, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table patient_identity_correction`.execute(db);
}

import { type Kysely, sql } from 'kysely';

/**
 * Caregiver burden screenings (MCSI or ZBI-12) are stored as assessments; this table holds what
 * the caregiver workflow adds to such a record: which relative, whether they said they cannot
 * cope, the referral it opened and whether respite was offered. "Cannot cope" calls without a
 * questionnaire stay in `caregiver_burden`.
 */
const up_statements = [
  `create table caregiver_screening (
    record_id uuid primary key,
    -- orders screenings recorded within the same millisecond
    seq bigint generated always as identity,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    instrument text not null check (instrument in ('mcsi','zbi12')),
    caregiver_name text not null,
    family_user_id uuid references app_user(id),
    cannot_cope boolean not null default false,
    on_request boolean not null default false,
    referral_id uuid,
    respite_offered boolean not null default false,
    created_at timestamptz not null
  )`,
  `create index caregiver_screening_org_patient_idx on caregiver_screening (organization_id, patient_id, created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists caregiver_screening').execute(db);
}

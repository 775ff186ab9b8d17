import { type Kysely, sql } from 'kysely';

/**
 * FHIR exchange (issue 19): intake requests may come from a FHIR referral and keep its data;
 * bulk exports are durable jobs whose NDJSON output is stored in the database (so any server
 * process can serve the files and a restart resumes the export where it stopped).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table care_request add column referral jsonb`.execute(db);
  await sql`alter table care_request drop constraint care_request_source_check`.execute(db);
  await sql`alter table care_request add constraint care_request_source_check check (source in ('web','phone','fhir'))`.execute(
    db,
  );
  await sql`create table fhir_export (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    status text not null check (status in ('accepted','in_progress','completed','failed','cancelled')),
    requested_by uuid not null references app_user(id),
    types jsonb not null,
    since timestamptz,
    request_url text not null,
    patient_total integer not null default 0,
    patients_done integer not null default 0,
    last_patient_id uuid,
    error text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    completed_at timestamptz
  )`.execute(db);
  await sql`create index fhir_export_org_created_idx on fhir_export (organization_id, created_at)`.execute(
    db,
  );
  await sql`create table fhir_export_file (
    organization_id uuid not null references organization(id),
    export_id uuid not null references fhir_export(id) on delete cascade,
    resource_type text not null,
    part integer not null,
    line_count integer not null,
    content text not null,
    primary key (export_id, resource_type, part)
  )`.execute(db);
  await sql`create index fhir_export_file_org_export_idx on fhir_export_file (organization_id, export_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table fhir_export_file`.execute(db);
  await sql`drop table fhir_export`.execute(db);
  // the referral marker cannot survive the older constraint: such requests read as phone requests
  await sql`update care_request set source = 'phone' where source = 'fhir'`.execute(db);
  await sql`alter table care_request drop constraint care_request_source_check`.execute(db);
  await sql`alter table care_request add constraint care_request_source_check check (source in ('web','phone'))`.execute(
    db,
  );
  await sql`alter table care_request drop column referral`.execute(db);
}

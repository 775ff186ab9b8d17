import { type Kysely, sql } from 'kysely';

/**
 * The care episode (issue 13): visits can wait "on hold" while the patient is away from home;
 * each status or level-of-care change keeps the effects it set off; a death record carries the
 * team's message to the family; a loan at home can be marked for collection; an unanswered call
 * back keeps its request urgent with a retry deadline.
 */
const statements = [
  // a superset of the old check, so installations that ran either order stay valid
  `alter table visit drop constraint if exists visit_status_check`,
  `alter table visit add constraint visit_status_check
     check (status in ('requested','scheduled','on_the_way','checked_in','completed','missed','cancelled','on_hold'))`,
  `create table episode_change (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    from_status text not null,
    to_status text not null,
    from_setting text not null,
    to_setting text not null,
    effects jsonb not null,
    reason text not null,
    by_user_id uuid references app_user(id),
    at timestamptz not null
  )`,
  `create index episode_change_org_patient_idx on episode_change (organization_id, patient_id, at)`,
  `alter table death_record add column family_message text`,
  `alter table equipment_loan add column collection_requested_at timestamptz`,
  // an unanswered call keeps the request urgent: the next try is due by this time
  `alter table care_request add column retry_due_at timestamptz`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table care_request drop column retry_due_at`.execute(db);
  await sql`alter table equipment_loan drop column collection_requested_at`.execute(db);
  await sql`alter table death_record drop column family_message`.execute(db);
  await sql`drop table episode_change`.execute(db);
  await sql`update visit set status = 'scheduled' where status = 'on_hold'`.execute(db);
  await sql`alter table visit drop constraint if exists visit_status_check`.execute(db);
  await sql
    .raw(`alter table visit add constraint visit_status_check
     check (status in ('requested','scheduled','on_the_way','checked_in','completed','missed','cancelled'))`)
    .execute(db);
}

import { type Kysely, sql } from 'kysely';

/**
 * Notifications in the reader's language (a kind plus its parameters; the stored English text
 * stays as the fallback) and email through the organization's own SMTP server.
 */
const up_statements = [
  `alter table notification add column params jsonb not null default '{}'::jsonb`,
  `create table email_settings (
    organization_id uuid primary key references organization(id),
    enabled boolean not null default false,
    host text not null default '',
    port integer not null default 587,
    secure boolean not null default false,
    username text not null default '',
    password text not null default '',
    from_address text not null default '',
    base_url text not null default '',
    updated_at timestamptz not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists email_settings').execute(db);
  await sql.raw('alter table notification drop column if exists params').execute(db);
}

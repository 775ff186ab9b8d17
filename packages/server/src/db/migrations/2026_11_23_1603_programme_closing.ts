import { type Kysely, sql } from 'kysely';

/**
 * Closing things in the children's programmes: when (and by whom) a volunteer's assignment was
 * closed, so hours are loggable up to that day only; and the outcome of a clown-doctor visit.
 */
const up_statements = [
  `alter table volunteer_assignment add column closed_at timestamptz`,
  `alter table volunteer_assignment add column closed_by uuid references app_user(id)`,
  `alter table volunteer_assignment add column close_note text`,
  `alter table clown_visit add column outcome text`,
  `alter table clown_visit add column closed_at timestamptz`,
  `alter table clown_visit add column closed_by uuid references app_user(id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const drops = [
    'alter table clown_visit drop column closed_by',
    'alter table clown_visit drop column closed_at',
    'alter table clown_visit drop column outcome',
    'alter table volunteer_assignment drop column close_note',
    'alter table volunteer_assignment drop column closed_by',
    'alter table volunteer_assignment drop column closed_at',
  ];
  for (const d of drops) await sql.raw(d).execute(db);
}

import { sql } from 'kysely';
import type { Db } from './database.ts';

/** The tables of the current schema, for tests that check a migration added or dropped one. */
export async function tableNames(db: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.map((r) => r.table_name);
}

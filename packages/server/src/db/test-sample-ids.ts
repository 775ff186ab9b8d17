import { sql } from 'kysely';
import type { Db } from './database.ts';

/** Up to `perTable` ids from every table with a uuid `id` column, by table (tests that need real ids). */
export async function sampleIds(db: Db, perTable: number): Promise<Map<string, string[]>> {
  const tables = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid'
    order by c.table_name`.execute(db);
  const ids = new Map<string, string[]>();
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ id: string }>`select id from ${sql.table(table_name)} limit ${perTable}`.execute(
      db,
    );
    if (rows.rows.length)
      ids.set(
        table_name,
        rows.rows.map((r) => r.id),
      );
  }
  return ids;
}

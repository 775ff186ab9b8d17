import { sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';

export async function pingDatabase(db: Conn): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

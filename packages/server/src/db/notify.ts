import { sql } from 'kysely';
import type { Db } from './database.ts';

/** Postgres NOTIFY, delivered to every listening process when the statement commits. */
export const pgNotify = (db: Db, channel: string) => async (payload: string) => {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
};

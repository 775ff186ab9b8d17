import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** What an attacker with superuser rights could do: switch the guard off and edit an event. */
export async function tamperWithAuditEvent(db: Db, seq: number) {
  await sql`alter table audit_event disable trigger audit_event_no_update`.execute(db);
  await sql`update audit_event set action = action || '.edited' where seq = ${seq}`.execute(db);
  await sql`alter table audit_event enable trigger audit_event_no_update`.execute(db);
}

/** What any ordinary connection would try: change or remove an event directly. */
export const tryToEditAuditEvent = (db: Db, seq: number) =>
  sql`update audit_event set action = 'nothing' where seq = ${seq}`.execute(db);
export const tryToDeleteAuditEvent = (db: Db, seq: number) =>
  sql`delete from audit_event where seq = ${seq}`.execute(db);

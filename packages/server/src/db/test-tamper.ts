import { sql } from 'kysely';
import type { Db } from './database.ts';

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

export const tryToTruncateAudit = (db: Db) => sql`truncate audit_event`.execute(db);
export const tryToRemovePendingAudit = (db: Db) => sql`delete from audit_pending`.execute(db);

/** A superuser empties the table with its guard switched off. */
export async function truncateAuditBehindTheGuard(db: Db) {
  await sql`alter table audit_event disable trigger audit_event_no_truncate`.execute(db);
  await sql`truncate audit_event`.execute(db);
  await sql`alter table audit_event enable trigger audit_event_no_truncate`.execute(db);
}

/** A superuser removes the newest events with the guard switched off; returns how many went. */
export async function deleteAuditTailBehindTheGuard(db: Db, count: number) {
  await sql`alter table audit_event disable trigger audit_event_no_update`.execute(db);
  const res = await sql`delete from audit_event where (organization_id, seq) in (
      select organization_id, seq from audit_event order by seq desc limit ${count})`.execute(db);
  await sql`alter table audit_event enable trigger audit_event_no_update`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

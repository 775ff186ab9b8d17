import { sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { AuditEventTable } from './audit.table.ts';

/**
 * Serialises appends per organization for the rest of the transaction, so two concurrent
 * writers cannot both chain onto the same previous event.
 */
export async function lockAuditChain(db: Conn, organizationId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`audit:${organizationId}`}))`.execute(db);
}

export async function lastAuditEvent(db: Conn, organizationId: string) {
  return db
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .where('organization_id', '=', organizationId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertAuditEvent(db: Conn, row: AuditEventTable): Promise<void> {
  await db.insertInto('audit_event').values(row).execute();
}

export interface AuditFilter {
  organizationId: string;
  patientId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export async function listAuditEvents(db: Conn, f: AuditFilter) {
  let q = db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select('u.name as actor_name')
    .where('e.organization_id', '=', f.organizationId);
  if (f.patientId) q = q.where('e.patient_id', '=', f.patientId);
  if (f.actorId) q = q.where('e.actor_id', '=', f.actorId);
  if (f.action) q = q.where('e.action', '=', f.action);
  if (f.entityType) q = q.where('e.entity_type', '=', f.entityType);
  if (f.from) q = q.where('e.at', '>=', f.from);
  if (f.to) q = q.where('e.at', '<=', f.to);
  if (f.beforeSeq !== undefined) q = q.where('e.seq', '<', f.beforeSeq);
  return q.orderBy('e.seq', 'desc').limit(f.limit).execute();
}

/** Reads the chain in order, a page at a time, for verification. */
export async function auditChainPage(db: Conn, organizationId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_event')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
}

export async function organizationIdsWithAudit(db: Conn): Promise<string[]> {
  const rows = await db.selectFrom('organization').select('id').execute();
  return rows.map((r) => r.id);
}

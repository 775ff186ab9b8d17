import { auditOutcomes, type Role, roleSchema } from '@hearth/domain';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored } from '../../db/stored-json.ts';
import type { AuditEventTable } from '../../platform/audit/audit.table.ts';

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

/** One chained audit event, with the name of whoever did it (null for the system). */
export interface AuditEventRecord {
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: Role | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  patientId: string | null;
  requestId: string | null;
  outcome: (typeof auditOutcomes)[number];
  hash: string;
}

const outcomeSchema = z.enum(auditOutcomes);

const toEvent = (r: Selectable<AuditEventTable> & { actor_name: string | null }): AuditEventRecord => {
  const at = (column: string) => ({ table: 'audit_event', column, id: String(r.seq) });
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorRole: parseStored(roleSchema.nullable(), r.actor_role, at('actor_role')),
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    patientId: r.patient_id,
    requestId: r.request_id,
    outcome: parseStored(outcomeSchema, r.outcome, at('outcome')),
    hash: r.hash,
  };
};

/** The organization's events matching the filter, newest first. */
export async function listAuditEvents(db: Conn, f: AuditFilter): Promise<AuditEventRecord[]> {
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
  return (await q.orderBy('e.seq', 'desc').limit(f.limit).execute()).map(toEvent);
}

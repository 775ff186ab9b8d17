import type { Conn } from '../../db/conn.ts';

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

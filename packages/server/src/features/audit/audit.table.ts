export interface AuditEventTable {
  organization_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  patient_id: string | null;
  request_id: string | null;
  outcome: string;
  prev_hash: string;
  hash: string;
}

import type { Generated } from 'kysely';

/** What an audit event says, before and after it is chained. */
interface AuditRecordColumns {
  organization_id: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  patient_id: string | null;
  request_id: string | null;
  outcome: string;
}

export interface AuditEventTable extends AuditRecordColumns {
  seq: number;
  prev_hash: string;
  hash: string;
}

/** An audit event written by a request and not yet chained (the sealer moves it to `audit_event`). */
export interface AuditPendingTable extends AuditRecordColumns {
  id: Generated<number>;
}

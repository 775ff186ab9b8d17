import type { Generated } from 'kysely';
import type { StoredJson } from '../../db/stored-json.ts';

export interface AlertTable {
  id: string;
  organization_id: string;
  patient_id: string;
  severity: 'urgent' | 'review' | 'routine';
  audience: 'clinical' | 'psychosocial' | 'coordination';
  status: 'open' | 'acknowledged' | 'resolved';
  rule_set: string;
  rule_set_version: string;
  rule_id: string;
  title: string;
  /** The values that fired the rule (`alertFactsSchema`). */
  facts: StoredJson;
  source_type: string | null;
  source_id: string | null;
  owner_id: string | null;
  escalation_level: number;
  raised_by: string | null;
  raised_at: Date;
  due_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  outcome:
    | 'advice_by_phone'
    | 'therapy_adjusted'
    | 'urgent_visit_requested'
    | 'moved_to_inpatient'
    | 'no_action_needed'
    | null;
  outcome_note: string | null;
  family_message: string | null;
}

export interface AlertEventTable {
  id: string;
  /** Insertion order: timeline entries written in one transaction share a timestamp. */
  seq: Generated<number>;
  organization_id: string;
  alert_id: string;
  at: Date;
  kind: string;
  actor_id: string | null;
  to_user_id: string | null;
  note: string | null;
  /** What the entry records besides its kind (`alertEventDataSchema`). */
  data: StoredJson;
}

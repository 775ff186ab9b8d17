import type { StoredJson } from '../../db/stored-json.ts';

export interface AdvanceCarePlanTable {
  id: string;
  organization_id: string;
  patient_id: string;
  version: number;
  /** The plan's fields as the domain's `acpBodySchema` gives them (`acpPlanFieldsSchema`). */
  plan: StoredJson;
  change_reason: string;
  recorded_by: string;
  recorded_at: Date;
}

export interface CareLevelMoveTable {
  id: string;
  organization_id: string;
  patient_id: string;
  from_setting: string;
  to_setting: string;
  moved_on: string;
  reason: string;
  /** The transfer summary as it stood at the move (`transferSummarySchema`). */
  summary: StoredJson;
  recorded_by: string;
  recorded_at: Date;
}

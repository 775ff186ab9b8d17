import type { JSONColumnType } from 'kysely';

export interface AdvanceCarePlanTable {
  id: string;
  organization_id: string;
  patient_id: string;
  version: number;
  /** The plan's fields as the domain's `acpBodySchema` gives them (minus the change reason). */
  plan: JSONColumnType<Record<string, unknown>>;
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
  summary: JSONColumnType<Record<string, unknown>>;
  recorded_by: string;
  recorded_at: Date;
}

import type { Generated } from 'kysely';
import type { NullableStoredJson, StoredJson } from '../../db/stored-json.ts';

export interface CaregiverSkillRecordTable {
  id: string;
  organization_id: string;
  patient_id: string;
  caregiver_name: string;
  family_user_id: string | null;
  skill: string;
  level: 'shown' | 'practised' | 'confident';
  signed_on: string;
  nurse_id: string;
  note: string | null;
  created_at: Date;
}

export interface DutyShiftTable {
  id: string;
  organization_id: string;
  patient_id: string;
  date: string;
  slot: 'day' | 'night' | 'all_day';
  person_name: string;
  family_user_id: string | null;
  tasks: string | null;
  created_by: string;
  created_at: Date;
  cancelled_at: Date | null;
  cancelled_by: string | null;
}

export interface CaregiverBurdenTable {
  id: string;
  organization_id: string;
  patient_id: string;
  caregiver_name: string;
  kind: 'zbi12' | 'cannot_cope';
  /** Item answers of a ZBI-12 from before screenings were assessments; null for a call. */
  answers: NullableStoredJson;
  total: number | null;
  threshold: number | null;
  high: boolean;
  cannot_cope: boolean;
  on_request: boolean;
  note: string | null;
  referral_id: string | null;
  respite_offered: boolean;
  recorded_by: string;
  recorded_at: Date;
}

export interface InstrumentWordingTable {
  organization_id: string;
  instrument: string;
  locale: string;
  /** Item wording by item number (`instrumentWordingBodySchema.shape.items`). */
  items: StoredJson;
  licence_note: string;
  updated_by: string;
  updated_at: Date;
}

/** What the caregiver workflow adds to a burden screening stored as an assessment record. */
export interface CaregiverScreeningTable {
  record_id: string;
  seq: Generated<string>;
  organization_id: string;
  patient_id: string;
  instrument: 'mcsi' | 'zbi12';
  caregiver_name: string;
  family_user_id: string | null;
  cannot_cope: boolean;
  on_request: boolean;
  referral_id: string | null;
  respite_offered: boolean;
  created_at: Date;
}

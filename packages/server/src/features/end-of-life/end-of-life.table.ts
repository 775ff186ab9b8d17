import type { StoredJson } from '../../db/stored-json.ts';

export interface DeathRecordTable {
  id: string;
  organization_id: string;
  patient_id: string;
  died_at: Date;
  place: string;
  place_note: string | null;
  preferred_place: string | null;
  in_preferred_place: boolean | null;
  verified_by: string;
  verified_at: Date;
  notes: string | null;
  family_message: string | null;
  recorded_by: string;
  recorded_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
}

export interface DeathChecklistItemTable {
  organization_id: string;
  death_record_id: string;
  item: string;
  status: 'open' | 'done' | 'not_needed';
  note: string | null;
  /** Names of who witnessed the item (`checklistWitnessesSchema`). */
  witnesses: StoredJson;
  done_at: Date | null;
  done_by: string | null;
}

export interface BereavementTaskTable {
  id: string;
  organization_id: string;
  patient_id: string;
  death_record_id: string;
  kind: string;
  due_on: string;
  owner_id: string;
  status: 'open' | 'done';
  completed_on: string | null;
  outcome: string | null;
  risk_level: string | null;
  completed_by: string | null;
  created_at: Date;
}

export interface PatientTable {
  id: string;
  organization_id: string;
  first_name: string;
  last_name: string;
  middle_name: string | null;
  /** `date` columns come back as `YYYY-MM-DD` strings (see db/database.ts). */
  date_of_birth: string;
  sex: string;
  address: string;
  area: string;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  /** How to get in: the visitor reads it at the door (issue 14). */
  access_notes: string | null;
  status: string;
  palliative_status: string;
  palliative_review_date: string | null;
  care_setting: string;
  consent_to_share: boolean;
  designated_family_user_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface PatientDiagnosisTable {
  id: string;
  organization_id: string;
  patient_id: string;
  icd10: string;
  description: string;
  category: string;
  is_primary: boolean;
  created_at: Date;
}

export interface PatientAllergyTable {
  id: string;
  organization_id: string;
  patient_id: string;
  substance: string;
  reaction: string | null;
  severity: string;
  created_at: Date;
}

export interface PatientContactTable {
  id: string;
  organization_id: string;
  patient_id: string;
  name: string;
  relationship: string;
  phone: string | null;
  lives_with_patient: boolean;
  notes: string | null;
  created_at: Date;
}

export interface PatientStatusHistoryTable {
  id: string;
  organization_id: string;
  patient_id: string;
  kind: 'status' | 'palliative';
  from_value: string | null;
  to_value: string;
  reason: string | null;
  /** Set when a level-of-care move caused the change: the setting moved to (migration 0330). */
  care_setting: string | null;
  by_user_id: string | null;
  at: Date;
}

export interface PatientTeamMemberTable {
  organization_id: string;
  patient_id: string;
  user_id: string;
}

/** One corrected identity field (migration 1805): the value before, after, and why. */
export interface PatientIdentityCorrectionTable {
  id: string;
  organization_id: string;
  patient_id: string;
  field: 'firstName' | 'lastName' | 'middleName' | 'dateOfBirth' | 'sex';
  from_value: string | null;
  to_value: string | null;
  reason: string;
  by_user_id: string;
  at: Date;
}

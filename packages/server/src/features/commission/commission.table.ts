import type { StoredJson } from '../../db/stored-json.ts';

export interface CommissionCaseTable {
  id: string;
  organization_id: string;
  status: 'pending' | 'granted' | 'deferred' | 'refused';
  patient_id: string;
  care_request_id: string | null;
  icd10: string;
  diagnosis: string;
  performance_scale: string;
  performance_score: number;
  reason: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface CommissionDecisionTable {
  id: string;
  organization_id: string;
  case_id: string;
  decision: 'granted' | 'deferred' | 'refused';
  decided_on: string;
  /** Who sat on the commission, as `commissionDecisionBodySchema` took them (`commissionMemberSchema`). */
  members: StoredJson;
  review_date: string | null;
  missing: string | null;
  reason: string | null;
  notes: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface StoredFileTable {
  id: string;
  organization_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface CommissionDocumentTable {
  organization_id: string;
  case_id: string;
  file_id: string;
}

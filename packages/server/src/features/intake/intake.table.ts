import type { ColumnType } from 'kysely';
import type { NullableStoredJson } from '../../db/stored-json.ts';

export interface CareRequestTable {
  id: string;
  organization_id: string;
  reference: string;
  source: 'web' | 'phone' | 'fhir';
  status: 'new' | 'in_progress' | 'referred' | 'closed';
  patient_name: string;
  patient_age_years: number | null;
  requester_name: string;
  relationship: string;
  diagnosis_text: string;
  address: string;
  phone: string;
  preferred_call_time: string;
  locale: string;
  consent_at: Date;
  created_by: string | null;
  created_at: Date;
  callback_due_at: Date;
  first_call_at: Date | null;
  escalated_at: Date | null;
  closed_reason: string | null;
  commission_case_id: string | null;
  /** After an unanswered call: the next try is due by then (null once someone is reached). */
  retry_due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The data of a FHIR referral (source `fhir`, `fhirReferralSchema`); null otherwise. Optional on insert. */
  referral: NullableStoredJson;
}

export interface CallAttemptTable {
  id: string;
  organization_id: string;
  care_request_id: string;
  at: Date;
  by_user_id: string;
  outcome: string;
  note: string | null;
}

import type { VisitKind, VisitStatus } from '@hearth/domain';
import type { StoredJson } from '../../db/stored-json.ts';

export interface StaffShiftTable {
  id: string;
  organization_id: string;
  user_id: string;
  shift_date: string;
  start_min: number;
  end_min: number;
  created_by: string | null;
  created_at: Date;
  cancelled_at: Date | null;
}

export interface VisitTable {
  id: string;
  organization_id: string;
  patient_id: string;
  discipline: string;
  kind: VisitKind;
  status: VisitStatus;
  staff_id: string | null;
  visit_date: string;
  start_min: number | null;
  duration_min: number;
  window_start: number | null;
  window_end: number | null;
  reason: string | null;
  status_reason: string | null;
  plan_run_id: string | null;
  sequence: number | null;
  checked_in_at: Date | null;
  check_in_lat: number | null;
  check_in_lon: number | null;
  completed_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface VisitEventTable {
  id: string;
  organization_id: string;
  visit_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  by_user_id: string | null;
  at: Date;
  client_id: string | null;
}

export interface VisitNoteTable {
  id: string;
  organization_id: string;
  visit_id: string;
  patient_id: string;
  /** The visit's documentation (`visitDocumentationSchema`). */
  content: StoredJson;
  by_user_id: string;
  at: Date;
  client_id: string | null;
}

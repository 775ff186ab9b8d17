import type { VolunteerStatus } from '@hearth/domain';
import type { ColumnType } from 'kysely';
import type { StoredJson } from '../../db/stored-json.ts';

export interface VolunteerTable {
  id: string;
  organization_id: string;
  user_id: string | null;
  name: string;
  phone: string;
  email: string | null;
  address: string;
  lat: number;
  lon: number;
  max_distance_km: number;
  /** The profile lists as `volunteerBodySchema` validates them (`areas`, `languages`, `skills`, `availability`). */
  areas: StoredJson;
  languages: StoredJson;
  skills: StoredJson;
  availability: StoredJson;
  notes: string | null;
  status: VolunteerStatus;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface VolunteerStatusHistoryTable {
  id: string;
  organization_id: string;
  volunteer_id: string;
  from_value: string | null;
  to_value: string;
  reason: string | null;
  by_user_id: string | null;
  at: Date;
}

export interface VolunteerScreeningTable {
  id: string;
  organization_id: string;
  volunteer_id: string;
  version: number;
  interview_on: string | null;
  interview_notes: string | null;
  background_check_on: string | null;
  background_check_result: 'pending' | 'clear' | 'concerns';
  consent_signed_on: string | null;
  confidentiality_signed_on: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface VolunteerTrainingTable {
  id: string;
  organization_id: string;
  volunteer_id: string;
  module: string;
  completed_on: string;
  recorded_by: string;
  recorded_at: Date;
}

export interface VolunteerNoteTable {
  id: string;
  organization_id: string;
  volunteer_id: string;
  kind: 'supervision' | 'debrief';
  on_date: string;
  body: string;
  by_user_id: string;
  at: Date;
}

export interface VolunteerRequestTable {
  id: string;
  organization_id: string;
  patient_id: string;
  kind: string;
  status: 'open' | 'assigned' | 'done' | 'cancelled';
  starts_at: Date;
  duration_minutes: number;
  language: string;
  what_to_bring: string | null;
  details: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface VolunteerAssignmentTable {
  id: string;
  organization_id: string;
  request_id: string;
  volunteer_id: string;
  status: 'offered' | 'accepted' | 'declined' | 'cancelled' | 'completed';
  offered_by: string;
  offered_at: Date;
  responded_at: Date | null;
  decline_reason: string | null;
  /** Set when the coordinator closes the assignment as done; hours are loggable up to that day. */
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
  close_note: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface VolunteerHoursTable {
  id: string;
  organization_id: string;
  assignment_id: string;
  volunteer_id: string;
  on_date: string;
  minutes: number;
  note: string | null;
  status: 'submitted' | 'approved' | 'rejected';
  logged_by: string;
  logged_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  reject_reason: string | null;
}

export interface PaidCareHoursTable {
  organization_id: string;
  month: string;
  hours: number;
  entered_by: string;
  entered_at: Date;
}

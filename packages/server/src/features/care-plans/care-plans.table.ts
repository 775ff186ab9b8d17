import type { StoredJson } from '../../db/stored-json.ts';

export interface CarePlanVersionTable {
  id: string;
  organization_id: string;
  patient_id: string;
  version: number;
  /** The whole plan (`carePlanContentSchema`). */
  content: StoredJson;
  key_worker_id: string | null;
  review_date: string;
  phase: string;
  reason: string;
  meeting_id: string | null;
  changed_by: string;
  created_at: Date;
}

export interface TeamMeetingTable {
  id: string;
  organization_id: string;
  held_on: string;
  notes: string;
  /** Who attended, as they were that day (`meetingSchema.shape.attendees`). */
  attendees: StoredJson;
  created_by: string;
  created_at: Date;
}

export interface TeamMeetingReviewTable {
  id: string;
  organization_id: string;
  meeting_id: string;
  patient_id: string;
  held_on: string;
  summary: string;
  care_plan_version: number | null;
  owner_id: string | null;
}

import type { NullableStoredJson, StoredJson } from '../../db/stored-json.ts';

export interface AssessmentTable {
  /** The id of this version. */
  id: string;
  organization_id: string;
  /** Stable across corrections. */
  record_id: string;
  version: number;
  is_current: boolean;
  patient_id: string;
  instrument: string;
  /**
   * The instrument's answers (`instrumentAnswersSchemas`); a family diary entry's may leave items
   * out (`diaryAnswersSchemas`).
   */
  answers: StoredJson;
  /** What `scoreAssessment` derived from the answers. */
  scores: StoredJson;
  /** `observationFlagsSchema`. */
  flags: NullableStoredJson;
  coping: 'coping' | 'struggling' | 'cannot_cope' | null;
  note: string | null;
  source: 'staff' | 'family';
  visit_id: string | null;
  taken_at: Date;
  recorded_at: Date;
  recorded_by: string;
  correction_reason: string | null;
}

export interface ClinicalTaskTable {
  id: string;
  organization_id: string;
  patient_id: string;
  kind: 'symptom_follow_up' | 'urgent_visit';
  alert_id: string | null;
  reason: string;
  due_at: Date;
  created_at: Date;
  status: 'open' | 'done';
  done_at: Date | null;
  done_by: string | null;
  done_by_assessment_id: string | null;
}

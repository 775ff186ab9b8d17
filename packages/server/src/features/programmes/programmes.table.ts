import type { ColumnType } from 'kysely';

export interface ProgrammeTable {
  id: string;
  organization_id: string;
  kind: 'friends_club' | 'clown_doctors' | 'summer_camp' | 'training_course';
  name: string;
  description: string | null;
  max_age_years: number | null;
  created_by: string;
  created_at: Date;
}

export interface ProgrammeSessionTable {
  id: string;
  organization_id: string;
  programme_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  capacity: number;
  family_capacity: number | null;
  created_at: Date;
}

export interface SessionRosterTable {
  id: string;
  organization_id: string;
  session_id: string;
  user_id: string | null;
  volunteer_id: string | null;
  role: string;
  added_by: string;
  added_at: Date;
  removed_at: Date | null;
}

export interface SessionParticipantTable {
  id: string;
  organization_id: string;
  session_id: string;
  patient_id: string | null;
  name: string;
  added_by: string;
  added_at: Date;
}

export interface CampApplicationTable {
  id: string;
  organization_id: string;
  session_id: string;
  patient_id: string;
  family_members: number;
  queue_no: number;
  status: 'accepted' | 'waitlisted' | 'withdrawn';
  notes: string | null;
  applied_by: string;
  applied_at: Date;
  updated_at: Date;
}

export interface CampCareNoteTable {
  id: string;
  organization_id: string;
  application_id: string;
  medicines: string | null;
  equipment: string | null;
  diet: string | null;
  mobility: string | null;
  who_may_give: string | null;
  notes: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface CampConsentTable {
  id: string;
  organization_id: string;
  application_id: string;
  kind: string;
  signed_by: string;
  signed_on: string;
  recorded_by: string;
  recorded_at: Date;
}

export interface ClownVisitTable {
  id: string;
  organization_id: string;
  patient_id: string;
  scheduled_at: Date;
  family_wish: 'welcome' | 'asked' | 'declined';
  phase: string;
  phase_source: string;
  status: 'scheduled' | 'done' | 'cancelled';
  notes: string | null;
  created_by: string;
  created_at: Date;
  /** What happened at the visit (done) or why it did not happen (cancelled). */
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CourseEnrolmentTable {
  id: string;
  organization_id: string;
  programme_id: string;
  user_id: string | null;
  learner_name: string;
  learner_email: string | null;
  learner_organization: string | null;
  enrolled_by: string;
  enrolled_at: Date;
  completed_on: string | null;
  certificate_number: string | null;
}

export interface CourseAttendanceTable {
  organization_id: string;
  enrolment_id: string;
  session_id: string;
  present: boolean;
  recorded_by: string;
  recorded_at: Date;
}

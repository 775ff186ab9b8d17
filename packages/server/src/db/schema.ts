import type {
  AdvanceCarePlanTable,
  CareLevelMoveTable,
} from '../features/advance-care/advance-care.table.ts';
import type { AlertEventTable, AlertTable } from '../features/alerts/alerts.table.ts';
import type { AssessmentTable, ClinicalTaskTable } from '../features/assessments/assessments.table.ts';
import type { AppUserTable, LoginThrottleTable, UserSessionTable } from '../features/auth/auth.table.ts';
import type {
  CarePlanVersionTable,
  TeamMeetingReviewTable,
  TeamMeetingTable,
} from '../features/care-plans/care-plans.table.ts';
import type {
  CaregiverBurdenTable,
  CaregiverScreeningTable,
  CaregiverSkillRecordTable,
  DutyShiftTable,
  InstrumentWordingTable,
} from '../features/caregivers/caregivers.table.ts';
import type {
  CommissionCaseTable,
  CommissionDecisionTable,
  CommissionDocumentTable,
  StoredFileTable,
} from '../features/commission/commission.table.ts';
import type { EmailSettingsTable } from '../features/email/email.table.ts';
import type {
  BereavementTaskTable,
  DeathChecklistItemTable,
  DeathRecordTable,
} from '../features/end-of-life/end-of-life.table.ts';
import type { EpisodeChangeTable } from '../features/episode/episode.table.ts';
import type { EquipmentItemTable, EquipmentLoanTable } from '../features/equipment/equipment.table.ts';
import type { FamilyLinkTable } from '../features/family/family.table.ts';
import type { FhirExportFileTable, FhirExportTable } from '../features/fhir/fhir.table.ts';
import type {
  HomeSafetyActionTable,
  HomeSafetyCheckTable,
} from '../features/home-safety/home-safety.table.ts';
import type { CallAttemptTable, CareRequestTable } from '../features/intake/intake.table.ts';
import type {
  AnticipatoryBoxTable,
  ControlledEntryTable,
  ControlledStockTable,
  MedicineAdministrationTable,
  MedicineDoseReminderTable,
  PatientWeightTable,
  PrescriptionTable,
  PrescriptionVersionTable,
} from '../features/medicines/medicines.table.ts';
import type { CallLogTable, OnCallShiftTable } from '../features/oncall/oncall.table.ts';
import type {
  PatientAllergyTable,
  PatientContactTable,
  PatientDiagnosisTable,
  PatientIdentityCorrectionTable,
  PatientStatusHistoryTable,
  PatientTable,
  PatientTeamMemberTable,
} from '../features/patients/patients.table.ts';
import type { PlanRunTable } from '../features/planning/planning.table.ts';
import type {
  CampApplicationTable,
  CampCareNoteTable,
  CampConsentTable,
  ClownVisitTable,
  CourseAttendanceTable,
  CourseEnrolmentTable,
  ProgrammeSessionTable,
  ProgrammeTable,
  SessionParticipantTable,
  SessionRosterTable,
} from '../features/programmes/programmes.table.ts';
import type {
  RoutingItemTable,
  SupportNoteTable,
  SupportReferralTable,
} from '../features/support/support.table.ts';
import type {
  StaffShiftTable,
  VisitEventTable,
  VisitNoteTable,
  VisitTable,
} from '../features/visits/visits.table.ts';
import type {
  PaidCareHoursTable,
  VolunteerAssignmentTable,
  VolunteerHoursTable,
  VolunteerNoteTable,
  VolunteerRequestTable,
  VolunteerScreeningTable,
  VolunteerStatusHistoryTable,
  VolunteerTable,
  VolunteerTrainingTable,
} from '../features/volunteers/volunteers.table.ts';
import type { AuditEventTable, AuditPendingTable } from '../platform/audit/audit.table.ts';
import type { IdempotencyKeyTable } from '../platform/idempotency/idempotency.table.ts';
import type { JobTable } from '../platform/jobs/job.table.ts';
import type { NotificationTable } from '../platform/notifications/notifications.table.ts';
import type { OrganizationTable } from '../platform/settings/settings.table.ts';

/** Every table Kysely knows, assembled from the features' own row types. */
export interface Database {
  organization: OrganizationTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  login_throttle: LoginThrottleTable;
  job: JobTable;
  idempotency_key: IdempotencyKeyTable;
  notification: NotificationTable;
  email_settings: EmailSettingsTable;
  patient: PatientTable;
  patient_diagnosis: PatientDiagnosisTable;
  patient_allergy: PatientAllergyTable;
  patient_contact: PatientContactTable;
  patient_status_history: PatientStatusHistoryTable;
  patient_identity_correction: PatientIdentityCorrectionTable;
  patient_team_member: PatientTeamMemberTable;
  family_link: FamilyLinkTable;
  care_request: CareRequestTable;
  call_attempt: CallAttemptTable;
  commission_case: CommissionCaseTable;
  commission_decision: CommissionDecisionTable;
  stored_file: StoredFileTable;
  commission_document: CommissionDocumentTable;
  audit_event: AuditEventTable;
  audit_pending: AuditPendingTable;
  volunteer: VolunteerTable;
  volunteer_status_history: VolunteerStatusHistoryTable;
  volunteer_screening: VolunteerScreeningTable;
  volunteer_training: VolunteerTrainingTable;
  volunteer_note: VolunteerNoteTable;
  volunteer_request: VolunteerRequestTable;
  volunteer_assignment: VolunteerAssignmentTable;
  volunteer_hours: VolunteerHoursTable;
  paid_care_hours: PaidCareHoursTable;
  programme: ProgrammeTable;
  programme_session: ProgrammeSessionTable;
  session_roster: SessionRosterTable;
  session_participant: SessionParticipantTable;
  camp_application: CampApplicationTable;
  camp_care_note: CampCareNoteTable;
  camp_consent: CampConsentTable;
  clown_visit: ClownVisitTable;
  course_enrolment: CourseEnrolmentTable;
  course_attendance: CourseAttendanceTable;
  care_plan_version: CarePlanVersionTable;
  team_meeting: TeamMeetingTable;
  team_meeting_review: TeamMeetingReviewTable;
  staff_shift: StaffShiftTable;
  visit: VisitTable;
  visit_event: VisitEventTable;
  visit_note: VisitNoteTable;
  plan_run: PlanRunTable;
  alert: AlertTable;
  alert_event: AlertEventTable;
  on_call_shift: OnCallShiftTable;
  assessment: AssessmentTable;
  clinical_task: ClinicalTaskTable;
  call_log: CallLogTable;
  prescription: PrescriptionTable;
  prescription_version: PrescriptionVersionTable;
  medicine_administration: MedicineAdministrationTable;
  anticipatory_box: AnticipatoryBoxTable;
  controlled_stock: ControlledStockTable;
  controlled_entry: ControlledEntryTable;
  medicine_dose_reminder: MedicineDoseReminderTable;
  patient_weight: PatientWeightTable;
  equipment_item: EquipmentItemTable;
  equipment_loan: EquipmentLoanTable;
  home_safety_check: HomeSafetyCheckTable;
  home_safety_action: HomeSafetyActionTable;
  caregiver_skill_record: CaregiverSkillRecordTable;
  duty_shift: DutyShiftTable;
  caregiver_burden: CaregiverBurdenTable;
  caregiver_screening: CaregiverScreeningTable;
  instrument_wording: InstrumentWordingTable;
  support_referral: SupportReferralTable;
  support_note: SupportNoteTable;
  routing_item: RoutingItemTable;
  advance_care_plan: AdvanceCarePlanTable;
  care_level_move: CareLevelMoveTable;
  death_record: DeathRecordTable;
  death_checklist_item: DeathChecklistItemTable;
  bereavement_task: BereavementTaskTable;
  episode_change: EpisodeChangeTable;
  fhir_export: FhirExportTable;
  fhir_export_file: FhirExportFileTable;
}

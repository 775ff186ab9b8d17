import type { Migration } from 'kysely/migration';
import * as foundation from './2026_11_23_1306_foundation.ts';
import * as clinicalWatch from './2026_11_23_1337_clinical_watch.ts';
import * as homeFamily from './2026_11_23_1339_home_family.ts';
import * as volunteers from './2026_11_23_1341_volunteers.ts';
import * as programmes from './2026_11_23_1342_programmes.ts';
import * as medicines from './2026_11_23_1355_medicines.ts';
import * as assessments from './2026_11_23_1401_assessments.ts';
import * as carePlans from './2026_11_23_1403_care_plans.ts';
import * as callLog from './2026_11_23_1442_call_log.ts';
import * as medicineReminders from './2026_11_23_1557_medicine_reminders.ts';
import * as notificationEmail from './2026_11_23_1600_notification_email.ts';
import * as programmeClosing from './2026_11_23_1603_programme_closing.ts';
import * as caregiverScreening from './2026_11_23_1624_caregiver_screening.ts';
import * as smtpRequireTls from './2026_11_23_1734_smtp_require_tls.ts';
import * as statusHistorySetting from './2026_11_23_1749_status_history_setting.ts';
import * as epCareEpisode from './2026_12_02_1343_ep_care_episode.ts';
import * as medsafety from './2026_12_02_1346_medsafety.ts';
import * as fhirExchange from './2026_12_02_1347_fhir_exchange.ts';
import * as platAuditPending from './2026_12_02_1406_plat_audit_pending.ts';
import * as hardLoginThrottle from './2026_12_02_1436_hard_login_throttle.ts';
import * as platListIndexes from './2026_12_02_1445_plat_list_indexes.ts';
import * as fldAccessNotes from './2026_12_02_1801_fld_access_notes.ts';
import * as fldIdempotency from './2026_12_02_1802_fld_idempotency.ts';
import * as idnIdentityCorrection from './2026_12_02_1805_idn_identity_correction.ts';
import * as safeDropLoginFailure from './2026_12_02_1805_safe_drop_login_failure.ts';
import * as platJobLease from './2026_12_03_0530_plat_job_lease.ts';
import * as planRunHeartbeat from './2026_12_03_0548_plan_run_heartbeat.ts';
import * as tenantCompositeKeys from './2026_12_03_0902_tenant_composite_keys.ts';
import * as planRunJobs from './2026_12_03_0905_plan_run_jobs.ts';

/** Every migration, keyed by its timestamped name; the Migrator runs them in name order. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_1306_foundation': foundation,
  '2026_11_23_1337_clinical_watch': clinicalWatch,
  '2026_11_23_1339_home_family': homeFamily,
  '2026_11_23_1341_volunteers': volunteers,
  '2026_11_23_1342_programmes': programmes,
  '2026_11_23_1355_medicines': medicines,
  '2026_11_23_1401_assessments': assessments,
  '2026_11_23_1403_care_plans': carePlans,
  '2026_11_23_1442_call_log': callLog,
  '2026_11_23_1557_medicine_reminders': medicineReminders,
  '2026_11_23_1600_notification_email': notificationEmail,
  '2026_11_23_1603_programme_closing': programmeClosing,
  '2026_11_23_1624_caregiver_screening': caregiverScreening,
  '2026_11_23_1734_smtp_require_tls': smtpRequireTls,
  '2026_11_23_1749_status_history_setting': statusHistorySetting,
  '2026_12_02_1343_ep_care_episode': epCareEpisode,
  '2026_12_02_1346_medsafety': medsafety,
  '2026_12_02_1347_fhir_exchange': fhirExchange,
  '2026_12_02_1406_plat_audit_pending': platAuditPending,
  '2026_12_02_1436_hard_login_throttle': hardLoginThrottle,
  '2026_12_02_1445_plat_list_indexes': platListIndexes,
  '2026_12_02_1801_fld_access_notes': fldAccessNotes,
  '2026_12_02_1802_fld_idempotency': fldIdempotency,
  '2026_12_02_1805_idn_identity_correction': idnIdentityCorrection,
  '2026_12_02_1805_safe_drop_login_failure': safeDropLoginFailure,
  '2026_12_03_0530_plat_job_lease': platJobLease,
  '2026_12_03_0548_plan_run_heartbeat': planRunHeartbeat,
  '2026_12_03_0902_tenant_composite_keys': tenantCompositeKeys,
  '2026_12_03_0905_plan_run_jobs': planRunJobs,
};

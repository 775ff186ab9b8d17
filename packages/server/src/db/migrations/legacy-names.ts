/**
 * The first fifteen migrations were named with one made-up number range per feature
 * (`2026_11_23_0001`…`0500`), so their order said nothing about when they were written. They now
 * carry the time their file was first committed (UTC). An installation that ran them under the old
 * names has its history rewritten to the new ones before migrating (`migration-history.ts`).
 */
export const legacyMigrationNames: Readonly<Record<string, string>> = {
  '2026_11_23_0001_foundation': '2026_11_23_1306_foundation',
  '2026_11_23_0100_clinical_watch': '2026_11_23_1337_clinical_watch',
  '2026_11_23_0300_home_family': '2026_11_23_1339_home_family',
  '2026_11_23_0400_volunteers': '2026_11_23_1341_volunteers',
  // committed in the same minute as volunteers, whose tables it references
  '2026_11_23_0401_programmes': '2026_11_23_1342_programmes',
  '2026_11_23_0200_medicines': '2026_11_23_1355_medicines',
  '2026_11_23_0101_assessments': '2026_11_23_1401_assessments',
  '2026_11_23_0500_care_plans': '2026_11_23_1403_care_plans',
  '2026_11_23_0102_call_log': '2026_11_23_1442_call_log',
  '2026_11_23_0210_medicine_reminders': '2026_11_23_1557_medicine_reminders',
  '2026_11_23_0120_notification_email': '2026_11_23_1600_notification_email',
  '2026_11_23_0410_programme_closing': '2026_11_23_1603_programme_closing',
  '2026_11_23_0110_caregiver_screening': '2026_11_23_1624_caregiver_screening',
  '2026_11_23_0125_smtp_require_tls': '2026_11_23_1734_smtp_require_tls',
  '2026_11_23_0330_status_history_setting': '2026_11_23_1749_status_history_setting',
};

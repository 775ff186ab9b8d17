import { expect, test } from '@playwright/test';
import { apiLogin, logIn, newPerson, shot } from './helpers.ts';

/**
 * Issue 4, staff side: a physician records an ESAS-r and a PPS on the patient page and sees them
 * in the "latest" panel, the trend charts (thresholds drawn) and the history; a correction keeps
 * the original as an earlier version.
 */
test('a physician records ESAS-r and PPS on the patient page and sees them in the latest panel and charts', async ({
  browser,
  request,
}) => {
  const family = await apiLogin(request, 'family');
  const patientId = family.linkedPatientIds[0]!;
  const doctor = await newPerson(browser, { language: 'en' });
  await logIn(doctor.page, 'physician');
  await expect(doctor.page).toHaveURL(/\/app/);
  const page = doctor.page;
  await page.goto(`/app/patients/${patientId}`);
  const section = page.getByTestId('clinical-watch');
  await expect(section.getByRole('heading', { name: 'Assessments' })).toBeVisible();
  // the demo's weeks of PPS are already charted (this patient's symptom record starts clean)
  await expect(section.getByTestId('trend-pps').locator('svg.recharts-surface')).toBeVisible();

  await section.getByRole('button', { name: 'Record an assessment' }).click();
  const form = section.getByTestId('record-assessment');
  await form.getByLabel('Assessment').selectOption('esas_r');
  await form.getByLabel('Pain', { exact: true }).selectOption('6');
  await form.getByLabel('Tiredness (lack of energy)').selectOption('8');
  await form.getByLabel('Shortness of breath').selectOption('3');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('status')).toContainText('Saved');
  await expect(section.getByTestId('latest-esas_r')).toContainText('highest 8 (severe)');
  await expect(section.getByTestId('trend-esas-tiredness').locator('svg.recharts-surface')).toBeVisible();

  await section.getByRole('button', { name: 'Record an assessment' }).click();
  await form.getByLabel('Assessment').selectOption('pps');
  await form.getByLabel('PPS level').selectOption('40');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByTestId('latest-pps')).toContainText('40%');
  await expect(section.getByTestId('trend-pps').locator('.recharts-reference-line').first()).toBeAttached();
  await shot(page, 'watch-patient-page');

  // correct the PPS: a new version, the original kept
  const row = section.getByTestId('assessment-row').filter({ hasText: '40%' }).first();
  await row.getByRole('button', { name: 'Correct' }).click();
  await form.getByLabel('PPS level').selectOption('50');
  await form.getByLabel('Why is this record corrected?').fill('Walks with help, re-read the scale');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByTestId('latest-pps')).toContainText('50%');
  const corrected = section.getByTestId('assessment-row').filter({ hasText: 'version 2' }).first();
  await corrected.getByRole('button', { name: 'Earlier versions' }).click();
  await expect(corrected.getByTestId('assessment-versions')).toContainText('version 1: 40%');
  await corrected.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/watch-history.png' });
  await doctor.context.close();
});

import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { apiLogin, logIn, newPerson, phone, shot } from './helpers.ts';

/**
 * Issue 6 journey: a physician prescribes morphine as needed every 4 h, at most 6 a day; a family
 * member records a dose, tries again and is refused in plain words with the team's phone; the
 * physician sees the alert. (The server runs on the real clock here, so the second attempt comes
 * at once rather than an hour later; the HTTP tests move the clock for the one-hour case.)
 */
test('prescribe as needed, record a dose, the second is refused, the physician is told', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const familyApi = await playwright.request.newContext({ baseURL });
  const patientId = (await apiLogin(familyApi, 'family')).linkedPatientIds[0]!;
  await familyApi.dispose();

  // The physician prescribes, in English.
  const doctor = await newPerson(browser, { language: 'en' });
  await logIn(doctor.page, 'physician');
  await expect(doctor.page).toHaveURL(/\/app/);
  await doctor.page.goto(`/app/patients/${patientId}`);
  await doctor.page.getByTestId('open-medicines').click();
  await expect(doctor.page.getByTestId('prescriptions')).toBeVisible();
  await doctor.page.getByTestId('new-prescription').click();
  await doctor.page.getByTestId('rx-medicine').fill('Morph');
  await doctor.page.getByRole('option', { name: /^Morphine/ }).click();
  await doctor.page.getByTestId('rx-form').click();
  await doctor.page.getByRole('option', { name: /^oral_solution/ }).click();
  await doctor.page.getByTestId('rx-dose').fill('5');
  await doctor.page.getByText('As needed', { exact: true }).click();
  await doctor.page.getByTestId('rx-interval').fill('4');
  await doctor.page.getByTestId('rx-max').fill('6');
  await doctor.page.getByTestId('rx-indication').fill('Breakthrough pain');
  await expect(doctor.page.getByTestId('regimen-checks')).toContainText('Daily oral morphine equivalent');
  await expect(doctor.page.getByTestId('regimen-checks')).toContainText('CDC 2022');
  await shot(doctor.page, 'medicines-prescribe');
  await doctor.page.getByTestId('rx-submit').click();
  const row = doctor.page
    .getByTestId('prescriptions')
    .getByRole('row')
    .filter({ hasText: 'as needed, every 4 h at most, up to 6 a day' });
  await expect(row.filter({ hasText: /^Morphine/ })).toHaveCount(1);

  // A family member on a phone records the dose, then presses again.
  const family = await newPerson(browser, { viewport: phone, language: 'ru' });
  await logIn(family.page, 'family');
  await expect(family.page).toHaveURL(new RegExp(`/portal/patients/${patientId}$`));
  const card = family.page.getByTestId('portal-medicine').filter({ hasText: /^Morphine/ });
  await expect(card).toHaveCount(1);
  await card.getByTestId('gave-dose').click();
  await family.page.getByTestId('confirm-dose').click();
  await expect(family.page.getByTestId('dose-recorded')).toBeVisible();
  await expect(card).toContainText('Следующая доза — с');
  await shot(family.page, 'medicines-portal-recorded', false);

  await card.getByTestId('gave-dose').click();
  await family.page.getByTestId('confirm-dose').click();
  const refused = family.page.getByTestId('dose-refused');
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('Следующую дозу можно дать с');
  await expect(refused).toContainText('позвоните команде');
  await expect(refused.getByRole('link')).toHaveAttribute('href', /^tel:\+375/);
  await refused.scrollIntoViewIfNeeded();
  await family.page.screenshot({
    path: join(import.meta.dirname, '..', 'screenshots', 'medicines-portal-refused.png'),
  });

  // The physician sees the alert, and the chart shows both records.
  await doctor.page.goto('/app/notifications');
  await expect(doctor.page.getByText(/Dose refused: Morphine 5 mg/).first()).toBeVisible();
  await shot(doctor.page, 'medicines-physician-alert');
  await doctor.page.goto(`/app/patients/${patientId}/medicines`);
  await doctor.page.getByRole('tab', { name: 'Medicine chart' }).click();
  await expect(doctor.page.getByTestId('mar')).toContainText('Refused by the dose guard');
  await shot(doctor.page, 'medicines-chart');

  // The calculator shows arithmetic and sources.
  await doctor.page.getByRole('tab', { name: 'Opioid calculator' }).click();
  await doctor.page.getByTestId('calc-run').click();
  await expect(doctor.page.getByTestId('calc-result')).toContainText('Equianalgesic 24 h dose: 30–40 mg');
  await shot(doctor.page, 'medicines-calculator');
  await doctor.context.close();
  await family.context.close();
});

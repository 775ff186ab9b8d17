import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { apiLogin, logIn, newPerson, phone, serviceClockInput, shot } from './helpers.ts';

const hour = 3_600_000;

/**
 * Issue 6 journey: a physician prescribes oxycodone as needed every 4 h, at most 6 a day (the demo
 * patient already has as-needed morphine, and doses are counted by ingredient, issue 12); a family
 * member records a dose, tries again 1 h later and is refused in plain words with the team's
 * phone; after the 4 h interval a dose is accepted; the physician sees the alert.
 *
 * The server runs on the real clock. The portal stamps "I gave this dose" with the phone's own
 * time (the server accepts a dose recorded up to 12 h late), so the journey moves only the
 * phone's clock (Playwright's `page.clock`): the first dose 4.5 h ago, the second attempt an hour
 * after it, the third now. No test hook exists in the server.
 */
test('prescribe as needed, record a dose, the second is refused, the physician is told', async ({
  browser,
  playwright,
  baseURL,
}) => {
  // several people and screens: longer than the default on a busy machine
  test.setTimeout(240_000);
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
  await doctor.page.getByTestId('rx-medicine').fill('Oxy');
  await doctor.page.getByRole('option', { name: /^Oxycodone/ }).click();
  await doctor.page.getByTestId('rx-form').click();
  await doctor.page.getByRole('option', { name: /^Oral solution/ }).click();
  await doctor.page.getByTestId('rx-dose').fill('5');
  await doctor.page.getByText('As needed', { exact: true }).click();
  await doctor.page.getByTestId('rx-interval').fill('4');
  await doctor.page.getByTestId('rx-max').fill('6');
  await doctor.page.getByTestId('rx-indication').fill('Breakthrough pain');
  // written this morning: the doses below were given from then on
  const firstDose = new Date(Date.now() - 4.5 * hour);
  await doctor.page.getByTestId('rx-starts').fill(serviceClockInput(new Date(firstDose.getTime() - hour)));
  await expect(doctor.page.getByTestId('regimen-checks')).toContainText('Daily oral morphine equivalent');
  await expect(doctor.page.getByTestId('regimen-checks')).toContainText('CDC 2022');
  await shot(doctor.page, 'medicines-prescribe');
  await doctor.page.getByTestId('rx-submit').click();
  const row = doctor.page
    .getByTestId('prescriptions')
    .getByRole('row')
    .filter({ hasText: 'as needed, every 4 h at most, up to 6 a day' });
  await expect(row.filter({ hasText: /^Oxycodone/ })).toHaveCount(1);

  // A family member on a phone records the dose, then presses again an hour later.
  const family = await newPerson(browser, { viewport: phone, language: 'ru' });
  await family.page.clock.setSystemTime(firstDose);
  await logIn(family.page, 'family');
  await expect(family.page).toHaveURL(new RegExp(`/portal/patients/${patientId}$`));
  const card = family.page.getByTestId('portal-medicine').filter({ hasText: /^Oxycodone/ });
  await expect(card).toHaveCount(1);
  await card.getByTestId('gave-dose').click();
  await family.page.getByTestId('confirm-dose').click();
  await expect(family.page.getByTestId('dose-recorded')).toBeVisible();

  await family.page.clock.setSystemTime(new Date(firstDose.getTime() + hour));
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

  // After the 4 h interval (the phone's clock back to now) the dose is accepted.
  await family.page.clock.setSystemTime(new Date());
  await card.getByTestId('gave-dose').click();
  await family.page.getByTestId('confirm-dose').click();
  await expect(family.page.getByTestId('dose-recorded')).toBeVisible();
  await expect(family.page.getByTestId('dose-refused')).toHaveCount(0);
  await expect(card).toContainText('Следующая доза — с');
  await shot(family.page, 'medicines-portal-recorded', false);

  // The physician sees the alert, and the chart shows both records.
  await doctor.page.goto('/app/notifications');
  await expect(doctor.page.getByText(/Dose refused/).first()).toBeVisible();
  await shot(doctor.page, 'medicines-physician-alert');
  await doctor.page.goto(`/app/patients/${patientId}/medicines`);
  await doctor.page.getByRole('tab', { name: 'Medicine chart' }).click();
  await expect(doctor.page.getByTestId('mar')).toContainText('Refused by the dose guard');
  const ours = doctor.page
    .getByTestId('mar')
    .getByRole('row')
    .filter({ has: doctor.page.getByRole('cell', { name: /^Oxycodone/ }) });
  await expect(ours.filter({ hasText: 'Given' })).toHaveCount(2);
  await expect(ours.filter({ hasText: 'Refused by the dose guard' })).toHaveCount(1);
  await shot(doctor.page, 'medicines-chart');

  // The calculator shows arithmetic and sources.
  await doctor.page.getByRole('tab', { name: 'Opioid calculator' }).click();
  await doctor.page.getByTestId('calc-run').click();
  await expect(doctor.page.getByTestId('calc-result')).toContainText('Equianalgesic 24 h dose: 30–40 mg');
  await shot(doctor.page, 'medicines-calculator');
  await doctor.context.close();
  await family.context.close();

  // The same screens for a Russian-speaking physician: no codes or English left on them.
  const ru = await newPerson(browser, { language: 'ru' });
  await logIn(ru.page, 'physician');
  await expect(ru.page).toHaveURL(/\/app/);
  await ru.page.goto(`/app/patients/${patientId}/medicines`);
  const list = ru.page.getByTestId('prescriptions');
  await expect(list).toContainText('5 мг · внутрь');
  await expect(list).not.toContainText('oral_solution');
  await ru.page.getByTestId('new-prescription').click();
  await ru.page.getByTestId('rx-medicine').fill('Морф');
  await ru.page.getByRole('option', { name: /^Морфин/ }).click();
  await expect(ru.page.getByTestId('rx-form')).toHaveValue(/Раствор для приёма внутрь/);
  await expect(ru.page.getByTestId('rx-route')).toHaveValue('внутрь');
  await expect(ru.page.getByTestId('rx-unit')).toHaveValue('мг');
  await ru.page.getByTestId('rx-dose').fill('5');
  await ru.page.getByTestId('rx-indication').fill('Боль');
  await expect(ru.page.getByTestId('regimen-checks')).toContainText('Морфин внутрь');
  await shot(ru.page, 'medicines-ru-prescribe');
  await ru.page.getByRole('tab', { name: 'Лист введения' }).click();
  await expect(ru.page.getByTestId('mar')).toContainText('мг');
  await shot(ru.page, 'medicines-ru-chart');
  await ru.page.getByRole('tab', { name: 'Калькулятор опиоидов' }).click();
  await ru.page.getByTestId('calc-run').click();
  await expect(ru.page.getByTestId('calc-result')).toContainText('Эквианальгетическая доза за 24 ч');
  await expect(ru.page.getByTestId('calc-result')).toContainText('Морфин, внутрь');
  await shot(ru.page, 'medicines-ru-calculator');
  await ru.page.getByRole('tab', { name: 'Контролируемые препараты' }).click();
  await shot(ru.page, 'medicines-ru-register');
  await ru.context.close();
});

import { expect, test } from '@playwright/test';
import { apiLogin, logIn, newPerson, shot } from './helpers.ts';

/**
 * Issue 12 journey, the medication half: a physician tries an over-range opioid (blocked, then
 * allowed with a reason that shows on the chart); a child's prescription asks for a weight; a
 * nurse records a dose on a verbal order that the dose guard refuses.
 */
test('over-range opioid blocked then overridden, a child needs a weight, a verbal order is refused', async ({
  browser,
  playwright,
  baseURL,
}) => {
  // three people and three screens: longer than the default on a busy machine
  test.setTimeout(240_000);
  const api = await playwright.request.newContext({ baseURL });
  const coordinator = await apiLogin(api, 'coordinator');
  const headers = { 'x-csrf-token': coordinator.csrfToken };
  const newPatient = async (firstName: string, dateOfBirth: string) => {
    const res = await api.post('/api/v1/patients', {
      headers,
      data: { firstName, lastName: 'Safety', dateOfBirth, address: 'Minsk, Test street 1', area: 'Minsk' },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const adultId = await newPatient('Adult', '1951-04-02');
  const childId = await newPatient('Child', '2021-05-03');
  const familyPatientId = (await apiLogin(api, 'family')).linkedPatientIds[0]!;
  await api.dispose();

  // --- the physician, in English: oxycodone 400 mg as needed every hour, 24 a day
  const doctor = await newPerson(browser, { language: 'en' });
  await logIn(doctor.page, 'physician');
  await expect(doctor.page).toHaveURL(/\/app/);
  const page = doctor.page;
  const startPrescription = async (patientId: string, medicine: RegExp, typed: string) => {
    await page.goto(`/app/patients/${patientId}`);
    await page.getByTestId('open-medicines').click();
    await page.getByTestId('new-prescription').click();
    await page.getByTestId('rx-medicine').fill(typed);
    await page.getByRole('option', { name: medicine }).click();
    await page.getByTestId('rx-form').click();
    await page.getByRole('option', { name: /^Oral solution/ }).click();
  };
  await startPrescription(adultId, /^Oxycodone/, 'Oxy');
  await page.getByTestId('rx-dose').fill('400');
  await page.getByText('As needed', { exact: true }).click();
  await page.getByTestId('rx-interval').fill('1');
  await page.getByTestId('rx-max').fill('24');
  await page.getByTestId('rx-indication').fill('Pain');
  await expect(page.getByTestId('safety-above-single-limit')).toContainText('at most 5');
  await expect(page.getByTestId('safety-above-single-limit')).toContainText('British National Formulary');
  await shot(page, 'medication-safety-blocked');
  await page.getByTestId('rx-submit').click();
  await expect(page.getByText(/The medication safety check stopped this prescription/)).toBeVisible();
  await expect(page.getByTestId('prescriptions')).toHaveCount(0);
  await page.getByTestId('rx-override-reason').fill('Palliative specialist advice, tolerant elsewhere');
  await page.getByTestId('rx-submit').click();
  await expect(page.getByTestId('rx-override')).toContainText(
    'Palliative specialist advice, tolerant elsewhere',
  );
  await expect(page.getByTestId('prescriptions')).toContainText(
    'Oxycodone · Oral solution, immediate-release',
  );
  await shot(page, 'medication-safety-override-on-chart');

  // --- a child's prescription asks for the weight first
  await startPrescription(childId, /^Morphine/, 'Morph');
  await page.getByTestId('rx-dose').fill('2');
  await page.getByText('As needed', { exact: true }).click();
  await page.getByTestId('rx-interval').fill('4');
  await page.getByTestId('rx-max').fill('6');
  await page.getByTestId('rx-indication').fill('Pain');
  await expect(page.getByTestId('safety-child-weight-missing')).toBeVisible();
  await expect(page.getByTestId('weight-prompt')).toBeVisible();
  await shot(page, 'medication-safety-child-weight');
  await page.getByTestId('weight-kg').fill('18');
  await page.getByTestId('weight-save').click();
  await expect(page.getByTestId('safety-child-weight-missing')).toHaveCount(0);
  await expect(page.getByTestId('weight-prompt')).toHaveCount(0);
  await page.getByTestId('rx-submit').click();
  await expect(page.getByTestId('prescriptions')).toContainText(
    'Morphine · Oral solution, immediate-release',
  );
  await doctor.context.close();

  // --- the nurse, in Russian: a dose, then a verbal-order dose straight after: refused by the guard
  const nurse = await newPerson(browser, { language: 'ru' });
  await logIn(nurse.page, 'nurse');
  await expect(nurse.page).toHaveURL(/\/app/);
  const n = nurse.page;
  await n.goto(`/app/patients/${familyPatientId}`);
  await n.getByTestId('open-medicines').click();
  await n.getByRole('tab', { name: 'Лист введения' }).click();
  const card = n.getByTestId('record-dose');
  const pickRescueMorphine = async () => {
    await card.getByTestId('dose-medicine').click();
    await n.getByRole('option', { name: /Морфин раствор.*быстрого высвобождения/ }).click();
  };
  await pickRescueMorphine();
  await card.getByRole('button', { name: 'Записать' }).click();
  await expect(card.getByText(/Записано\.|Не записано/)).toBeVisible();
  await card.getByTestId('verbal-order').check();
  await card.getByTestId('verbal-physician').click();
  await n.getByRole('option').first().click();
  await card.getByRole('button', { name: 'Записать' }).click();
  await expect(card.getByTestId('dose-refused')).toBeVisible();
  await expect(card.getByTestId('dose-refused')).toContainText('Не записано');
  await shot(n, 'medication-safety-verbal-order-refused');
  await nurse.context.close();
});

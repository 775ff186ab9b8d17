import { expect, test } from '@playwright/test';
import { logIn, newPerson, phone, shot } from './helpers.ts';

/**
 * Issue 2, journey (a): a visitor asks for care in Russian; a coordinator sees the request arrive
 * live, calls back and refers it; a commission member grants palliative status; the patient is
 * then in the list.
 */
test('a public request becomes a patient with palliative status', async ({ browser }) => {
  const surname = `Тестова${Date.now().toString().slice(-5)}`;
  const patientName = `${surname} Анна Сергеевна`;

  // The coordinator is at work with the queue open before the request arrives.
  const coordinator = await newPerson(browser, { language: 'en' });
  await logIn(coordinator.page, 'coordinator');
  await expect(coordinator.page).toHaveURL(/\/app\/requests$/);
  await expect(coordinator.page.getByTestId('queue-count')).toBeVisible();

  // A relative on a phone, in Russian (the default for a first visit).
  const visitor = await newPerson(browser, { viewport: phone });
  const form = visitor.page;
  await form.goto('/request');
  await expect(form.getByRole('heading', { level: 1 })).toHaveText('Заявка на паллиативную помощь на дому');
  await shot(form, 'public-form-phone-ru');

  // Sending it empty shows the problems next to the fields, in Russian.
  await form.getByRole('button', { name: 'Отправить заявку' }).click();
  await expect(form.getByText('Укажите имя человека, которому нужна помощь.')).toBeVisible();
  await expect(form.getByText('Нам нужно ваше согласие, чтобы перезвонить.')).toBeVisible();
  await shot(form, 'public-form-phone-errors');

  await form.getByLabel('Имя человека, которому нужна помощь').fill(patientName);
  await form.getByLabel('Возраст (полных лет)').fill('67');
  await form.getByLabel('Болезнь или диагноз своими словами').fill('рак лёгкого, сильные боли по ночам');
  await form.getByLabel('Адрес, где нужна помощь').fill('Минск, ул. Сурганова, д. 5, кв. 12');
  await form.getByLabel('Ваше имя').fill('Ольга Тестова');
  await form.getByLabel('Кем вы приходитесь?').selectOption('child');
  await form.getByLabel('Номер телефона').fill('+375 29 111-22-33');
  await form.getByLabel('Вечером').check();
  await form.getByLabel(/Я согласен\(на\)/).check();
  await form.getByRole('button', { name: 'Отправить заявку' }).click();

  const confirmation = form.getByTestId('intake-confirmation');
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText('Мы перезвоним вам в течение 15 минут');
  const reference = (await form.getByTestId('intake-reference').textContent())?.trim() ?? '';
  expect(reference).not.toBe('');
  await shot(form, 'public-confirmation-phone-ru');

  // The request appears in the coordinator's queue without a reload (Server-Sent Events).
  const card = coordinator.page.locator(`[data-testid="request-card"][data-reference="${reference}"]`);
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card.getByTestId('deadline')).toContainText('Call back in');
  await shot(coordinator.page, 'queue-desktop');

  // Call back: reached.
  await card.getByRole('button', { name: 'Record a call' }).click();
  const dialog = coordinator.page.getByRole('dialog');
  await dialog.getByLabel('Reached').check();
  await dialog.getByLabel('Note').fill('Spoke with the daughter; home visit is wanted.');
  await dialog.getByRole('button', { name: 'Save the call' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('In progress');

  // Refer to the commission, creating the patient's identity.
  await card.getByRole('link', { name: 'Open' }).click();
  await expect(coordinator.page.getByRole('heading', { level: 1 })).toContainText(reference);
  const referral = coordinator.page.getByRole('form', { name: 'Refer to the commission' });
  await expect(referral.getByLabel('Last name')).toHaveValue(surname);
  await expect(referral.getByLabel('First name')).toHaveValue('Анна');
  await referral.getByLabel('Date of birth').fill('1959-04-17');
  await referral.getByLabel(/^Area/).fill('Минск');
  await referral.getByLabel('ICD-10 code').fill('c34.1');
  await referral.getByLabel('Score').selectOption('3');
  await referral
    .getByLabel('Reason for palliative care')
    .fill('Progressive disease, uncontrolled pain at night, bed-bound most of the day.');
  await shot(coordinator.page, 'request-referral-desktop');
  await referral.getByRole('button', { name: 'Refer to the commission' }).click();
  await expect(coordinator.page).toHaveURL(/\/app\/commission\/[0-9a-f-]{36}$/);
  await expect(coordinator.page.getByTestId('case-status')).toHaveText('Pending');
  const caseUrl = new URL(coordinator.page.url()).pathname;

  // The coordinator attaches the discharge letter.
  await coordinator.page.locator('input[type="file"]').setInputFiles({
    name: 'discharge-letter.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Discharge letter: C34.1, ECOG 3.'),
  });
  await coordinator.page.getByRole('button', { name: 'Upload' }).click();
  await expect(coordinator.page.getByRole('link', { name: 'discharge-letter.txt' })).toBeVisible();
  // Only commission members may decide: the coordinator sees no decision form.
  await expect(coordinator.page.getByRole('form', { name: 'Record the decision' })).toHaveCount(0);

  // A commission member grants palliative status.
  const member = await newPerson(browser, { language: 'en' });
  await logIn(member.page, 'commission');
  await expect(member.page).toHaveURL(/\/app\//);
  await member.page.goto(caseUrl);
  const decision = member.page.getByRole('form', { name: 'Record the decision' });
  await decision.getByLabel('Granted').check();
  await decision.getByLabel('Member 1: role').fill('chair');
  await shot(member.page, 'commission-case-desktop');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(member.page.getByTestId('case-status')).toHaveText('Granted');

  // The coordinator's case page follows live; the patient is now in the list.
  await expect(coordinator.page.getByTestId('case-status')).toHaveText('Granted', { timeout: 15_000 });
  await coordinator.page.getByRole('link', { name: 'Patients' }).click();
  await coordinator.page.getByLabel('Search').fill(surname);
  const row = coordinator.page.getByTestId('patients-table').getByRole('link', { name: new RegExp(surname) });
  await expect(row).toBeVisible();
  await shot(coordinator.page, 'patients-desktop');
  await row.click();
  await expect(coordinator.page.getByRole('heading', { level: 1 })).toContainText(surname);
  await expect(coordinator.page.getByTestId('status-history')).toContainText('Palliative status granted');

  // Coordinates of the home put it inside the service area around Minsk.
  await coordinator.page.getByRole('button', { name: 'Edit details' }).click();
  const details = coordinator.page.getByRole('form', { name: 'Edit details' });
  await details.getByLabel('Latitude').fill('53.9274');
  await details.getByLabel('Longitude').fill('27.6352');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(coordinator.page.getByText('Inside the service area')).toBeVisible();
  await shot(coordinator.page, 'patient-desktop');

  await Promise.all([coordinator.context.close(), visitor.context.close(), member.context.close()]);
});

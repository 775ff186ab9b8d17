import { expect, test } from '@playwright/test';
import { logIn, newPerson, phone, shot } from './helpers.ts';

/** An administrator invites a nurse, who accepts and logs in; the audit chain verifies. */
test('staff invitation, settings and the audit log', async ({ browser }) => {
  const admin = await newPerson(browser, { language: 'en' });
  const page = admin.page;
  await logIn(page, 'admin');
  await expect(page).toHaveURL(/\/app\//);
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Staff' }).click();
  const email = `nurse.${Date.now()}@example.org`;
  const invite = page.getByRole('form', { name: 'Invite a staff member' });
  await invite.getByLabel(/^Name/).fill('Nina Test');
  await invite.getByLabel(/^E-mail/).fill(email);
  await invite.getByLabel(/^Role/).selectOption('nurse');
  await invite.getByRole('button', { name: 'Create the invitation' }).click();
  const first = await page.getByTestId('invitation-link').getByLabel('Invitation link').inputValue();
  expect(first).toContain('/accept-invitation?token=');
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  await shot(page, 'staff-desktop');

  // Deactivated before accepting, then reactivated: the page shows the new link; the old one is dead.
  await page.getByTestId('invitation-link').getByRole('button', { name: 'Done' }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await row.getByRole('button', { name: 'Reactivate' }).click();
  await expect(page.getByTestId('invitation-link')).toContainText('The earlier link no longer works');
  const link = await page.getByTestId('invitation-link').getByLabel('Invitation link').inputValue();
  expect(link).toContain('/accept-invitation?token=');
  expect(link).not.toBe(first);

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Callback deadline (minutes)')).toHaveValue('15');
  // the medication safety section saves its own fields and refuses an out-of-range window
  const meds = page.getByRole('form', { name: 'Medication safety' });
  const window = meds.getByLabel(/may be recorded up to/);
  await window.fill('100');
  await meds.getByRole('button', { name: 'Save' }).click();
  await expect(meds.getByText('Enter a whole number of hours from 1 to 72.')).toBeVisible();
  await window.fill('12');
  await meds.getByLabel('Conversion guideline shown first').selectOption('sps');
  await meds.getByRole('button', { name: 'Save' }).click();
  await expect(meds.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('form', { name: 'Medication safety' }).getByLabel(/may be recorded up to/),
  ).toHaveValue('12');
  await expect(page.getByLabel('Callback deadline (minutes)')).toHaveValue('15');
  await shot(page, 'settings-desktop');

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await expect(page.getByTestId('audit-verify')).toContainText('The audit chain is intact');
  await shot(page, 'audit-desktop', false);

  // The invited nurse chooses a password on a phone, in Russian, then logs in.
  const nurse = await newPerson(browser, { viewport: phone });
  await nurse.page.goto(new URL(link).pathname + new URL(link).search);
  await nurse.page.getByLabel(/^Новый пароль/).fill('a long new passphrase');
  await nurse.page.getByLabel(/^Повторите новый пароль/).fill('a long new passphrase');
  await nurse.page.getByRole('button', { name: 'Сохранить пароль' }).click();
  await expect(nurse.page.getByText(`Теперь вы можете войти как ${email}.`)).toBeVisible();
  await nurse.page.getByRole('link', { name: 'Перейти ко входу' }).click();
  await nurse.page.locator('input[type="email"]').fill(email);
  await nurse.page.locator('input[type="password"]').fill('a long new passphrase');
  await nurse.page.locator('form button[type="submit"]').click();
  // a nurse may list patients but not see the intake queue
  await expect(nurse.page).toHaveURL(/\/app\//);
  await expect(nurse.page.getByRole('link', { name: 'Заявки' })).toHaveCount(0);
  await shot(nurse.page, 'patients-phone-nurse');

  await Promise.all([admin.context.close(), nurse.context.close()]);
});

test('the coordinator sees escalations and can enter a phone request', async ({ browser }) => {
  const { context, page } = await newPerson(browser);
  await logIn(page, 'coordinator');
  await page.getByRole('link', { name: /Уведомления/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Уведомления');
  await shot(page, 'notifications-desktop-ru', false);

  await page.getByRole('link', { name: 'Заявки' }).click();
  await page.getByRole('link', { name: 'Внести заявку по телефону' }).click();
  await page.getByLabel(/^Имя человека/).fill('Сидоров Иван');
  await page.getByLabel(/^Болезнь или диагноз/).fill('БАС, трудно глотать');
  await page.getByLabel(/^Адрес, где нужна помощь/).fill('Барысаў, ул. Ленина, 10');
  await page.getByLabel(/^Имя звонившего/).fill('Пётр Сидоров');
  await page.getByLabel(/^Кем вы приходитесь/).selectOption('child');
  await page.getByLabel(/^Номер телефона/).fill('+375 29 555-44-33');
  await page.getByLabel(/^Звонивший согласен/).check();
  await page.getByRole('button', { name: 'Добавить в очередь' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Сидоров Иван');
  await expect(page.getByText('Телефон', { exact: false }).first()).toBeVisible();
  await shot(page, 'phone-request-created-ru');

  // The queue on a phone, for a coordinator on the move.
  await page.setViewportSize(phone);
  await page.getByRole('button', { name: 'Меню' }).click();
  await page.getByRole('link', { name: 'Заявки' }).click();
  await expect(page.getByTestId('queue-count')).toBeVisible();
  await shot(page, 'queue-phone-ru');
  await context.close();
});

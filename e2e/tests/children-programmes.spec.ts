import { expect, test } from '@playwright/test';
import { logIn, newPerson, phone, shot } from './helpers.ts';

/**
 * The volunteer coordinator screens and trains a volunteer and matches her to a family's
 * request; the volunteer accepts on a phone and logs hours; the coordinator approves them; a
 * summer camp shift fills to capacity and the next application goes to the waiting list.
 */
test('a volunteer is screened, trained, matched, accepts on a phone and logs hours; a camp shift fills and waitlists', async ({
  browser,
}) => {
  // a long journey on a shared, slow machine
  test.setTimeout(240_000);
  const { page } = await newPerson(browser, { language: 'en' });
  // the volunteer coordinator screens and trains a new volunteer
  await logIn(page, 'volunteer-coordinator');
  await expect(page).toHaveURL(/\/app/);
  await page.getByRole('link', { name: 'Volunteers' }).first().click();
  await page.getByRole('link', { name: 'Ульяна Короткевич' }).click();
  await expect(page.getByTestId('volunteer-status')).toHaveText('Applicant');
  const screening = page.getByRole('form', { name: 'Screening' });
  await screening.getByLabel('Interview on').fill('2026-11-02');
  await screening.getByLabel('Background check on', { exact: true }).fill('2026-11-10');
  await screening.getByLabel('Background check result').selectOption('clear');
  await screening.getByLabel('Consent signed on').fill('2026-11-02');
  await screening.getByLabel('Confidentiality agreement signed on').fill('2026-11-02');
  await screening.getByRole('button', { name: 'Save screening' }).click();
  await page.getByRole('button', { name: 'Mark screened' }).click();
  await expect(page.getByTestId('volunteer-status')).toHaveText('Screened');
  // not yet trained: the step is refused with what is missing
  await page.getByRole('button', { name: 'Mark trained' }).click();
  await expect(page.getByText(/Still missing/)).toBeVisible();
  for (let i = 0; i < 5; i++) {
    await page
      .getByRole('button', { name: /^Mark completed/ })
      .first()
      .click();
    await expect(page.getByRole('button', { name: /^Mark completed/ })).toHaveCount(4 - i);
  }
  await page.getByRole('button', { name: 'Mark trained' }).click();
  await expect(page.getByTestId('volunteer-status')).toHaveText('Trained');
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByTestId('volunteer-status')).toHaveText('Active');
  // the coordinator edits the record: a new phone, the areas she reaches and another time
  await page.getByRole('button', { name: 'Edit record' }).click();
  const edit = page.getByRole('form', { name: 'Edit record' });
  await edit.getByLabel('Phone').fill('+375 29 611-22-33');
  await edit.getByLabel('Areas they can reach').fill('Минск, Заславль');
  await edit.getByRole('button', { name: 'Add a time' }).click();
  await edit.getByLabel('Day', { exact: true }).last().selectOption({ label: 'Sat' });
  await shot(page, 'volunteer-edit');
  await edit.getByRole('button', { name: 'Save' }).click();
  const record = page.getByTestId('volunteer-record');
  await expect(record).toContainText('+375 29 611-22-33');
  await expect(record).toContainText('Заславль');
  await expect(record).toContainText(/Sat \d\d:\d\d/);
  await page.getByLabel('E-mail').fill('ulyana@example.org');
  await page.getByRole('button', { name: 'Create login' }).click();
  const link = await page.getByTestId('invitation-link').getByLabel('Invitation link').inputValue();

  // and matches her to a family's request
  await page.getByRole('tab', { name: 'Family requests' }).click();
  await page
    .getByRole('row', { name: /Respite sitting/ })
    .getByRole('link')
    .click();
  await expect(page.getByRole('table', { name: 'Volunteers ranked for this request' })).toBeVisible();
  await shot(page, 'matches');
  await page.getByRole('button', { name: 'Assign: Ульяна Короткевич' }).click();
  await expect(page.getByTestId('assignment-status')).toHaveText('Waiting for answer');

  // the volunteer sets a password and logs in on a phone
  const mobile = (await newPerson(browser, { language: 'en', viewport: phone })).page;
  await mobile.goto(new URL(link).pathname + new URL(link).search);
  await mobile.getByLabel(/^New password/).fill('ulyana-password-1');
  await mobile.getByLabel(/^Repeat the new password/).fill('ulyana-password-1');
  await mobile.getByRole('button', { name: 'Set password' }).click();
  await mobile.getByRole('link', { name: 'Go to login' }).click();
  await mobile.locator('input[type="email"]').fill('ulyana@example.org');
  await mobile.locator('input[type="password"]').fill('ulyana-password-1');
  await mobile.locator('form button[type="submit"]').click();
  const card = mobile.getByTestId('assignment-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByText('You will see the address once you accept.')).toBeVisible();
  await shot(mobile, 'volunteer-offer-phone');
  await card.getByRole('button', { name: 'Yes, I can' }).click();
  await expect(card.getByText(/^Address:/)).toBeVisible();
  await card.getByLabel('Hours', { exact: true }).fill('3');
  await card.getByRole('button', { name: 'Send hours' }).click();
  await expect(card.getByText('Thank you. The coordinator will confirm your hours.')).toBeVisible();
  await expect(card.getByText(/waiting for confirmation/)).toBeVisible();
  await shot(mobile, 'volunteer-hours-phone');
  // the volunteer cannot open the clinical record
  const clinical = await mobile.request.get('/api/v1/patients');
  expect(clinical.status()).toBe(403);

  // the coordinator approves the hours and the month's report counts them
  await page.getByRole('tab', { name: 'Hours and report' }).click();
  const row = page.getByTestId('hours-row').filter({ hasText: 'Ульяна Короткевич' });
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Ульяна Короткевич 3/ })).toBeVisible();
  await shot(page, 'hours-report');

  // a camp shift fills to capacity and the next application goes to the waiting list
  await page.getByRole('link', { name: 'Programmes' }).first().click();
  await page.getByRole('link', { name: 'Летний лагерь' }).click();
  const shift = page.getByTestId('session-card').filter({ hasText: 'Смена 1' });
  await expect(shift.getByTestId('session-places')).toHaveText('2 of 3 places');
  const apply = shift.getByRole('form', { name: 'Apply' });
  const options = await apply.getByLabel('Child').locator('option').allTextContents();
  const taken = await shift.getByTestId('camp-application').allTextContents();
  const free = options.slice(1).filter((o) => !taken.some((x) => x.includes(o.split(' ')[1] ?? o)));
  await apply.getByLabel('Child').selectOption({ label: free[0]! });
  await apply.getByRole('button', { name: 'Apply' }).click();
  await expect(shift.getByTestId('session-places')).toHaveText('3 of 3 places');
  await apply.getByLabel('Child').selectOption({ label: free[1]! });
  await apply.getByRole('button', { name: 'Apply' }).click();
  await expect(shift.getByText('Waiting list, place 1')).toBeVisible();
  await expect(shift.getByText('1 waiting')).toBeVisible();
  await shot(page, 'camp-shift-desktop');

  // the camp staff write a child's care notes and record the signed consent forms
  const child = shift.getByTestId('camp-application').first();
  await child.getByRole('button', { name: 'Care notes and forms' }).click();
  await child.getByLabel('Diet').fill('Протёртая пища, без глютена');
  await child.getByLabel('Mobility').fill('Коляска, пересаживать вдвоём');
  await child.getByLabel(/^Who may give what/).fill('Лекарства даёт только мама или медсестра смены');
  await child.getByRole('button', { name: 'Save care notes' }).click();
  await expect(child.getByText('Care notes saved.')).toBeVisible();
  await expect(child.getByTestId('care-note-summary')).toContainText('Протёртая пища');
  const consents = child.getByRole('form', { name: /^Consent forms/ });
  for (const form of ['Participation', 'Medical care']) {
    await expect(consents.getByRole('button', { name: 'Record signature' })).toBeEnabled();
    await consents.getByLabel('Form', { exact: true }).selectOption({ label: form });
    await consents.getByLabel('Signed by', { exact: true }).fill('Мама');
    await consents.getByRole('button', { name: 'Record signature' }).click();
    await expect(child.getByTestId('signed-consents')).toContainText(`${form}: signed by Мама`);
  }
  await expect(child.getByText('Consent forms complete')).toBeVisible();
  await shot(page, 'camp-care-notes');
});

test('a course certificate prints cleanly, in the organization’s language', async ({ browser }) => {
  const { page } = await newPerson(browser, { language: 'en' });
  await logIn(page, 'volunteer-coordinator');
  await expect(page).toHaveURL(/\/app/);
  await page.getByRole('link', { name: 'Programmes' }).first().click();
  await page.getByRole('link', { name: 'Общение с тяжелобольным ребёнком' }).click();
  await page.getByRole('link', { name: /^TC-\d{4}-\d{4}$/ }).click();
  // the person reads English, the certificate is in the organization's Russian
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Сертификат о прохождении курса' })).toBeVisible();
  await expect(page.getByText('Наталья Гринько')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.locator('.mantine-AppShell-navbar')).toBeHidden();
  await expect(page.locator('.mantine-AppShell-header')).toBeHidden();
  await shot(page, 'certificate-print', false);
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  // one page: the whole certificate fits and nothing of the workspace is printed
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);
});

import { type Browser, expect, test } from '@playwright/test';
import { apiLogin, logIn, phone, shot } from './helpers.ts';

async function person(browser: Browser, viewport = { width: 1400, height: 950 }, language = 'en') {
  const context = await browser.newContext({
    viewport,
    locale: language === 'en' ? 'en-GB' : 'ru-RU',
    timezoneId: 'Europe/Minsk',
  });
  await context.addInitScript(`localStorage.setItem('hearth.language', '${language}');`);
  return { context, page: await context.newPage() };
}

/**
 * Issue 5, the staff forms: the care plan changed as a new version with who and why, its history;
 * a team meeting with attendance (a missing discipline is warned about) and a decision recorded as
 * a care-plan change with an owner; the rota the planner uses; the printable route sheet; and the
 * nurse's own view of the care-plan form on a phone.
 */
test('care plan, team meeting, rota and route sheet', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const api = await playwright.request.newContext({ baseURL });
  await apiLogin(api, 'coordinator');
  const team = (await (await api.get('/api/v1/care-team')).json()) as {
    id: string;
    name: string;
    discipline: string;
  }[];
  const physician = team.find((m) => m.discipline === 'physician')!;
  const nurse = team.find((m) => m.discipline === 'nurse')!;
  const familyApi = await playwright.request.newContext({ baseURL });
  const patientId = (await apiLogin(familyApi, 'family')).linkedPatientIds[0]!;

  const { context, page } = await person(browser);
  await logIn(page, 'coordinator');
  await expect(page).toHaveURL(/\/app/);

  // --- the care plan: a change with a reason, then the history ---
  await page.goto(`/app/patients/${patientId}`);
  await page.getByTestId('care-plan-edit').click();
  const editor = page.getByTestId('care-plan-editor');
  await editor.getByLabel('How often: Nurse').selectOption('weekly');
  await editor.getByLabel('Visits a week: Nurse').fill('3');
  await editor.getByLabel('How often: Chaplain').selectOption('as_needed');
  await editor.getByRole('button', { name: 'Add a problem' }).click();
  const item = editor.getByTestId('care-plan-item').last();
  await item.getByLabel('Discipline').selectOption('chaplain');
  await item.getByLabel('Problem').fill('Spiritual distress');
  await item.getByLabel('Goal').fill('Feels at peace; meets a priest');
  await item.getByLabel('Interventions').fill('Ask about faith\nArrange a visit from the parish priest');
  await item.getByLabel('Owner').selectOption({ label: `${physician.name} (Physician)` });
  await editor
    .getByLabel('Why is the plan changing?')
    .fill('More pain at night; the family asked for a priest');
  await shot(page, 'care-plan-editor', false);
  await editor.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('care-plan')).toContainText('More pain at night');
  await page.getByRole('button', { name: 'Version history' }).click();
  const history = page.getByTestId('care-plan-history');
  await expect(history.getByTestId('care-plan-version').first()).toContainText('More pain at night');
  await expect(history.getByTestId('care-plan-version').first()).toContainText('Visit frequency');
  await expect(history.getByTestId('care-plan-version')).toHaveCount(2);
  await shot(page, 'care-plan-history', false);
  await page.keyboard.press('Escape');

  // --- the team meeting ---
  await page.getByRole('link', { name: 'Team meetings' }).click();
  const form = page.getByTestId('meeting-form');
  await form.getByLabel(physician.name).check();
  await form.getByLabel(nurse.name).check();
  await expect(form.getByTestId('meeting-missing')).toContainText('Social worker');
  await expect(form.getByTestId('meeting-missing')).toContainText('Chaplain or Psychologist');
  const due = form.getByTestId('due-patient').first();
  await due.getByRole('checkbox').check();
  await due.getByLabel('Decision').fill('Review the pain plan in three days');
  await due.getByLabel('Owner').selectOption({ label: `${nurse.name} (Nurse)` });
  await due.getByRole('button', { name: 'Change the care plan…' }).click();
  const change = page.getByTestId('care-plan-editor');
  await change.getByLabel('Phase of illness').selectOption('unstable');
  await change.getByRole('button', { name: 'Use this change' }).click();
  await expect(due.getByTestId('plan-change-ready')).toBeVisible();
  await shot(page, 'team-meeting-form', false);
  await form.getByRole('button', { name: 'Record the meeting' }).click();
  await expect(form.getByTestId('meeting-saved')).toBeVisible();
  const held = page.getByTestId('meeting').first();
  await expect(held).toContainText('Review the pain plan in three days');
  await expect(held).toContainText(`Owner: ${nurse.name}`);
  await expect(held).toContainText('care plan version');
  await expect(held).toContainText('Required discipline missing');
  await shot(page, 'team-meetings');

  // --- the rota ---
  await page.getByRole('link', { name: 'Rota', exact: true }).click();
  await expect(page.getByTestId('rota-table')).toBeVisible();
  const add = page.getByTestId('rota-add');
  await add.getByLabel('Staff member').selectOption(nurse.id);
  // the form starts on the Monday of the shown week; the shift goes on its Saturday
  const monday = await add.getByLabel('Day').inputValue();
  const saturday = new Date(Date.parse(`${monday}T12:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
  await add.getByLabel('Day').fill(saturday);
  await add.getByLabel('From').fill('09:00');
  await add.getByLabel('To').fill('13:00');
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  const row = page.locator(`[data-testid="rota-row"][data-staff-id="${nurse.id}"]`);
  await expect(row).toContainText('09:00–13:00');
  await shot(page, 'rota', false);
  await row.getByRole('button', { name: /Remove the shift of .* 09:00–13:00/ }).click();
  await expect(row).not.toContainText('09:00–13:00');

  // --- the printable route sheet ---
  await page.getByRole('link', { name: 'Dispatch' }).click();
  await page.getByRole('link', { name: 'Route sheet' }).first().click();
  await expect(page.getByRole('heading', { name: /Route sheet/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await context.close();

  // --- the nurse changes a care plan on her phone ---
  const n = await person(browser, phone, 'ru');
  await logIn(n.page, 'nurse');
  await expect(n.page).toHaveURL(/\/app/);
  await n.page.goto(`/app/patients/${patientId}`);
  await n.page.getByTestId('care-plan-edit').click();
  await expect(n.page.getByTestId('care-plan-editor')).toBeVisible();
  await shot(n.page, 'care-plan-editor-phone-ru', false);
  await Promise.all([n.context.close(), api.dispose(), familyApi.dispose()]);
});

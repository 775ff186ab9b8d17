import { type APIRequestContext, expect, test } from '@playwright/test';
import { demoEmail, demoPassword } from './demo.ts';
import { logIn, newPerson, phone, shot } from './helpers.ts';

/** Issue 13, the everyday seams: first screens, settings sections, identity corrections, search. */

async function session(request: APIRequestContext, role: string) {
  const res = await request.post('/api/v1/auth/login', {
    data: { email: demoEmail(role), password: demoPassword },
  });
  expect(res.status()).toBe(200);
  const me = (await res.json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

test('each role opens on the screen its work starts from', async ({ browser }) => {
  for (const [role, path] of [
    ['nurse', '/app/my-day'],
    ['volunteer-coordinator', '/app/volunteers'],
    ['psychologist', '/app/support'],
    ['coordinator', '/app/requests'],
    ['admin', '/app/staff'],
  ] as const) {
    const { context, page } = await newPerson(browser, { language: 'en' });
    await logIn(page, role);
    await expect(page).not.toHaveURL(/\/login/);
    await expect(page, role).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1 }).first(), role).toBeVisible();
    await context.close();
  }
});

test('saving the settings form keeps what other sections stored', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const headers = await session(api, 'admin');
  // values the general form does not show, set by their own sections first
  const stored = await api.patch('/api/v1/settings', {
    headers,
    data: { alerts: { urgentMinutes: 35 }, travel: { roadFactor: 1.4 } },
  });
  expect(stored.status()).toBe(200);

  const { context, page } = await newPerson(browser, { language: 'en' });
  await logIn(page, 'admin');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/app/settings');
  const retry = page.getByLabel('Retry after an unanswered call (minutes)');
  await expect(retry).toHaveValue('15');
  await retry.fill('2');
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect(page.getByText('Enter whole minutes from 5 to 1440.')).toBeVisible();
  await retry.fill('20');
  await page.getByLabel('Unanswered calls before the lead is told').fill('4');
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect(page.getByRole('status').filter({ hasText: /saved/i }).first()).toBeVisible();
  await shot(page, 'seams-settings-desktop');

  const after = await (await api.get('/api/v1/settings')).json();
  expect(after).toMatchObject({ callRetryMinutes: 20, callAttemptsBeforeEscalation: 4 });
  expect(after.alerts.urgentMinutes).toBe(35);
  expect(after.travel.roadFactor).toBe(1.4);
  await context.close();
  await api.dispose();
});

test('a coordinator corrects a name and a date of birth, then finds the patient by a Latin spelling', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const headers = await session(api, 'coordinator');
  const surname = `Ковалев${Date.now() % 10_000}`;
  const created = await api.post('/api/v1/patients', {
    headers,
    data: {
      firstName: 'Артем',
      lastName: surname,
      dateOfBirth: '1961-05-20',
      address: 'Минск, ул. Сурганова, 5',
      area: 'Минск',
      diagnoses: [{ icd10: 'C34.1', description: 'Рак верхней доли лёгкого', primary: true }],
    },
  });
  expect(created.status()).toBe(201);
  const patient = (await created.json()) as { id: string };

  const { context, page } = await newPerson(browser, { viewport: phone, language: 'ru' });
  await logIn(page, 'coordinator');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/app/patients/${patient.id}`);
  await page.getByRole('button', { name: 'Исправить ФИО, дату рождения или пол' }).click();
  const form = page.getByRole('form', { name: 'Исправление личных данных' });
  const corrected = surname.replace('Ковалев', 'Ковалёв');
  await form.getByLabel('Фамилия').fill(corrected);
  await form.getByLabel('Имя').fill('Артём');
  // a year typed as 2061 instead of 1961 is refused, with the reason on the field
  await form.getByLabel('Дата рождения').fill('2061-05-20');
  await form.getByLabel('Причина исправления').fill('Написание и дата как в паспорте');
  await form.getByRole('button', { name: 'Сохранить исправление' }).click();
  await expect(form.getByText(/в будущем/)).toBeVisible();
  await form.getByLabel('Дата рождения').fill('1961-05-02');
  await form.getByRole('button', { name: 'Сохранить исправление' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${corrected} Артём`);
  const history = page.getByTestId('identity-history');
  await expect(history).toContainText('Написание и дата как в паспорте');
  await expect(history).toContainText('20 мая 1961');
  await shot(page, 'seams-identity-phone');

  // the patients list finds the corrected name from its Latin spelling, in either order
  await page.goto('/app/patients');
  const search = page.getByRole('searchbox', { name: 'Поиск' });
  await search.fill(`Artyom ${surname.replace('Ковалев', 'Kovalyov')}`);
  await expect(page.getByText(`${corrected} Артём`).first()).toBeVisible();
  await search.fill('C34.1');
  await expect(page.getByText(`${corrected} Артём`).first()).toBeVisible();
  await shot(page, 'seams-search-phone');
  await context.close();
  await api.dispose();
});

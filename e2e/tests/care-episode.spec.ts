import { type APIRequestContext, expect, test } from '@playwright/test';
import { demoEmail, demoPassword } from './demo.ts';
import { logIn, newPerson, phone, shot } from './helpers.ts';

/** Issue 13: the care episode holds together (hospital and back, a death, an unanswered call). */

async function session(request: APIRequestContext, role: string) {
  const res = await request.post('/api/v1/auth/login', {
    data: { email: demoEmail(role), password: demoPassword },
  });
  expect(res.status()).toBe(200);
  const me = (await res.json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('to hospital and home again: visits held, then restored; a death turns the family phone to bereavement', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const headers = await session(api, 'coordinator');
  const patients = (await (await api.get('/api/v1/patients?status=active&limit=100')).json()).items as {
    id: string;
    lastName: string;
    firstName: string;
  }[];
  const patient = patients[Math.floor(patients.length / 2)]!;
  const nurseApi0 = await playwright.request.newContext({ baseURL });
  const nurseLogin = await nurseApi0.post('/api/v1/auth/login', {
    data: { email: demoEmail('nurse'), password: demoPassword },
  });
  const nurse = (await nurseLogin.json()) as { id: string };
  await nurseApi0.dispose();
  const visit = await api.post(`/api/v1/patients/${patient.id}/visits`, {
    headers,
    data: { discipline: 'nurse', date: isoDay(2), reason: 'Перевязка' },
  });
  expect(visit.status()).toBe(201);
  const visitId = ((await visit.json()) as { id: string }).id;
  const sch = await api.post(`/api/v1/visits/${visitId}/schedule`, {
    headers,
    data: { staffId: nurse.id, date: isoDay(2), start: '10:00' },
  });
  expect(sch.status()).toBe(200);

  // the coordinator moves the patient to hospital
  const { page, context } = await newPerson(browser, { language: 'en' });
  await logIn(page, 'coordinator');
  await expect(page).toHaveURL(/\/app/);
  await page.goto(`/app/patients/${patient.id}`);
  const move = async (to: string, reason: string) => {
    const form = page.getByRole('form', { name: 'Record a move' });
    await form.getByLabel('Move to').selectOption(to);
    await form.getByLabel('Reason').fill(reason);
    await form.getByRole('button', { name: 'Record the move' }).click();
    // the transfer summary opens after a move; close it to see the page
    await expect(page.getByRole('dialog')).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Escape');
  };
  await move('hospital', 'Admitted with pneumonia');
  await expect(page.getByTestId('held-visits')).toContainText(/on hold/i);
  await shot(page, 'care-episode-held');
  const board = (await (await api.get(`/api/v1/dispatch/board?date=${isoDay(2)}`)).json()) as {
    held: { visitId: string }[];
  };
  expect(board.held.map((h) => h.visitId)).toContain(visitId);

  // back home: the held visits are offered and restored
  await move('home', 'Discharged home');
  await expect(page.getByTestId('held-visits')).toContainText(/restore/i);
  await shot(page, 'care-episode-restore');
  await page.getByTestId('restore-visits').click();
  await expect(page.getByTestId('held-visits')).toHaveCount(0);
  const restored = (await (await api.get(`/api/v1/visits/${visitId}`)).json()) as { status: string };
  expect(restored.status).toBe('scheduled');
  await context.close();

  // a family member of this patient, invited and signed up
  const invite = await api.post(`/api/v1/patients/${patient.id}/family`, {
    headers,
    data: { email: 'episode.daughter@example.org', name: 'Дочь Пациента', relationship: 'дочь' },
  });
  expect(invite.status()).toBe(201);
  const token = ((await invite.json()) as { acceptToken: string }).acceptToken;
  const anon = await playwright.request.newContext({ baseURL });
  expect(
    (
      await anon.post('/api/v1/auth/accept-invitation', {
        data: { token, password: 'a-long-family-password-1' },
      })
    ).status(),
  ).toBe(200);
  await anon.dispose();

  // the nurse records the death, with a message for the family
  const nurseApi = await playwright.request.newContext({ baseURL });
  const nurseHeaders = await session(nurseApi, 'nurse');
  const death = await nurseApi.post(`/api/v1/patients/${patient.id}/death`, {
    headers: nurseHeaders,
    data: {
      diedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      place: 'home',
      verifiedBy: 'Мария Соколова, медсестра',
      verifiedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      familyMessage: 'Мы рядом. Позвоните нам в любое время, днём или ночью.',
    },
  });
  expect(death.status()).toBe(201);
  await nurseApi.dispose();

  // the family's phone opens on the bereavement view; no diary, no dose controls
  const fam = await newPerson(browser, { language: 'ru', viewport: phone });
  await fam.page.goto('/login');
  await fam.page.locator('input[type="email"]').fill('episode.daughter@example.org');
  await fam.page.locator('input[type="password"]').fill('a-long-family-password-1');
  await fam.page.locator('form button[type="submit"]').click();
  await expect(fam.page).toHaveURL(/\/portal/);
  await fam.page.goto(`/portal/patients/${patient.id}`);
  await expect(fam.page.getByTestId('portal-bereavement')).toBeVisible();
  await expect(fam.page.getByTestId('portal-team-message')).toContainText('Мы рядом');
  await expect(fam.page.getByTestId('portal-call')).toBeVisible();
  await expect(fam.page.getByText(/Как .* сейчас/)).toHaveCount(0);
  await expect(fam.page.getByRole('button', { name: /Я дал|Я дала|дал дозу/ })).toHaveCount(0);
  await shot(fam.page, 'care-episode-bereavement-phone', false);
  await shot(fam.page, 'care-episode-bereavement-phone-full');
  await fam.context.close();
  await api.dispose();
});

test('a "No answer" call leaves the request urgent with its retry deadline', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const anon = await playwright.request.newContext({ baseURL });
  const submitted = await anon.post('/api/v1/intake/requests', {
    data: {
      patientName: 'Нет Ответа',
      patientAgeYears: 70,
      requesterName: 'Ольга',
      relationship: 'child',
      diagnosisText: 'рак, сильные боли',
      address: 'Минск, ул. Сурганова 10',
      phone: '+375 29 555-66-77',
      consent: true,
      locale: 'ru',
    },
  });
  expect(submitted.status()).toBe(201);
  const reference = ((await submitted.json()) as { reference: string }).reference;
  await anon.dispose();
  const { page, context } = await newPerson(browser, { language: 'en' });
  await logIn(page, 'coordinator');
  // wait for the login to land before navigating, or the navigation cancels it
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/app/requests');
  const card = page.locator(`[data-reference="${reference}"]`);
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: /record a call/i }).click();
  await page.getByLabel('No answer').check();
  await page.getByRole('button', { name: /save the call/i }).click();
  await expect(card.getByTestId('retry-deadline')).toContainText(/call again within/i);
  await expect(card.getByTestId('unanswered-attempts')).toContainText('1 unanswered call');
  await shot(page, 'care-episode-no-answer');
  await context.close();
});

import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { apiLogin, logIn, phone, shot } from './helpers.ts';

/**
 * Issue 14 journeys: the nurse's phone works without a connection and never loses work. A
 * visit, an ESAS-r and a dose recorded offline survive a reload and a logout attempt and reach
 * the server exactly once; a queued dose the server refuses lands under "needs attention"; a
 * session that ended while offline is renewed by logging in and the queue is sent.
 */
const minsk = (opts: Intl.DateTimeFormatOptions, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Minsk', ...opts }).format(new Date());
const today = () => minsk({ year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');
const nowHm = () => minsk({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'en-GB');

async function session(request: APIRequestContext, role: string) {
  const me = await apiLogin(request, role);
  return { ...me, headers: { 'x-csrf-token': me.csrfToken } };
}

async function phonePerson(browser: Browser) {
  const context = await browser.newContext({ viewport: phone, locale: 'en-GB', timezoneId: 'Europe/Minsk' });
  await context.addInitScript("localStorage.setItem('hearth.language', 'en');");
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 53.9, longitude: 27.56 });
  return { context, page: await context.newPage() };
}

const prn = (medicineId: string, name: string, form: string, doseAmount: number) => ({
  medicineId,
  name,
  form,
  route: 'oral',
  doseAmount,
  doseUnit: 'mg',
  kind: 'prn',
  minIntervalMinutes: 240,
  maxDosesPer24h: 4,
  indication: 'Pain',
  startsAt: new Date(Date.now() - 3_600_000).toISOString(),
  acknowledgeWarnings: true,
});

async function walkIn(page: Page, visitId: string) {
  const card = page.locator(`[data-visit-id="${visitId}"]`);
  await card.getByRole('button', { name: 'I am on the way' }).click();
  await expect(card.getByTestId('my-visit-status')).toHaveText('On the way');
  await card.getByRole('button', { name: 'I have arrived' }).click();
  await expect(card.getByTestId('my-visit-status')).toHaveText('Checked in');
  await card.getByRole('button', { name: 'Finish the visit' }).click();
  return card;
}

async function giveDose(card: ReturnType<Page['locator']>, page: Page, medicine: RegExp) {
  const dose = card.getByTestId('visit-dose');
  await dose.getByTestId('visit-dose-medicine').click();
  await page.getByRole('option', { name: medicine }).click();
  await dose.getByRole('button', { name: 'Record the dose given now' }).click();
  return dose;
}

test('a day offline on the phone: nothing lost, nothing sent twice, refusals shown, a new login sends the rest', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const date = today();
  const api = await playwright.request.newContext({ baseURL });
  const coordinator = await session(api, 'coordinator');
  const doctorApi = await playwright.request.newContext({ baseURL });
  const doctor = await session(doctorApi, 'physician');
  const nurseApi = await playwright.request.newContext({ baseURL });
  const nurse = await session(nurseApi, 'nurse');
  const familyApi = await playwright.request.newContext({ baseURL });
  const patientId = (await apiLogin(familyApi, 'family')).linkedPatientIds[0]!;

  // set-up: the nurse on shift all day, two visits booked for her now, an as-needed morphine
  for (const shift of (
    (await (await api.get(`/api/v1/rota?from=${date}&to=${date}`)).json()) as {
      id: string;
      staffId: string;
    }[]
  ).filter((r) => r.staffId === nurse.id))
    await api.delete(`/api/v1/rota/shifts/${shift.id}`, { headers: coordinator.headers });
  expect(
    (
      await api.post('/api/v1/rota/shifts', {
        headers: coordinator.headers,
        data: { staffId: nurse.id, date, start: '00:00', end: '23:59' },
      })
    ).status(),
  ).toBe(201);
  const book = async (reason: string) => {
    const booked = await api.post(`/api/v1/patients/${patientId}/visits`, {
      headers: coordinator.headers,
      data: { discipline: 'nurse', kind: 'one_off', date, reason },
    });
    expect(booked.status()).toBe(201);
    const id = ((await booked.json()) as { id: string }).id;
    const res = await api.post(`/api/v1/visits/${id}/schedule`, {
      headers: coordinator.headers,
      data: { staffId: nurse.id, date, start: nowHm() },
    });
    expect(res.status(), await res.text()).toBe(200);
    return id;
  };
  const visitA = await book('Offline visit (journey)');
  const prescribe = async (body: ReturnType<typeof prn>) => {
    const res = await doctorApi.post(`/api/v1/patients/${patientId}/prescriptions`, {
      headers: doctor.headers,
      data: body,
    });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const morphine = await prescribe(prn('morphine', 'Morphine oral solution 10 mg/5 ml', 'oral_solution', 5));
  const chartGiven = async (prescriptionId: string) =>
    (
      (await (await nurseApi.get(`/api/v1/patients/${patientId}/medicine-chart`)).json()) as {
        entries: { prescriptionId: string; status: string }[];
      }
    ).entries.filter((e) => e.prescriptionId === prescriptionId);

  // --- the nurse on her phone, online first: the caseload comes to the phone
  const { context, page } = await phonePerson(browser);
  await logIn(page, 'nurse');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/app/my-day');
  const cardA = page.locator(`[data-visit-id="${visitA}"]`);
  await expect(cardA.getByTestId('visit-field-info')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('status-synced')).toBeVisible();
  await expect.poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)')).toBe(true);
  await shot(page, 'field-visit-card-phone');

  // --- the signal drops: the patient page opens from the phone's copy, then the visit is done offline
  await context.setOffline(true);
  await expect(page.getByTestId('status-offline')).toBeVisible();
  await cardA.getByTestId('my-visit-patient').click();
  await expect(page).toHaveURL(new RegExp(`/app/patients/${patientId}`));
  await expect(page.getByTestId('offline-copy-banner')).toContainText('Offline copy');
  const copy = page.getByTestId('offline-patient');
  await expect(copy.getByTestId('visit-phone').first()).toBeVisible();
  // the resuscitation decision is always stated: the DNACPR badge, or what was decided
  await expect(copy.getByTestId('resuscitation').or(copy.getByTestId('dnacpr-badge')).first()).toBeVisible();
  await expect(copy.getByTestId('offline-prescription').filter({ hasText: 'Morphine' })).toHaveCount(1);
  await shot(page, 'field-offline-patient-phone');
  // a full reload of My day offline: the day comes from the copy and stays through every step
  await page.goto('/app/my-day');
  await expect(cardA.getByTestId('visit-field-info')).toBeVisible({ timeout: 20_000 });
  await walkIn(page, visitA);
  const assessments = cardA.getByTestId('visit-assessments');
  await assessments.getByRole('button', { name: 'Record an assessment' }).click();
  await assessments.getByLabel('Assessment', { exact: true }).selectOption('esas_r');
  await assessments.getByLabel('Pain', { exact: true }).selectOption('6');
  await assessments.getByRole('button', { name: 'Save' }).click();
  await expect(assessments.getByText('Saved on the phone.', { exact: false })).toBeVisible();
  const dose = await giveDose(cardA, page, /Morphine/);
  await expect(dose.getByTestId('visit-dose-queued')).toBeVisible();
  // the phone's dose guard counts the queued dose: a second one now is refused at once
  await dose.getByRole('button', { name: 'Record the dose given now' }).click();
  await expect(dose.getByTestId('visit-dose-refused')).toBeVisible();
  await cardA.getByLabel('What was done').fill('Breakthrough dose given, pain reviewed');
  await cardA.getByRole('button', { name: 'Finish the visit' }).click();
  await expect(cardA.getByTestId('my-visit-status')).toHaveText('Completed');
  await expect(page.getByTestId('status-waiting')).toContainText('5 records waiting');
  await shot(page, 'field-offline-waiting');

  // a reload offline keeps everything
  await page.reload();
  await expect(page.getByTestId('status-waiting')).toContainText('5 records waiting');
  await expect(cardA.getByTestId('my-visit-status')).toHaveText('Completed');

  // logging out with work on the phone asks first; she stays
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByTestId('logout-warning')).toBeVisible();
  await shot(page, 'field-logout-warning', false);
  await page.getByRole('button', { name: 'Stay and send' }).click();
  await expect(page).toHaveURL(/\/app\/my-day/);

  // --- the line comes back: each record reaches the server exactly once
  await context.setOffline(false);
  await expect(page.getByTestId('status-synced')).toBeVisible({ timeout: 30_000 });
  const visit = (await (await nurseApi.get(`/api/v1/visits/${visitA}`)).json()) as {
    status: string;
    notes: { done: string }[];
  };
  expect(visit.status).toBe('completed');
  expect(visit.notes.map((n) => n.done)).toEqual(['Breakthrough dose given, pain reviewed']);
  const recorded = (
    (await (await nurseApi.get(`/api/v1/patients/${patientId}/assessments?limit=200`)).json()) as {
      items: { visitId: string | null; instrument: string }[];
    }
  ).items.filter((a) => a.visitId === visitA);
  expect(recorded.map((a) => a.instrument)).toEqual(['esas_r']);
  expect((await chartGiven(morphine)).map((e) => e.status)).toEqual(['given']);

  // --- a queued dose the server refuses: someone else gives the same medicine meanwhile
  const paracetamol = await prescribe(prn('paracetamol', 'Paracetamol 500 mg tablets', 'tablet', 1000));
  const visitB = await book('Second visit (journey)');
  await page.reload();
  const cardB = page.locator(`[data-visit-id="${visitB}"]`);
  await expect(cardB.getByTestId('visit-field-info')).toBeVisible({ timeout: 20_000 });
  await context.setOffline(true);
  await expect(page.getByTestId('status-offline')).toBeVisible();
  const doseB = await giveDose(await walkIn(page, visitB), page, /Paracetamol/);
  await expect(doseB.getByTestId('visit-dose-queued')).toBeVisible();
  const other = await nurseApi.post(`/api/v1/patients/${patientId}/administrations`, {
    headers: nurse.headers,
    data: { prescriptionId: paracetamol, doseAmount: 1000, doseUnit: 'mg' },
  });
  expect(((await other.json()) as { status: string }).status).toBe('given');
  await context.setOffline(false);
  await expect(page.getByTestId('status-attention')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('status-attention').getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('held-command')).toHaveCount(1);
  await expect(page.getByTestId('held-command')).toContainText('Paracetamol');
  await shot(page, 'field-needs-attention');
  expect((await chartGiven(paracetamol)).map((e) => e.status).sort()).toEqual(['given', 'refused']);

  // --- the session ends while the phone is offline; logging in again sends the queue
  await context.setOffline(true);
  await cardB.getByLabel('What was done').fill('Second visit notes, written offline');
  await cardB.getByRole('button', { name: 'Finish the visit' }).click();
  await expect(page.getByTestId('status-waiting')).toBeVisible();
  await context.clearCookies();
  await context.setOffline(false);
  await page.reload();
  await expect(page).toHaveURL(/\/login/, { timeout: 30_000 });
  await page.locator('input[type="email"]').fill('nurse@demo.hearth.local');
  await page.locator('input[type="password"]').fill(process.env.HEARTH_DEMO_PASSWORD ?? 'demo-password-1');
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByTestId('status-synced')).toBeVisible({ timeout: 30_000 });
  const second = (await (await nurseApi.get(`/api/v1/visits/${visitB}`)).json()) as { status: string };
  expect(second.status).toBe('completed');
  await context.close();
});

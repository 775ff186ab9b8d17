import { join } from 'node:path';
import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { apiLogin, logIn, phone, shot } from './helpers.ts';

/** Today in the service's time zone (the demo is in Minsk), whatever the machine's zone. */
const minskToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Minsk',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
const minskNow = () =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Minsk',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/**
 * The day whose board the coordinator works on. The week's plan only fills today from now on and
 * within the families' preferred hours, so from midday on (Minsk time) the journey uses the next
 * working day, which the demo rota always staffs; the urgent visit and the nurse's visit are today.
 */
function boardDay(today: string): string {
  if (Number(minskNow().slice(0, 2)) < 12 && weekday(today) !== 0 && weekday(today) !== 6) return today;
  let d = nextDay(today);
  while (weekday(d) === 0 || weekday(d) === 6) d = nextDay(d);
  return d;
}

async function session(request: APIRequestContext, role: string) {
  const me = await apiLogin(request, role);
  return { ...me, headers: { 'x-csrf-token': me.csrfToken } };
}

async function person(browser: Browser, viewport = { width: 1400, height: 950 }) {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/Minsk' });
  await context.addInitScript("localStorage.setItem('hearth.language', 'en');");
  return { context, page: await context.newPage() };
}

/**
 * Issue 5 journey: the coordinator plans the week and publishes it, moves a visit by drag and
 * drop, dispatches an urgent visit; the nurse sees her day on a phone and completes a visit,
 * with the form surviving a reload and a lost connection.
 */
test('plan the week, dispatch, and finish a visit on the phone', async ({ browser, playwright, baseURL }) => {
  // a long journey on a shared machine: planning, moves, an urgent visit from an alert, the phone
  test.setTimeout(300_000);
  const today = minskToday();
  // Set-up the journey does not cover: a short planner budget, and the team on shift for the
  // rest of today whatever the hour (the demo rota is 08:00–17:00 on weekdays).
  const adminApi = await playwright.request.newContext({ baseURL });
  const admin = await session(adminApi, 'admin');
  expect(
    (
      await adminApi.patch('/api/v1/settings', {
        headers: admin.headers,
        data: { planningTimeLimitSeconds: 3 },
      })
    ).status(),
  ).toBe(200);
  const api = await playwright.request.newContext({ baseURL });
  const coordinator = await session(api, 'coordinator');
  const staff = (await (await adminApi.get('/api/v1/staff?limit=200')).json()).items as {
    id: string;
    role: string;
    status: string;
  }[];
  const rota = (await (await api.get(`/api/v1/rota?from=${today}&to=${nextDay(today)}`)).json()) as {
    id: string;
    staffId: string;
  }[];
  // only active staff work shifts (the admin journey may have left an invited or deactivated one)
  for (const s of staff.filter(
    (x) => x.status === 'active' && (x.role === 'nurse' || x.role === 'physician'),
  )) {
    for (const shift of rota.filter((r) => r.staffId === s.id))
      await api.delete(`/api/v1/rota/shifts/${shift.id}`, { headers: coordinator.headers });
    // and tomorrow too: a journey run just before midnight (Minsk) dispatches on the next day
    for (const date of [today, nextDay(today)]) {
      const added = await api.post('/api/v1/rota/shifts', {
        headers: coordinator.headers,
        data: { staffId: s.id, date, start: '00:00', end: '23:59' },
      });
      expect(added.status()).toBe(201);
    }
  }
  const familyApi = await playwright.request.newContext({ baseURL });
  const familyPatient = (await apiLogin(familyApi, 'family')).linkedPatientIds[0]!;

  // --- the coordinator ---
  const { context, page } = await person(browser);
  await logIn(page, 'coordinator');
  await page.getByRole('link', { name: 'Dispatch' }).click();
  await expect(page.getByRole('heading', { name: 'Dispatch board' })).toBeVisible();
  const day = boardDay(today);
  if (day !== today) await page.getByTestId('board-date').fill(day);
  await expect(page.getByRole('heading', { name: day, exact: true })).toBeVisible();
  await page.getByRole('button', { name: /Plan the week/ }).click();
  await expect(page.getByText(/Planning…/)).toBeVisible();
  const preview = page.getByTestId('plan-preview');
  await expect(preview).toBeVisible({ timeout: 60_000 });
  await expect(preview.getByTestId('measure-planned')).toContainText('/');
  // the week's capacity by discipline and day is shown beside the plan
  await expect(
    preview.getByTestId('capacity').getByRole('columnheader', { name: 'On the rota' }),
  ).toBeVisible();
  await expect(preview.getByTestId('capacity').getByRole('cell', { name: 'Nurse' }).first()).toBeVisible();
  await shot(page, 'dispatch-plan-preview', false);
  await page.getByTestId('plan-publish').click();
  await expect(page.getByTestId('plan-published')).toBeVisible({ timeout: 60_000 });

  // drag the last visit of one nurse to another nurse
  const routes = page.getByTestId('board-route');
  const withStops = routes.filter({ has: page.getByTestId('board-stop') });
  await expect(withStops.first()).toBeVisible({ timeout: 20_000 });
  const nurseRoutes = page
    .locator('[data-testid="board-route"][data-role="nurse"]')
    .filter({ has: page.getByTestId('board-stop') });
  expect(await nurseRoutes.count()).toBeGreaterThanOrEqual(2);
  const from = nurseRoutes.nth(0);
  const to = nurseRoutes.nth(1);
  const toStaff = await to.getAttribute('data-staff-id');
  // the first stops: a full day's routes are taller than the window, and a drag that has to
  // scroll the page on the way loses its drop
  const visitId = await from.getByTestId('board-stop').first().getAttribute('data-stop');
  await from.scrollIntoViewIfNeeded();
  // the board may refresh from a live event while the pointer moves: drag again until it lands
  const target = page.locator(`[data-staff-id="${toStaff}"]`);
  // a drop only previews the move: new times, people affected and warnings, nothing saved yet
  await expect(async () => {
    await page.locator(`[data-stop="${visitId}"]`).dragTo(target.getByTestId('board-stop').first());
    await expect(page.getByTestId('move-preview')).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('move-preview')).toContainText('What changes');
  await shot(page, 'dispatch-move-preview', false);
  await expect(from.locator(`[data-stop="${visitId}"]`)).toBeVisible();
  await page.getByTestId('move-confirm').click();
  await expect(target.locator(`[data-stop="${visitId}"]`)).toBeVisible();
  await expect(page.getByTestId('route-map')).toBeVisible();
  await expect(page.getByTestId('route-legend')).toContainText('Base');
  await shot(page, 'dispatch-board-after-move');
  // undo puts it back with the first nurse
  await page.getByTestId('move-undo').click();
  await expect(page.getByTestId('move-done')).toContainText('undone');
  await expect(
    page.locator(`[data-staff-id="${await from.getAttribute('data-staff-id')}"] [data-stop="${visitId}"]`),
  ).toBeVisible();

  // the keyboard way: open the stop's "Move to…" menu, pick the other nurse, confirm the preview
  const fromStaff = await from.getAttribute('data-staff-id');
  const toName = await to.getAttribute('data-staff-name');
  const menuButton = page.locator(`[data-stop="${visitId}"]`).getByRole('button', { name: /^Move / });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: `${toName}, same day` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('move-preview')).toBeVisible();
  await page.getByTestId('move-confirm').press('Enter');
  await expect(target.locator(`[data-stop="${visitId}"]`)).toBeVisible();
  expect(await page.locator(`[data-staff-id="${fromStaff}"] [data-stop="${visitId}"]`).count()).toBe(0);

  // --- an urgent visit sent from an alert ---
  // Set-up the journey does not cover: the family's patient has one nurse visit today (the demo
  // books one; the week's plan or an earlier journey may have left none or a second one), and the
  // family reports on the phone that breathing is suddenly much worse, which raises an alert.
  const visitDay = minskToday();
  const openNurseVisits = async () =>
    (
      (await (
        await api.get(`/api/v1/patients/${familyPatient}/visits?from=${visitDay}&to=${visitDay}`)
      ).json()) as { id: string; discipline: string; status: string; start: string | null }[]
    )
      .filter((v) => v.discipline === 'nurse' && (v.status === 'scheduled' || v.status === 'requested'))
      .sort((a, b) => (a.start ?? '99').localeCompare(b.start ?? '99'));
  const nurseOnShift = staff.find((s) => s.status === 'active' && s.role === 'nurse')!;
  let regular = (await openNurseVisits())[0]?.id;
  if (!regular) {
    const requested = await api.post(`/api/v1/patients/${familyPatient}/visits`, {
      headers: coordinator.headers,
      data: { discipline: 'nurse', date: visitDay, reason: 'Regular nurse visit (journey)' },
    });
    expect(requested.status()).toBe(201);
    regular = ((await requested.json()) as { id: string }).id;
    const later = Math.min(Number(minskNow().slice(0, 2)) + 2, 22);
    const booked = await api.post(`/api/v1/visits/${regular}/schedule`, {
      headers: coordinator.headers,
      data: { staffId: nurseOnShift.id, date: visitDay, start: `${String(later).padStart(2, '0')}:00` },
    });
    expect(booked.status()).toBe(200);
  }
  for (const extra of (await openNurseVisits()).filter((v) => v.id !== regular))
    expect(
      (
        await api.post(`/api/v1/visits/${extra.id}/transition`, {
          headers: coordinator.headers,
          data: { to: 'cancelled', reason: 'Journey set-up: one nurse visit today' },
        })
      ).status(),
    ).toBe(200);
  const familyMe = await apiLogin(familyApi, 'family');
  const scale = (
    (await (await familyApi.get(`/api/v1/patients/${familyPatient}/diary`)).json()) as {
      scale: 'esas_r' | 'faces';
    }
  ).scale;
  const diary = await familyApi.post(`/api/v1/patients/${familyPatient}/diary`, {
    headers: { 'x-csrf-token': familyMe.csrfToken },
    data: { instrument: scale, answers: {}, flags: { breathingSuddenlyWorse: true } },
  });
  expect(diary.status()).toBe(201);
  const alertId = (
    (await (await api.get('/api/v1/alerts?status=active&limit=200')).json()).items as {
      id: string;
      patientId: string;
    }[]
  ).find((a) => a.patientId === familyPatient)!.id;

  // the coordinator finds the alert in the inbox and presses "Send a visit"
  await page.goto('/app/alerts');
  const alertCard = page
    .getByTestId('alert-card')
    .filter({ has: page.locator(`a[href*="alert=${alertId}"]`) });
  await expect(alertCard).toBeVisible();
  await alertCard.getByTestId('alert-send-visit').click();
  await expect(page.getByRole('heading', { name: 'Dispatch board' })).toBeVisible();
  await expect(page.getByRole('heading', { name: visitDay, exact: true })).toBeVisible();
  const patientStops = page.locator(`[data-testid="board-stop"][data-patient-id="${familyPatient}"]`);
  await expect(patientStops.and(page.locator(`[data-stop="${regular}"]`))).toHaveCount(1);
  const stopsBefore = await patientStops.count();
  // the patient comes from the alert: the panel names them and asks only who should go and why
  const urgent = page.getByTestId('urgent-dispatch');
  await expect(urgent.getByTestId('urgent-patient')).toHaveCount(0);
  const patientName = await (async () => {
    const p = (await (await api.get(`/api/v1/patients/${familyPatient}`)).json()) as {
      lastName: string;
      firstName: string;
    };
    return `${p.lastName} ${p.firstName}`;
  })();
  await expect(urgent.getByTestId('urgent-for')).toContainText(patientName);
  await urgent.getByTestId('urgent-reason').fill('Breathing suddenly much worse');
  await urgent.getByRole('button', { name: 'Show the change' }).click();
  await expect(urgent.getByTestId('urgent-preview')).toContainText('arrives about', { timeout: 30_000 });
  // the urgent alert wants an answer within the hour: the preview says whether the visit makes it
  await expect(urgent.getByTestId('urgent-timing')).toContainText('the alert’s answer-by time');
  // the visit already booked today moves to the urgent time, not doubled
  const sameDay = urgent.getByTestId('urgent-same-day');
  await expect(sameDay).toHaveAttribute('data-merged', 'true');
  await expect(sameDay).toContainText('The urgent visit takes its place');
  await expect(sameDay).toContainText('not doubled');
  await shot(page, 'dispatch-urgent-from-alert-preview', false);
  await urgent.getByTestId('urgent-accept').click();
  await expect(urgent.getByTestId('urgent-accepted')).toContainText('The alert is marked as answered');
  // the board shows that visit once, now urgent, and no second visit for the patient
  const merged = page.locator(`[data-stop="${regular}"]`);
  await expect(merged).toHaveAttribute('data-kind', 'urgent');
  await expect(merged.getByTestId('stop-urgent')).toHaveText('Urgent');
  await expect(patientStops).toHaveCount(stopsBefore);
  await expect(page.locator('[data-stop="urgent"]')).toHaveCount(0);
  const mergedRoute = page.getByTestId('board-route').filter({ has: merged });
  await mergedRoute.scrollIntoViewIfNeeded();
  const screenshots = join(import.meta.dirname, '..', 'screenshots');
  await mergedRoute.screenshot({ path: join(screenshots, 'dispatch-urgent-from-alert-route.png') });
  // the same in Russian
  const language = (lang: string) => page.locator('label', { has: page.locator(`span[lang="${lang}"]`) });
  await language('ru').click();
  await expect(urgent.getByTestId('urgent-accepted')).toContainText('Тревога отмечена как отработанная');
  await expect(sameDay).toContainText('второй не назначается');
  await expect(urgent.getByTestId('urgent-timing')).toContainText('срок');
  await expect(merged.getByTestId('stop-urgent')).toHaveText('Срочный');
  await shot(page, 'dispatch-urgent-from-alert-ru', false);
  await mergedRoute.scrollIntoViewIfNeeded();
  await mergedRoute.screenshot({ path: join(screenshots, 'dispatch-urgent-from-alert-route-ru.png') });
  await language('en').click();
  await expect(urgent.getByTestId('urgent-accepted')).toContainText('The alert is marked as answered');
  // and the alert is answered: who goes, about when, and why
  await urgent.getByTestId('urgent-back-to-alerts').click();
  await expect(page.getByRole('heading', { name: 'Alerts inbox' })).toBeVisible();
  await expect(alertCard).toHaveCount(0);
  await page.getByLabel('Resolved').check({ force: true });
  await expect(alertCard).toHaveCount(0);
  const answered = page
    .getByTestId('alert-card')
    .filter({ hasText: 'Breathing suddenly much worse' })
    .first();
  await expect(answered).toContainText('Urgent visit requested');
  const visit = (await (await api.get(`/api/v1/visits/${regular}`)).json()) as {
    kind: string;
    start: string;
  };
  expect(visit.kind).toBe('urgent');
  await expect(answered).toContainText(`~${visit.start}: Breathing suddenly much worse`);
  await shot(page, 'alert-answered-with-urgent-visit', false);
  await context.close();

  // --- the nurse, on a phone ---
  // Her visit for today is booked by the coordinator now, starting now, so the phone part does
  // not depend on what the week's plan left for the rest of the day.
  const nurseApi = await playwright.request.newContext({ baseURL });
  const nurseId = (await apiLogin(nurseApi, 'nurse')).id;
  // the day read before the urgent visit: a journey that crosses midnight (Minsk) on the way books
  // the phone's visit on the day the rota was set for
  const booked = await api.post(`/api/v1/patients/${familyPatient}/visits`, {
    headers: coordinator.headers,
    data: { discipline: 'nurse', kind: 'one_off', date: visitDay, reason: 'Dressing change (journey)' },
  });
  expect(booked.status()).toBe(201);
  const myVisit = ((await booked.json()) as { id: string }).id;
  const scheduled = await api.post(`/api/v1/visits/${myVisit}/schedule`, {
    headers: coordinator.headers,
    data: { staffId: nurseId, date: visitDay, start: minskNow() },
  });
  expect(scheduled.status()).toBe(200);

  const nurse = await person(browser, phone);
  await nurse.context.grantPermissions(['geolocation']);
  await nurse.context.setGeolocation({ latitude: 53.9, longitude: 27.56 });
  const np = nurse.page;
  await logIn(np, 'nurse');
  await expect(np).toHaveURL(/\/app/);
  await np.getByRole('button', { name: 'Menu' }).click();
  await np.getByRole('link', { name: 'My day' }).click();
  await expect(np.getByRole('heading', { name: 'My day' })).toBeVisible();
  const mine = np.locator(`[data-visit-id="${myVisit}"]`);
  await expect(mine.getByTestId('my-visit-status')).toHaveText('Scheduled');
  await shot(np, 'my-day-phone');
  await mine.getByRole('button', { name: 'I am on the way' }).click();
  await expect(mine.getByTestId('my-visit-status')).toHaveText('On the way');
  await mine.getByRole('button', { name: 'I have arrived' }).click();
  await expect(mine.getByTestId('my-visit-status')).toHaveText('Checked in');
  await expect(np.getByTestId('status-synced')).toBeVisible();
  await mine.getByRole('button', { name: 'Finish the visit' }).click();
  await expect(mine.getByTestId('visit-assessments')).toBeVisible();
  // a PPS recorded inside the visit is listed under this visit (matched by the visit's id)
  const atVisit = mine.getByTestId('visit-assessments');
  await atVisit.getByRole('button', { name: 'Record an assessment' }).click();
  await atVisit.getByLabel('Assessment', { exact: true }).selectOption('pps');
  await atVisit.getByLabel('PPS level').selectOption('50');
  await shot(np, 'visit-assessment-recorder-phone');
  await atVisit.getByRole('button', { name: 'Save' }).click();
  await expect(atVisit.getByTestId('visit-assessment')).toHaveCount(1);
  await expect(atVisit.getByTestId('visit-assessment')).toContainText('PPS');
  await mine.getByLabel('What was done').fill('Pressure care, dressing changed');
  await shot(np, 'my-day-visit-form');

  // the draft survives a reload; the service worker now controls the page
  await np.reload();
  await expect(mine.getByLabel('What was done')).toHaveValue('Pressure care, dressing changed');
  await expect.poll(() => np.evaluate('Boolean(navigator.serviceWorker.controller)')).toBe(true);

  // the connection is lost while the form is being filled, and the phone reloads the app offline
  await nurse.context.setOffline(true);
  await mine.getByLabel('What the family was taught').fill('Turning every two hours');
  await mine.getByLabel('Next steps').fill('Check the sacrum again on Thursday');
  await np.reload();
  await expect(np.getByTestId('status-offline')).toBeVisible();
  await expect(mine.getByLabel('What was done')).toHaveValue('Pressure care, dressing changed');
  await expect(mine.getByLabel('What the family was taught')).toHaveValue('Turning every two hours');
  await mine.getByRole('button', { name: 'Finish the visit' }).click();
  await expect(np.getByTestId('status-waiting')).toBeVisible();
  await expect(mine.getByTestId('my-visit-status')).toHaveText('Completed');
  await shot(np, 'my-day-phone-offline');

  // the line comes back: the outbox sends the visit and the server has the record
  await nurse.context.setOffline(false);
  await expect(np.getByTestId('status-synced')).toBeVisible({ timeout: 30_000 });
  const done = await (await nurseApi.get(`/api/v1/visits/${myVisit}`)).json();
  expect(done.status).toBe('completed');
  expect(done.notes[0].done).toBe('Pressure care, dressing changed');
  expect(done.notes[0].taught).toBe('Turning every two hours');
  expect(done.notes[0].nextSteps).toBe('Check the sacrum again on Thursday');

  // the patient page shows the visit's documentation, folded until opened
  await np.goto(`/app/patients/${familyPatient}`);
  const visitRow = np
    .getByTestId('patient-visit')
    .filter({ hasText: visitDay })
    .filter({ hasText: 'Completed' })
    .first();
  await visitRow.getByRole('button').first().click();
  await expect(visitRow.getByTestId('visit-note')).toContainText('Turning every two hours');
  await visitRow.screenshot({
    path: join(import.meta.dirname, '..', 'screenshots', 'patient-visit-record-phone.png'),
  });
  await Promise.all([
    nurse.context.close(),
    api.dispose(),
    adminApi.dispose(),
    familyApi.dispose(),
    nurseApi.dispose(),
  ]);
});

import { expect, request as playwrightRequest, test } from '@playwright/test';
import { demoEmail, demoPassword } from './demo.ts';
import { logIn, newPerson, phone, serviceClockInput, shot } from './helpers.ts';

/**
 * Issue 4, on call: the coordinator adds a shift to the rota, the on-call physician writes the
 * handover for the next shift and logs an inbound call ("the family called the ambulance first")
 * linked to the patient's open alert; the call log makes that call stand out and filters it.
 */
test('coordinator edits the rota, the on-call physician writes a handover and logs a call linked to an alert', async ({
  browser,
  baseURL,
}) => {
  // set-up the journey does not cover: the family's diary raises an open alert for the patient
  const api = await playwrightRequest.newContext({ baseURL: baseURL! });
  const login = await api.post('/api/v1/auth/login', {
    data: { email: demoEmail('family'), password: demoPassword },
  });
  const family = (await login.json()) as { csrfToken: string; linkedPatientIds: string[] };
  const patientId = family.linkedPatientIds[0]!;
  const diary = await api.post(`/api/v1/patients/${patientId}/diary`, {
    headers: { 'x-csrf-token': family.csrfToken },
    data: { instrument: 'esas_r', answers: { pain: 9 }, coping: 'struggling' },
  });
  expect(diary.status()).toBe(201);

  // the coordinator adds a backup night shift this week
  const coordinator = await newPerson(browser, { language: 'en' });
  await logIn(coordinator.page, 'coordinator');
  await expect(coordinator.page).toHaveURL(/\/app/);
  await coordinator.page.goto('/app/on-call');
  await expect(coordinator.page.getByRole('heading', { name: 'On-call rota', level: 1 })).toBeVisible();
  await expect(coordinator.page.getByTestId('oncall-now')).toContainText('First on call');
  const shifts = coordinator.page.getByTestId('rota-shift');
  await expect(shifts.first()).toBeVisible();
  const before = await shifts.count();
  const person = coordinator.page.getByTestId('shift-person');
  // physicians are listed first: take the first person on the list
  const firstPerson = await person.locator('option').nth(1).getAttribute('value');
  await person.selectOption(firstPerson!);
  await coordinator.page.getByTestId('shift-position').selectOption('backup');
  await coordinator.page.getByTestId('preset-night').click();
  // the preset night is 20:00 to 08:00 on the service's clock (Minsk), not this machine's UTC
  await expect(coordinator.page.getByTestId('shift-start')).toHaveValue(/T20:00$/);
  await expect(coordinator.page.getByTestId('shift-end')).toHaveValue(/T08:00$/);
  await coordinator.page.getByTestId('shift-add').click();
  await expect(shifts).toHaveCount(before + 1);
  await shot(coordinator.page, 'oncall-rota-coordinator');
  await coordinator.context.close();

  // the on-call physician (Russian) writes the handover for the next shift
  const doctor = await newPerson(browser, { language: 'ru' });
  await logIn(doctor.page, 'physician');
  await expect(doctor.page).toHaveURL(/\/app/);
  await doctor.page.goto('/app/on-call');
  await expect(doctor.page.getByRole('heading', { name: 'Дежурства', level: 1 })).toBeVisible();
  const handover = 'Пациентка с болью 9: схема изменена в 14:00, перезвонить семье к 20:00.';
  await doctor.page.getByTestId('handover-input').fill(handover);
  await doctor.page.getByTestId('handover-save').click();
  await expect(doctor.page.getByText('Передача сохранена.')).toBeVisible();
  await expect(doctor.page.getByTestId('handover-input')).toHaveValue(handover);
  await shot(doctor.page, 'oncall-handover-ru');

  // ... and logs the family's call, linked to the open alert
  await doctor.page.goto('/app/calls');
  await expect(doctor.page.getByRole('heading', { name: 'Журнал звонков', level: 1 })).toBeVisible();
  const patientSelect = doctor.page.getByTestId('call-patient');
  await patientSelect.selectOption(patientId);
  const alertSelect = doctor.page.getByTestId('call-alert');
  await expect(alertSelect.locator('option')).not.toHaveCount(1);
  const alertValue = await alertSelect.locator('option').nth(1).getAttribute('value');
  await alertSelect.selectOption(alertValue!);
  await doctor.page.getByTestId('call-caller-name').fill('Дочь пациентки');
  // the call came in ten minutes ago and was answered at once, typed on the service's clock
  const tenMinutesAgo = serviceClockInput(new Date(Date.now() - 10 * 60_000));
  await doctor.page.getByTestId('call-received').fill(tenMinutesAgo);
  await doctor.page.getByTestId('call-answered').fill(tenMinutesAgo);
  await doctor.page.getByTestId('call-reason').fill('Сильная боль, уже вызвали скорую');
  await doctor.page.getByTestId('call-outcome').selectOption('advice_given');
  await doctor.page.getByTestId('call-ambulance-first').check();
  await doctor.page.getByTestId('call-save').click();
  await expect(doctor.page.getByText('Звонок записан.')).toBeVisible();
  const entry = doctor.page.getByTestId('call-entry').first();
  await expect(entry).toContainText('Сильная боль, уже вызвали скорую');
  await expect(entry.getByTestId('call-ambulance-badge')).toBeVisible();
  await expect(entry).toContainText('Открыть оповещение');
  await doctor.page.getByTestId('calls-filter-ambulance').check({ force: true });
  await expect(doctor.page.getByTestId('call-entry').first()).toHaveAttribute('data-ambulance-first', 'true');
  await shot(doctor.page, 'oncall-call-log-ru');

  // the follow-up task the severe symptom created is on the task list, linked to the patient
  await doctor.page.goto('/app/tasks');
  await doctor.page.getByText('Все пациенты').click();
  await expect(doctor.page.getByTestId('task-card').first()).toBeVisible();
  await shot(doctor.page, 'oncall-tasks-ru');

  // notifications are in Russian, rendered from their kind
  await doctor.page.goto('/app/notifications');
  await expect(doctor.page.getByText(/Срочное оповещение|Оповещение передано вам/).first()).toBeVisible();
  await shot(doctor.page, 'oncall-notifications-ru');
  await doctor.context.close();

  // the family, on a phone, is told to call the service before an ambulance, with its number
  const relative = await newPerson(browser, { language: 'ru', viewport: phone });
  await logIn(relative.page, 'family');
  await expect(relative.page).toHaveURL(/\/portal\/patients\//);
  await expect(relative.page.getByText(/сначала позвоните нам, до вызова скорой/)).toBeVisible();
  await expect(relative.page.getByTestId('portal-call')).toHaveAttribute('href', /^tel:\+?\d+/);
  await shot(relative.page, 'oncall-portal-call-first-ru', false);
  await relative.page.getByRole('link', { name: 'Уведомления' }).click();
  await expect(relative.page.getByRole('heading', { name: 'Уведомления', level: 1 })).toBeVisible();
  await shot(relative.page, 'oncall-portal-notifications-ru');
  await relative.context.close();
  await api.dispose();
});

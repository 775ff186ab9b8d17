import { expect, request as playwrightRequest, test } from '@playwright/test';
import { demoEmail, demoPassword } from './demo.ts';
import { logIn, newPerson, phone, shot } from './helpers.ts';

const zbi12Items = [2, 3, 5, 6, 9, 10, 11, 12, 17, 19, 20, 21];

/** A separate API session (own cookies) for set-up the journey itself does not cover. */
async function apiAs(baseURL: string, role: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const res = await ctx.post('/api/v1/auth/login', {
    data: { email: demoEmail(role), password: demoPassword },
  });
  expect(res.status(), `login as ${role}`).toBe(200);
  const me = (await res.json()) as { csrfToken: string; linkedPatientIds: string[] };
  return { ctx, headers: { 'x-csrf-token': me.csrfToken }, me };
}

/**
 * Issue 7 journey on a phone: a family member opens the mattress guide, checks the duty roster,
 * answers the ZBI-12 with a high score, and the psychologist sees the referral with respite offered.
 */
test('family opens the mattress guide, checks the roster, a high ZBI-12 reaches the psychologist', async ({
  browser,
  baseURL,
}) => {
  // The organization loads its licensed ZBI-12 wording (test placeholders here, not the licensed text).
  const admin = await apiAs(baseURL!, 'admin');
  const wording = await admin.ctx.put('/api/v1/instruments/zbi12/wording', {
    headers: admin.headers,
    data: {
      locale: 'en',
      licenceNote: 'E2E placeholder wording',
      items: Object.fromEntries(zbi12Items.map((n) => [String(n), `Placeholder for licensed item ${n}`])),
    },
  });
  expect(wording.status()).toBe(200);
  // the free MCSI is the default; this organization holds a ZBI licence and chooses ZBI-12
  const chosen = await admin.ctx.patch('/api/v1/settings', {
    headers: admin.headers,
    data: { triage: { caregiverInstrument: 'zbi12' } },
  });
  expect(chosen.status()).toBe(200);
  await admin.ctx.dispose();

  const family = await newPerson(browser, { language: 'en', viewport: phone });
  await logIn(family.page, 'family');
  await expect(family.page).toHaveURL(/\/portal\/patients\//);

  // the duty roster: who is on today
  const roster = family.page.getByTestId('portal-roster');
  await roster.scrollIntoViewIfNeeded();
  await expect(roster.getByTestId('on-duty-today').first()).toContainText('Анна Ковалёва');
  await expect(roster).toContainText('Night');
  await roster.screenshot({ path: 'screenshots/home-roster-phone.png' });

  // the mattress guide
  const equipment = family.page.getByTestId('portal-equipment');
  await equipment.getByRole('button', { name: /Anti-bedsore mattress/ }).click();
  await expect(equipment.getByText('Keep the pump switched on day and night')).toBeVisible();
  await equipment.screenshot({ path: 'screenshots/home-mattress-guide-phone.png' });

  // the carer check-in with a high score
  const burden = family.page.getByTestId('portal-burden');
  await burden.getByRole('button', { name: 'Answer the questions' }).click();
  for (const n of zbi12Items) {
    const item = burden.getByTestId(`zbi-item-${n}`);
    await expect(item).toContainText(`Placeholder for licensed item ${n}`);
    await item.getByLabel('Quite often').check();
  }
  await shot(family.page, 'home-zbi-filled-phone', false);
  await burden.getByRole('button', { name: 'Send my answers' }).click();
  await expect(burden.getByTestId('burden-result')).toContainText(
    'A psychologist from the team will contact you',
  );
  await burden.scrollIntoViewIfNeeded();
  await burden.screenshot({ path: 'screenshots/home-zbi-sent-phone.png' });
  await family.context.close();

  // the psychologist sees the referral, with respite offered
  const psychologist = await newPerson(browser, { language: 'en' });
  await logIn(psychologist.page, 'psychologist');
  await expect(psychologist.page).toHaveURL(/\/app/);
  await psychologist.page.goto('/app/support');
  const referral = psychologist.page
    .getByTestId('referral')
    .filter({ hasText: 'Caregiver burden screening' })
    .first();
  await expect(referral).toBeVisible();
  await expect(referral).toContainText('Respite offered');
  await expect(referral).toContainText('36/48');
  await shot(psychologist.page, 'home-psychologist-referrals');
  await psychologist.context.close();
});

/** The advance care plan summary prints on one A4 page, in the organization's language (Russian in the demo). */
test('the advance care plan summary prints on one page', async ({ browser, baseURL }) => {
  const physician = await apiAs(baseURL!, 'physician');
  const fam = await apiAs(baseURL!, 'family');
  const patientId = fam.me.linkedPatientIds[0]!;
  await fam.ctx.dispose();
  const plan = await physician.ctx.post(`/api/v1/patients/${patientId}/advance-care-plan`, {
    headers: physician.headers,
    data: {
      preferredPlaceOfCare: 'home',
      preferredPlaceOfDeath: 'home',
      resuscitation: {
        decision: 'do_not_attempt_cpr',
        decidedOn: '2026-11-20',
        formLocation: 'На холодильнике, в красной папке',
        whoWasTold: 'Дочь, участковый терапевт, скорая помощь',
      },
      ceilingsOfTreatment: 'Без ИВЛ и реанимации; госпитализация только для контроля симптомов.',
      decisionMaker: { name: 'Анна Ковалёва', relationship: 'дочь', phone: '+375 29 111-22-33' },
      patientKnowsPrognosis: 'yes',
      familyKnowsPrognosis: 'partly',
      consentToShare: true,
      changeReason: 'Беседа с пациентом и дочерью',
    },
  });
  expect(plan.status()).toBe(201);
  await physician.ctx.dispose();

  const doctor = await newPerson(browser, { language: 'en' });
  await logIn(doctor.page, 'physician');
  await expect(doctor.page).toHaveURL(/\/app/);
  await doctor.page.goto(`/print/patients/${patientId}/acp`);
  const sheet = doctor.page.getByTestId('acp-sheet');
  // the organization's language, not the reader's English
  await expect(sheet).toContainText('НЕ ПРОВОДИТЬ СЛР');
  await expect(sheet).toContainText('На холодильнике, в красной папке');
  await doctor.page.emulateMedia({ media: 'print' });
  await expect(doctor.page.getByRole('button', { name: 'Печать' })).toBeHidden();
  await doctor.page.screenshot({ path: 'screenshots/home-acp-print.png', fullPage: true });
  const pdf = await doctor.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(1);
  await doctor.context.close();
});

import { join } from 'node:path';
import { type Browser, expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { demoEmail, demoPassword } from './demo.ts';
import { logIn, newPerson, serviceClockInput, shot } from './helpers.ts';

/** A patient of the demo service who is not the family portal's patient (other journeys use that one). */
async function pickPatient(baseURL: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const login = await ctx.post('/api/v1/auth/login', {
    data: { email: demoEmail('coordinator'), password: demoPassword },
  });
  expect(login.status()).toBe(200);
  const famCtx = await playwrightRequest.newContext({ baseURL });
  const fam = await famCtx.post('/api/v1/auth/login', {
    data: { email: demoEmail('family'), password: demoPassword },
  });
  const familyPatients = ((await fam.json()) as { linkedPatientIds: string[] }).linkedPatientIds;
  await famCtx.dispose();
  const list = await ctx.get('/api/v1/patients?status=active&limit=100');
  const items = ((await list.json()) as { items: { id: string; isChild: boolean; lastName: string }[] })
    .items;
  await ctx.dispose();
  const adults = items.filter((p) => !p.isChild && !familyPatients.includes(p.id));
  const patient = adults[adults.length - 1];
  expect(patient, 'an active adult patient').toBeTruthy();
  return patient!;
}

async function staff(browser: Browser, role: string) {
  const person = await newPerson(browser, { language: 'en' });
  await logIn(person.page, role);
  await expect(person.page).toHaveURL(/\/app/);
  return person;
}

const pic = (name: string) => ({ path: join(import.meta.dirname, '..', 'screenshots', `${name}.png`) });

/** `datetime-local` value a few hours ago on the service's clock (the demo organization is in Minsk). */
const hoursAgo = (h: number) => serviceClockInput(new Date(Date.now() - h * 3_600_000));

const openPatient = async (page: Page, id: string) => {
  await page.goto(`/app/patients/${id}`);
  await expect(page.getByTestId('acp-section')).toBeVisible();
};

/**
 * Issue 7, staff side of the end of life: the physician records the advance care plan and prints
 * it; the coordinator moves the patient to the inpatient hospice and reads the transfer summary;
 * the death is recorded and the home checklist ticked; a bereavement contact is recorded; the
 * social worker works the routing checklist.
 */
test('advance care plan, transfer to the hospice, death, bereavement and routing', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const patient = await pickPatient(baseURL!);

  // the physician records the plan, then changes it: a new version, the first one kept
  const doctor = await staff(browser, 'physician');
  await openPatient(doctor.page, patient.id);
  const acp = doctor.page.getByTestId('acp-section');
  await acp.getByRole('button', { name: /Record the plan|Edit the plan/ }).click();
  const form = acp.getByTestId('acp-form');
  await form.getByLabel('Preferred place of care').selectOption('home');
  await form.getByLabel('Preferred place of death', { exact: true }).selectOption('home');
  await form.getByLabel('Resuscitation (CPR) decision').last().selectOption('do_not_attempt_cpr');
  await form.getByLabel('Where the form is kept in the home').fill('В прихожей, в синей папке');
  await form.getByLabel('Who was told').fill('Сын, участковый терапевт');
  await form
    .getByLabel('Ceilings of treatment')
    .fill('Без ИВЛ; госпитализация только для контроля симптомов');
  await form.getByLabel('Name', { exact: true }).fill('Игорь Петров');
  await form.getByLabel('Relationship', { exact: true }).fill('сын');
  await form.getByLabel('Does the patient know the prognosis?').selectOption('yes');
  await form.getByLabel('Does the family know the prognosis?').selectOption('partly');
  await form.getByLabel(/consents to sharing/).check();
  // a do-not-attempt-CPR decision needs its date: refused until given
  await form.getByLabel('Why the plan is recorded or changed').fill('Беседа с пациентом и сыном');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('needs its date and where the form is kept')).toBeVisible();
  await form.getByLabel('Decided on').fill('2026-11-20');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(acp.getByTestId('acp-current')).toContainText('В прихожей, в синей папке');
  await acp.getByRole('button', { name: 'Edit the plan' }).click();
  await acp.getByLabel('Who was told').fill('Сын, участковый терапевт, скорая помощь');
  await acp.getByLabel('Why the plan is recorded or changed').fill('Сообщили скорой помощи');
  await acp.getByRole('button', { name: 'Save' }).click();
  await expect(acp.getByTestId('acp-current')).toContainText('скорая помощь');
  await expect(acp.getByTestId('acp-history')).toContainText('Беседа с пациентом и сыном');
  await acp.scrollIntoViewIfNeeded();
  await acp.screenshot(pic('eol-acp-section'));

  // the one-page summary, in the organization's language (Russian in the demo)
  await doctor.page.goto(`/print/patients/${patient.id}/acp`);
  const sheet = doctor.page.getByTestId('acp-sheet');
  await expect(sheet).toContainText('НЕ ПРОВОДИТЬ СЛР');
  await expect(sheet).toContainText('скорая помощь');
  await doctor.page.emulateMedia({ media: 'print' });
  await doctor.page.screenshot({ ...pic('eol-acp-print'), fullPage: true });
  const acpPdf = await doctor.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  expect(acpPdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
  await doctor.context.close();

  // the coordinator moves the patient to the inpatient hospice and reads the transfer summary
  const coordinator = await staff(browser, 'coordinator');
  await openPatient(coordinator.page, patient.id);
  const level = coordinator.page.getByTestId('care-level-section');
  await level.getByLabel(/Move to/).selectOption('inpatient_hospice');
  await level.getByLabel(/Reason/).fill('Боль не контролируется дома');
  await level.getByRole('button', { name: 'Record the move' }).click();
  const dialog = coordinator.page.getByRole('dialog');
  const summary = dialog.getByTestId('transfer-summary');
  await expect(summary).toContainText('DO NOT ATTEMPT CPR');
  await expect(summary).toContainText('В прихожей, в синей папке');
  await expect(summary).toContainText('Inpatient hospice');
  await dialog.screenshot(pic('eol-transfer-summary'));
  const printHref = await dialog
    .getByRole('link', { name: 'Print the transfer summary' })
    .getAttribute('href');
  await coordinator.page.keyboard.press('Escape');
  await expect(level.getByTestId('care-level-move')).toContainText('Home → Inpatient hospice');
  // and refers the family to the social worker
  const support = coordinator.page.getByTestId('support-section');
  await support.getByRole('button', { name: 'Refer' }).click();
  await support.getByLabel(/To whom/).selectOption('social_worker');
  await support.getByLabel(/Reason for the referral/).fill('Оформление инвалидности, транспорт до хосписа');
  await support.getByRole('button', { name: 'Send the referral' }).click();
  await expect(support.getByTestId('referral-social_worker')).toContainText('Оформление инвалидности');
  await shot(coordinator.page, 'eol-patient-page-coordinator');
  await coordinator.page.goto(printHref!);
  await expect(coordinator.page.getByTestId('transfer-sheet')).toContainText('Боль не контролируется дома');
  await coordinator.page.emulateMedia({ media: 'print' });
  await coordinator.page.screenshot({ ...pic('eol-transfer-print'), fullPage: true });
  const transferPdf = await coordinator.page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(transferPdf.length).toBeGreaterThan(1000);
  await coordinator.context.close();

  // the social worker works the routing checklist
  const social = await staff(browser, 'social-worker');
  await social.page.goto('/app/support');
  await social.page
    .getByTestId('referral')
    .filter({ hasText: 'Оформление инвалидности' })
    .getByRole('link')
    .click();
  const referral = social.page.getByTestId('referral-social_worker').first();
  await referral.getByRole('button', { name: 'Take on' }).click();
  await expect(referral).toContainText('Taken on by Галина Макарова');
  await expect(referral.getByTestId('referral-status')).toHaveText('In progress');
  const benefits = referral.getByTestId('routing-disability_benefits');
  await benefits.getByLabel(/Status/).selectOption('in_progress');
  await benefits.getByLabel(/Note/).fill('Документы поданы на МРЭК');
  await benefits.getByRole('button', { name: 'Save' }).click();
  await expect(benefits).toContainText('In progress');
  const transport = referral.getByTestId('routing-transport');
  await transport.getByLabel(/Status/).selectOption('done');
  await transport.getByRole('button', { name: 'Save' }).click();
  await expect(transport).toContainText('Done');
  await referral.getByLabel('New note').fill('Позвонила сыну, договорились о встрече в хосписе');
  await referral.getByRole('button', { name: 'Add the note' }).click();
  await expect(referral.getByTestId('case-note')).toContainText('договорились о встрече');
  await referral.scrollIntoViewIfNeeded();
  await referral.screenshot(pic('eol-routing'));
  await social.context.close();

  // the nurse records the death and ticks the checklist
  const nurse = await staff(browser, 'nurse');
  await openPatient(nurse.page, patient.id);
  const death = nurse.page.getByTestId('death-section');
  await death.getByRole('button', { name: 'Record the death' }).click();
  await death.getByLabel(/Date and time of death/).fill(hoursAgo(3));
  await death.getByLabel(/Place of death/).selectOption('inpatient_hospice');
  await death.getByLabel(/Verified by/).fill('Мария Соколова, медсестра');
  await death.getByLabel(/Date and time of verification/).fill(hoursAgo(2));
  await death.getByRole('button', { name: 'Record the death' }).click();
  await expect(death.getByTestId('death-preferred')).toContainText(
    'Not the preferred place (preferred: Home)',
  );
  // a death in the hospice: the ward certifies it and guides the family there, so the checklist
  // has no certification and no "at home after the death" guidance
  await expect(death.getByTestId('checklist-family_guidance')).toHaveCount(0);
  await expect(death.getByTestId('checklist-certification')).toHaveCount(0);
  for (const item of ['equipment_collection', 'notify_team']) {
    const row = death.getByTestId(`checklist-${item}`);
    await row.getByRole('button', { name: 'Done' }).click();
    await expect(row).toContainText('Done');
  }
  // controlled-drug disposal needs a second staff member's own account
  const drugs = death.getByTestId('checklist-controlled_drug_disposal');
  await drugs.getByRole('button', { name: 'Done' }).click();
  await expect(drugs.getByText('confirms this with their own account')).toBeVisible();
  await drugs.getByLabel('Their e-mail').fill(demoEmail('physician'));
  await drugs.getByLabel('Their password').fill(demoPassword);
  await drugs.getByLabel(/Note/).fill('Морфин 10 мг/мл — 4 ампулы уничтожены');
  await drugs.getByRole('button', { name: 'Done' }).click();
  await expect(drugs).toContainText(/Witnesses: .+, .+/);
  // the nurse hands the family's contacts to the social worker who knows them
  await death
    .getByLabel('Who contacts the family')
    .selectOption({ label: 'Галина Макарова — Social worker' });
  await death.getByTestId('death-close').click();
  await expect(death).toContainText('bereavement support is open');
  const firstContact = death.getByTestId('bereavement-first_contact');
  await expect(firstContact).toContainText('Owner: Галина Макарова');
  // one contact goes to the psychologist
  await firstContact.getByRole('button', { name: 'Reassign' }).click();
  await firstContact.getByLabel('New owner').selectOption({ label: 'Татьяна Павлова — Psychologist' });
  await firstContact.getByRole('button', { name: 'Hand over' }).click();
  await expect(firstContact).toContainText('Owner: Татьяна Павлова');
  await expect(death.getByTestId('bereavement-risk_assessment')).toContainText('Owner: Галина Макарова');
  await death.scrollIntoViewIfNeeded();
  await death.screenshot(pic('eol-death-section'));
  await nurse.context.close();

  // the psychologist records the first bereavement contact; the measures count the death
  const psychologist = await staff(browser, 'psychologist');
  await psychologist.page.goto('/app/bereavement');
  await expect(psychologist.page.getByTestId('measure-deaths')).toBeVisible();
  // died in the hospice although home was preferred; a plan was on record
  await expect(psychologist.page.getByTestId('measure-plan')).not.toContainText('0 of');
  await shot(psychologist.page, 'eol-bereavement-page');
  await openPatient(psychologist.page, patient.id);
  const first = psychologist.page.getByTestId('bereavement-first_contact');
  await first.getByRole('button', { name: 'Record the contact' }).click();
  await first
    .getByLabel(/What happened/)
    .fill('Позвонила сыну; похороны в пятницу; предложила встречу через неделю');
  await first.getByRole('button', { name: 'Record the contact' }).click();
  await expect(first).toContainText(/Done \d/);
  await expect(first).toContainText('похороны в пятницу');
  await first.screenshot(pic('eol-bereavement-contact'));
  await psychologist.context.close();

  // the same record in Russian, as the service's staff mostly read it
  const ru = await newPerson(browser, { language: 'ru' });
  await logIn(ru.page, 'physician');
  await expect(ru.page).toHaveURL(/\/app/);
  await ru.page.goto(`/app/patients/${patient.id}#death`);
  await expect(ru.page.getByTestId('death-preferred')).toContainText('Не в желаемом месте');
  await expect(ru.page.getByTestId('acp-section')).toContainText('План помощи на будущее');
  await shot(ru.page, 'eol-patient-page-ru');
  await ru.context.close();
});

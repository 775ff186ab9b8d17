import { expect, test } from '@playwright/test';
import { apiLogin, logIn, newPerson, phone, shot } from './helpers.ts';

/** Issue 2, journey (b): a family member sees only their patient; any other patient is not found. */
test('the family portal shows only the linked patient', async ({ browser, playwright, baseURL }) => {
  // Another patient's id, looked up as a coordinator (the family member could not learn it).
  const staffApi = await playwright.request.newContext({ baseURL });
  await apiLogin(staffApi, 'coordinator');
  const list = await (await staffApi.get('/api/v1/patients?limit=50')).json();
  const familyApi = await playwright.request.newContext({ baseURL });
  const family = await apiLogin(familyApi, 'family');
  await Promise.all([staffApi.dispose(), familyApi.dispose()]);
  const linked = family.linkedPatientIds[0];
  expect(linked).toBeTruthy();
  const other = (list.items as { id: string }[]).find((p) => !family.linkedPatientIds.includes(p.id));
  expect(other).toBeTruthy();

  const { context, page } = await newPerson(browser, { viewport: phone });
  await logIn(page, 'family');
  await expect(page).toHaveURL(new RegExp(`/portal/patients/${linked}$`));
  await expect(page.getByTestId('portal-patient-name')).toBeVisible();
  await expect(page.getByTestId('portal-call')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Родственники с доступом к порталу' })).toBeVisible();
  await shot(page, 'portal-phone-ru');

  // The staff workspace is not for families: it sends them back to the portal.
  await page.goto('/app/patients');
  await expect(page).toHaveURL(/\/portal/);

  // Someone else's patient answers "not found", exactly like an id that does not exist.
  await page.goto(`/portal/patients/${other!.id}`);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByTestId('portal-patient-name')).toHaveCount(0);
  await shot(page, 'portal-not-found-phone');

  // English works in the portal too, and the choice is remembered.
  await page.goto(`/portal/patients/${linked}`);
  await page.getByRole('radiogroup', { name: 'Язык' }).getByText(/^EN/).click();
  await expect(page.getByRole('heading', { name: 'Family members with portal access' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Family members with portal access' })).toBeVisible();
  await shot(page, 'portal-phone-en');
  await context.close();
});

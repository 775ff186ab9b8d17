import { expect, test } from '@playwright/test';
import { apiLogin, logIn, newPerson, phone, shot } from './helpers.ts';

/**
 * Issue 14, the family's side: a diary entry written without a connection is kept on the phone,
 * the family is told so, and it reaches the team exactly once when the connection returns.
 */
test('a diary entry written offline is kept on the phone and arrives once', async ({ browser, request }) => {
  const me = await apiLogin(request, 'family');
  const patientId = me.linkedPatientIds[0]!;
  const note = `Offline diary ${Date.now()}`;
  const entriesWith = async () => {
    const res = await request.get(`/api/v1/patients/${patientId}/diary`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { entries: { note?: string | null }[] };
    return body.entries.filter((e) => e.note === note).length;
  };

  const family = await newPerson(browser, { language: 'en', viewport: phone });
  await logIn(family.page, 'family');
  await expect(family.page).toHaveURL(/\/portal\/patients\//);
  await expect(family.page.getByTestId('diary-tiredness')).toBeVisible();

  await family.context.setOffline(true);
  await family.page.getByTestId('diary-tiredness').getByRole('button', { name: /: 4$/ }).click();
  await family.page.getByLabel('Anything else? (optional)').fill(note);
  await family.page.getByTestId('diary-send').click();
  await expect(family.page.getByTestId('diary-queued')).toContainText('Saved on the phone');
  await shot(family.page, 'portal-diary-offline', false);
  expect(await entriesWith()).toBe(0);

  await family.context.setOffline(false);
  await expect.poll(entriesWith, { timeout: 30_000 }).toBe(1);
  // the outbox has nothing left, and a second look still finds one entry
  await family.page.waitForTimeout(2000);
  expect(await entriesWith()).toBe(1);
  await family.context.close();
});

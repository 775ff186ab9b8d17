import { expect, test } from '@playwright/test';
import { logIn, newPerson, phone, shot } from './helpers.ts';

/**
 * Issue 4 journey: a family member records pain 8 on a phone → the on-call physician's inbox
 * shows it live (no reload) → the physician records "therapy adjusted" → the family sees the answer.
 */
test('family pain 8 reaches the on-call physician live and the answer comes back', async ({ browser }) => {
  const doctor = await newPerson(browser, { language: 'en' });
  await logIn(doctor.page, 'physician');
  await expect(doctor.page).toHaveURL(/\/app/);
  await doctor.page.goto('/app/alerts');
  await expect(doctor.page.getByRole('heading', { name: 'Alerts inbox' })).toBeVisible();
  const before = await doctor.page.getByTestId('alert-card').count();

  const family = await newPerson(browser, { language: 'en', viewport: phone });
  await logIn(family.page, 'family');
  await expect(family.page).toHaveURL(/\/portal\/patients\//);
  const pain = family.page.getByTestId('diary-pain');
  await expect(pain).toBeVisible();
  await pain.getByRole('button', { name: 'Pain: 8' }).click();
  await family.page.getByTestId('diary-tiredness').getByRole('button', { name: /: 5$/ }).click();
  await family.page.getByTestId('diary-coping-struggling').click();
  await shot(family.page, 'diary-phone-filled', false);
  await family.page.getByTestId('diary-send').click();
  await expect(family.page.getByTestId('diary-next')).toContainText(
    'A doctor will call you within 60 minutes',
  );
  await expect(family.page.getByTestId('diary-next')).toContainText('If breathing is suddenly much worse');
  await shot(family.page, 'diary-phone-sent');

  // the physician's open inbox updates by itself (SSE)
  const card = doctor.page.getByTestId('alert-card').filter({ hasText: 'Severe symptom' }).first();
  await expect(card).toBeVisible();
  await expect(doctor.page.getByTestId('alert-card')).toHaveCount(before + 1);
  await expect(card.getByTestId('alert-facts')).toContainText('Pain: 8 of 10');
  await expect(card).toContainText('Urgent');
  await shot(doctor.page, 'inbox-live-alert');

  await card.getByTestId('alert-resolve').click();
  await card.getByTestId('resolve-outcome').selectOption('therapy_adjusted');
  await card.getByLabel('Note for the team').fill('Breakthrough dose changed; review tomorrow.');
  await card
    .getByTestId('resolve-family-message')
    .fill('The doctor has changed the pain medicine. A nurse will visit tomorrow morning.');
  await card.getByTestId('resolve-save').click();
  await expect(doctor.page.getByTestId('alert-card')).toHaveCount(before);

  // the family's page shows the answer without a reload, and never the team's own note
  const answer = family.page.getByTestId('diary-answer').first();
  await expect(answer).toContainText('Therapy adjusted');
  await expect(answer).toContainText('The doctor has changed the pain medicine');
  await expect(family.page.getByText('Breakthrough dose changed')).toHaveCount(0);
  await answer.scrollIntoViewIfNeeded();
  await family.page.screenshot({ path: 'screenshots/diary-phone-answered.png' });
  await doctor.context.close();
  await family.context.close();
});

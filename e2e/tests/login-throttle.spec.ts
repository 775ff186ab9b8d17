import { expect, test } from '@playwright/test';
import { demoEmail, demoPassword } from './demo.ts';
import { newPerson, shot } from './helpers.ts';

/**
 * Issue 2, journey (c): five wrong passwords pause the account; the sixth attempt is refused
 * even with the right password, and the page says why. A role no other journey logs in as.
 */
test('five wrong passwords throttle the login', async ({ browser }) => {
  const { context, page } = await newPerson(browser, { language: 'en' });
  await page.goto('/login');
  const email = page.locator('input[type="email"]');
  const password = page.locator('input[type="password"]');
  const submit = page.locator('form button[type="submit"]');
  await email.fill(demoEmail('equipment-manager'));

  for (let attempt = 1; attempt <= 5; attempt++) {
    await password.fill(`wrong-password-${attempt}`);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await submit.click();
    expect([401, 429]).toContain((await answer).status());
  }
  await expect(page.getByTestId('login-wrong').or(page.getByTestId('login-throttled'))).toBeVisible();

  await password.fill(demoPassword);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await submit.click();
  expect((await answer).status()).toBe(429);
  await expect(page.getByTestId('login-throttled')).toContainText('Too many login attempts');
  await expect(page).toHaveURL(/\/login/);
  await shot(page, 'login-throttled-desktop');
  await context.close();
});

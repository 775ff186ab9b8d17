import { join } from 'node:path';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
} from '@playwright/test';
import { demoEmail, demoPassword } from './demo.ts';

export const phone = { width: 390, height: 844 };

/** The demo organization's zone: staff date-and-time fields read wall time on this clock. */
export const serviceZone = 'Europe/Minsk';

/** `datetime-local` value of an instant on the service's clock (not the browser's or this machine's). */
export const serviceClockInput = (at: Date) =>
  at.toLocaleString('sv-SE', { timeZone: serviceZone, hour12: false }).slice(0, 16).replace(' ', 'T');

/** A fresh browser context: its own cookies and storage, as a separate person's browser. */
export async function newPerson(
  browser: Browser,
  options: { language?: 'ru' | 'en'; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.language === 'en' ? 'en-GB' : 'ru-RU',
  });
  if (options.language) {
    // a script string: it runs in the page, where localStorage exists
    await context.addInitScript(
      `if (!localStorage.getItem('hearth.language')) localStorage.setItem('hearth.language', '${options.language}');`,
    );
  }
  const page = await context.newPage();
  return { context, page };
}

/** Logs in through the login page, as a person would. */
export async function logIn(page: Page, role: string, password = demoPassword) {
  await page.goto('/login');
  await page.locator('input[type="email"]').fill(demoEmail(role));
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

export async function shot(page: Page, name: string, fullPage = true) {
  // let fonts and transitions settle so the picture shows what a person sees
  await page.waitForTimeout(300);
  // a fixed header would otherwise be painted where the page happens to be scrolled
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(import.meta.dirname, '..', 'screenshots', `${name}.png`), fullPage });
}

/** An API session for set-up and look-ups the journey itself does not cover. */
export async function apiLogin(request: APIRequestContext, role: string) {
  const res = await request.post('/api/v1/auth/login', {
    data: { email: demoEmail(role), password: demoPassword },
  });
  expect(res.status(), `login as ${role}`).toBe(200);
  return (await res.json()) as { id: string; csrfToken: string; linkedPatientIds: string[] };
}

import { expect, test } from '@playwright/test';
import { logIn, newPerson, shot } from './helpers.ts';

/**
 * Issue 18: the administrator opens Reports in Russian, looks at the children only, opens the
 * late requests behind "called back within the deadline", and prints the monthly report for the
 * board (print media emulated and photographed).
 */
test('administrator reads the reports, drills down to late requests and prints the monthly report', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { context, page } = await newPerson(browser, { language: 'ru' });
  await logIn(page, 'admin');
  await expect(page).toHaveURL(/\/app/);

  await page.getByRole('link', { name: 'Отчёты' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Отчёты' })).toBeVisible();
  const onTime = page.getByTestId('measure-callbackOnTime');
  // the first report on a fresh server computes every measure: allow it time
  await expect(onTime.getByRole('heading', { name: 'Перезвонили в срок' })).toBeVisible({ timeout: 60_000 });
  await expect(onTime.getByText('Цель ≥ 90%').first()).toBeVisible();
  const allValue = await onTime.getByTestId('measure-value').textContent();
  await shot(page, 'reports-ru', false);

  // children only: the figure is recomputed for them
  await page.getByRole('radiogroup', { name: 'Пациенты' }).getByText('Дети', { exact: true }).click();
  await expect(page).toHaveURL(/age=child/);
  await expect(onTime.getByTestId('measure-value')).not.toHaveText(allValue ?? '', { timeout: 60_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Пациенты: Дети' })).toBeVisible();

  // the late requests behind the measure
  await onTime.getByRole('button', { name: 'Обращения с опозданием' }).click();
  const dialog = page.getByRole('dialog', { name: 'Перезвонили в срок: не выполнено' });
  await expect(dialog).toBeVisible();
  const rows = dialog.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'нет' }).first()).toBeVisible();
  await expect(dialog.getByText('Просмотр этого списка записывается в журнал аудита.')).toBeVisible();
  await shot(page, 'reports-drill-late-children', false);
  await dialog.getByRole('button', { name: 'Закрыть' }).click();

  // the monthly report for the board, in the organization's language
  await page.getByTestId('print-monthly').click();
  const sheet = page.getByTestId('monthly-report');
  await expect(sheet.getByRole('heading', { name: /Ежемесячный отчёт о качестве помощи/ })).toBeVisible();
  await expect(sheet.getByText('Пациенты: Дети · Район: Все районы')).toBeVisible();
  await expect(sheet.getByRole('cell', { name: 'Перезвонили в срок' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Печать' })).toBeHidden();
  await shot(page, 'reports-monthly-print');
  // one or two A4 pages: the printed PDF of the sheet
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
  await context.close();
});

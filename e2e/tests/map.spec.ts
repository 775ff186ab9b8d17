import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { apiLogin, logIn, shot } from './helpers.ts';

/**
 * Issues 13 and 15: with the organization's tile source set to a path on the service, the
 * coordinator sees the day's routes on a street map with a legend, and puts a patient's home on
 * the map by clicking and dragging the pin. The tiles are answered here from one small picture
 * (no tile server and no internet in the test), at the same address as the app, as in production
 * behind a reverse proxy.
 */
const tilePath = '/test-tiles/{z}/{x}/{y}.png';
const tilePicture = join(import.meta.dirname, '..', 'fixtures', 'tile.png');

/** A weekday three weeks ahead on the service's calendar: no other journey books visits there. */
function quietWeekday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Minsk' }).format(new Date());
  let d = new Date(Date.parse(`${today}T12:00:00Z`) + 21 * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function session(request: APIRequestContext, role: string) {
  const me = await apiLogin(request, role);
  return { headers: { 'x-csrf-token': me.csrfToken } };
}

/** A coordinator's browser whose tile requests are answered with the test picture. */
async function coordinatorWithTiles(browser: Browser): Promise<{ page: Page; tiles: () => number }> {
  // the service worker would fetch images itself, out of the page's request routing
  const context = await browser.newContext({
    viewport: { width: 1400, height: 950 },
    locale: 'en-GB',
    timezoneId: 'Europe/Minsk',
    serviceWorkers: 'block',
  });
  await context.addInitScript("localStorage.setItem('hearth.language', 'en');");
  let served = 0;
  await context.route('**/test-tiles/**', async (route) => {
    served++;
    await route.fulfill({ path: tilePicture, contentType: 'image/png' });
  });
  const page = await context.newPage();
  await logIn(page, 'coordinator');
  return { page, tiles: () => served };
}

test('routes on the street map with a legend, and a home placed with the pin', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(150_000);
  // set-up the journey does not cover: the tile source, and a day with two nurses' visits
  const adminApi = await playwright.request.newContext({ baseURL });
  const admin = await session(adminApi, 'admin');
  const saved = await adminApi.patch('/api/v1/settings', {
    headers: admin.headers,
    data: { travel: { mapTileUrl: tilePath, mapAttribution: 'Test tiles © Hearth' } },
  });
  expect(saved.status()).toBe(200);
  const api = await playwright.request.newContext({ baseURL });
  const coordinator = await session(api, 'coordinator');
  const nurses = (
    (await (await adminApi.get('/api/v1/staff?limit=200')).json()).items as {
      id: string;
      name: string;
      role: string;
      status: string;
    }[]
  ).filter((s) => s.role === 'nurse' && s.status === 'active');
  expect(nurses.length).toBeGreaterThanOrEqual(2);
  const summaries = (await (await api.get('/api/v1/patients?status=active&limit=200')).json()).items as {
    id: string;
  }[];
  const located: { id: string; coordinates: { lat: number; lon: number } | null; careSetting: string }[] = [];
  for (const s of summaries) {
    const p = await (await api.get(`/api/v1/patients/${s.id}`)).json();
    if (p.coordinates && p.careSetting === 'home') located.push(p);
    if (located.length === 4) break;
  }
  expect(located.length).toBe(4);
  const day = quietWeekday();
  const plan = [
    { patient: located[0]!, nurse: nurses[0]!, start: '09:00' },
    { patient: located[1]!, nurse: nurses[0]!, start: '11:00' },
    { patient: located[2]!, nurse: nurses[1]!, start: '10:00' },
  ];
  for (const v of plan) {
    const requested = await api.post(`/api/v1/patients/${v.patient.id}/visits`, {
      headers: coordinator.headers,
      data: { discipline: 'nurse', date: day, durationMinutes: 45, reason: 'Map journey visit' },
    });
    expect(requested.status()).toBe(201);
    const scheduled = await api.post(`/api/v1/visits/${(await requested.json()).id}/schedule`, {
      headers: coordinator.headers,
      data: { staffId: v.nurse.id, date: day, start: v.start },
    });
    expect(scheduled.status()).toBe(200);
  }

  // --- the coordinator: the day's routes on the street map ---
  const { page, tiles } = await coordinatorWithTiles(browser);
  await page.getByRole('link', { name: 'Dispatch' }).click();
  await expect(page.getByRole('heading', { name: 'Dispatch board' })).toBeVisible();
  await page.getByTestId('board-date').fill(day);
  await expect(page.getByRole('heading', { name: day, exact: true })).toBeVisible();
  const map = page.getByTestId('route-map');
  await expect(map).toHaveAttribute('data-map', 'tiles');
  await map.scrollIntoViewIfNeeded();
  await expect(map.locator('img.leaflet-tile-loaded').first()).toBeVisible();
  expect(tiles()).toBeGreaterThan(0);
  // one coloured line per route, one numbered marker per visit, and the base
  await expect(map.locator('path.route-line')).toHaveCount(2);
  await expect(map.locator('.route-stop')).toHaveCount(3);
  await expect(map.locator('.route-base')).toHaveCount(1);
  await expect(map.locator('.leaflet-control-attribution')).toHaveText('Test tiles © Hearth');
  const legend = page.getByTestId('route-legend-item');
  await expect(legend.filter({ hasText: `${nurses[0]!.name}: 2 visits` })).toHaveCount(1);
  await expect(legend.filter({ hasText: `${nurses[1]!.name}: 1 visit` })).toHaveCount(1);
  await shot(page, 'map-routes-with-legend');
  // Russian counts take their own plural forms
  const language = (lang: string) => page.locator('label', { has: page.locator(`span[lang="${lang}"]`) });
  await language('ru').click();
  await expect(legend.filter({ hasText: `${nurses[0]!.name}: 2 визита` })).toHaveCount(1);
  await expect(legend.filter({ hasText: `${nurses[1]!.name}: 1 визит` })).toHaveCount(1);
  await language('en').click();
  await expect(legend.filter({ hasText: `${nurses[1]!.name}: 1 visit` })).toHaveCount(1);

  // --- the coordinator: a patient's home placed on the map ---
  const patient = located[3]!;
  await page.goto(`/app/patients/${patient.id}`);
  await page.getByRole('button', { name: 'Edit details' }).click();
  const pinMap = page.getByTestId('pin-map');
  await expect(pinMap.locator('img.leaflet-tile-loaded').first()).toBeVisible();
  // no lookup service is set, so there is no lookup button to press in vain
  await expect(page.getByRole('button', { name: 'Look up the address' })).toHaveCount(0);
  const lat = page.getByLabel('Latitude');
  const lon = page.getByLabel('Longitude');
  await expect(lat).toHaveValue(String(patient.coordinates!.lat));
  const pin = pinMap.locator('.home-pin');
  await expect(pin).toBeVisible();
  // a click on the map puts the pin there: north-west of it is a smaller longitude, larger latitude
  await pinMap.scrollIntoViewIfNeeded();
  const box = (await pinMap.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.3);
  await expect(lat).not.toHaveValue(String(patient.coordinates!.lat));
  const clicked = { lat: Number(await lat.inputValue()), lon: Number(await lon.inputValue()) };
  expect(clicked.lon).toBeLessThan(patient.coordinates!.lon);
  expect(clicked.lat).toBeGreaterThan(patient.coordinates!.lat);
  // then the pin is dragged 80 pixels east
  const at = (await pin.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width / 2 + 40, at.y + at.height / 2, { steps: 5 });
  await page.mouse.move(at.x + at.width / 2 + 80, at.y + at.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Number(await lon.inputValue())).toBeGreaterThan(clicked.lon);
  const dragged = { lat: Number(await lat.inputValue()), lon: Number(await lon.inputValue()) };
  expect(Math.abs(dragged.lat - clicked.lat)).toBeLessThan(0.01);
  await shot(page, 'map-patient-pin', false);
  // typing moves the pin too (the keyboard way), and the typed point is what is saved
  await lat.fill(String(dragged.lat));
  await page.getByRole('form', { name: 'Edit details' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
  const after = await (await api.get(`/api/v1/patients/${patient.id}`)).json();
  expect(after.coordinates).toEqual(dragged);

  // with an address lookup service set (a Nominatim-compatible one on the local network, played
  // here by a tiny server), the lookup button appears and the point found moves the pin
  const found = { lat: 53.90421, lon: 27.55611 };
  const geocoder = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify([{ lat: String(found.lat), lon: String(found.lon), display_name: 'Minsk, test' }]),
    );
  });
  await new Promise<void>((done) => geocoder.listen(0, '127.0.0.1', done));
  try {
    const { port } = geocoder.address() as AddressInfo;
    const set = await adminApi.patch('/api/v1/settings', {
      headers: admin.headers,
      data: { geocoderUrl: `http://127.0.0.1:${port}/search` },
    });
    expect(set.status()).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByRole('button', { name: 'Look up the address' }).click();
    await expect(page.getByTestId('address-found')).toContainText('Minsk, test');
    await page.getByRole('button', { name: 'Use this point' }).click();
    await expect(lat).toHaveValue(String(found.lat));
    await expect(lon).toHaveValue(String(found.lon));
    // the map turns to the point found, so the pin is in view on it
    await pinMap.scrollIntoViewIfNeeded();
    await expect(pin).toBeVisible();
    const frame = (await pinMap.boundingBox())!;
    const shown = (await pin.boundingBox())!;
    expect(shown.x).toBeGreaterThan(frame.x);
    expect(shown.x).toBeLessThan(frame.x + frame.width);
    expect(shown.y).toBeGreaterThan(frame.y);
    expect(shown.y).toBeLessThan(frame.y + frame.height);
    await shot(page, 'map-patient-lookup', false);
  } finally {
    geocoder.close();
  }
});

import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

/**
 * A real HTTP peer on this machine answering as Nominatim's `/search?format=json` does (the
 * machine has no internet): Minsk for most addresses, Brest for Brest, nothing for "Нигде", a
 * server error under /broken and no answer at all under /silent.
 */
let peer: Server;
let base: string;
const asked: URL[] = [];
const minsk = { lat: '53.9129', lon: '27.5869', display_name: 'улица Сурганова, 5, Минск, Беларусь' };
const brest = { lat: '52.0976', lon: '23.7341', display_name: 'Брест, Беларусь' };

let t: TestApp;
let admin: Agent;
let coordinator: Agent;
beforeAll(async () => {
  peer = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://peer');
    asked.push(url);
    if (url.pathname === '/silent') return; // never answers
    if (url.pathname === '/broken') {
      res.writeHead(500).end('oops');
      return;
    }
    const q = url.searchParams.get('q') ?? '';
    const places = q.includes('Нигде') ? [] : q.includes('Брест') ? [brest] : [minsk];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(places));
  });
  peer.listen(0, '127.0.0.1');
  await once(peer, 'listening');
  base = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
  t = await createTestApp();
  admin = await t.login('admin');
  coordinator = await t.login('coordinator');
});
afterAll(async () => {
  await t.close();
  peer.closeAllConnections();
  peer.close();
});

const lookUp = (address: string, who: Agent = coordinator) =>
  who.get(`/api/v1/geocode?address=${encodeURIComponent(address)}`);
const useGeocoder = async (url: string) =>
  expect((await admin.patch('/api/v1/settings', { geocoderUrl: url })).status).toBe(200);

describe('address lookup (issue 13)', () => {
  it('is off until an administrator gives the service address', async () => {
    const res = await lookUp('Минск, ул. Сурганова, 5');
    expect(res.status).toBe(409);
    expect(res.body.error.details.reason).toBe('geocoder_off');
    expect(asked).toHaveLength(0);
    const bad = await admin.patch('/api/v1/settings', { geocoderUrl: 'ftp://maps.example.org' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('body.geocoderUrl');
  });

  it('finds the point of an address and checks it against the service area', async () => {
    await useGeocoder(`${base}/search`);
    const res = await lookUp('Минск, ул. Сурганова, 5');
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({
      coordinates: { lat: 53.9129, lon: 27.5869 },
      displayName: minsk.display_name,
      serviceArea: { inside: true, radiusKm: 250 },
    });
    const request = asked.at(-1)!;
    expect(request.pathname).toBe('/search');
    expect(request.searchParams.get('q')).toBe('Минск, ул. Сурганова, 5');
    expect(request.searchParams.get('format')).toBe('json');

    const far = await lookUp('Брест, ул. Советская, 1');
    expect(far.status).toBe(200);
    expect(far.body.serviceArea.inside).toBe(false);
    expect(far.body.serviceArea.distanceKm).toBeGreaterThan(300);
  });

  it('says clearly when nothing is found or the service fails or stays silent', async () => {
    await useGeocoder(`${base}/search`);
    const nothing = await lookUp('Нигде, ул. Никакая, 0');
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.details.reason).toBe('not_found');

    await useGeocoder(`${base}/broken`);
    const broken = await lookUp('Минск, ул. Сурганова, 5');
    expect(broken.status).toBe(409);
    expect(broken.body.error.details.reason).toBe('geocoder_failed');
    expect(broken.body.error.message).toMatch(/did not answer/);

    await useGeocoder(`${base}/silent`);
    const started = Date.now();
    const silent = await lookUp('Минск, ул. Сурганова, 5');
    expect(silent.status).toBe(409);
    expect(silent.body.error.details.reason).toBe('geocoder_failed');
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('is for the staff who record addresses', async () => {
    await useGeocoder(`${base}/search`);
    for (const role of ['volunteer', 'family', 'equipment_manager'] as const) {
      expect((await lookUp('Минск, ул. Сурганова, 5', await t.login(role))).status, role).toBe(403);
    }
    expect((await lookUp('Мн')).status).toBe(400); // too short to be an address
  });
});

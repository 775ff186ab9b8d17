import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sealAll } from '../platform/audit/audit.service.ts';
import { createTestApp, demoPassword, type TestApp } from '../test/harness.ts';
import { flushDeniedCounts } from './denied-audit.ts';
import { registerErrorHandler } from './errors.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { HEARTH_TRUST_PROXY: '1' } });
});
afterAll(async () => t.close());

const loginOver = (proto: 'http' | 'https') =>
  t.hearth.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'nurse@demo.hearth.local', password: demoPassword },
    headers: { 'x-forwarded-proto': proto },
  });

describe('secure defaults', () => {
  it('sends the Secure cookie and HSTS when the request came over HTTPS, neither over plain HTTP', async () => {
    const plain = await loginOver('http');
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await loginOver('https');
    expect(String(tls.headers['set-cookie'])).toMatch(/; Secure/);
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });

  it('allows no inline scripts, and marks API answers no-store with their request id', async () => {
    const nurse = await t.login('nurse');
    const res = await nurse.get('/api/v1/patients?limit=1');
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('compresses JSON with brotli or gzip as the client accepts', async () => {
    const br = await t.hearth.app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    const gzip = await t.hearth.app.inject({
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString()).openapi).toMatch(/^3\./);
  });

  it('logs every 500 with its request id even when request logging is off', async () => {
    const app = Fastify({ logger: false, genReqId: () => 'req-123' });
    registerErrorHandler(app, { spaIndex: false, logRequests: false });
    app.get('/boom', async () => {
      throw new Error('kaput');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await app.inject({ url: '/boom' });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.message).not.toMatch(/kaput/);
      const line = JSON.parse(String(logged.mock.calls[0]?.[0]));
      expect(line).toMatchObject({
        level: 'error',
        reqId: 'req-123',
        url: '/boom',
        err: { message: 'kaput' },
      });
    } finally {
      logged.mockRestore();
      await app.close();
    }
  });
});

describe('per-session rate limits and denied reads', () => {
  it('limits a portal session to 120 requests a minute without slowing a staff session', async () => {
    const family = await t.login('family');
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await family.get('/api/v1/auth/me')).status);
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    const refused = await family.get('/api/v1/auth/me');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const physician = await t.login('physician');
    expect((await physician.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('audits a flood of denied reads as ten events and one count', async () => {
    const volunteer = await t.login('volunteer');
    const deniedEvents = async () => {
      await sealAll(t.database.db);
      return t.database.db
        .selectFrom('audit_event')
        .select(['action', 'entity_id'])
        .where('actor_id', '=', volunteer.userId)
        .where('outcome', '=', 'denied')
        .execute();
    };
    for (let i = 0; i < 60; i++)
      expect((await volunteer.get(`/api/v1/patients/${randomUUID()}`)).status).toBe(404);
    expect(await deniedEvents()).toHaveLength(10);
    await flushDeniedCounts(t.hearth.deps);
    const events = await deniedEvents();
    expect(events).toHaveLength(11);
    expect(events.find((e) => e.action === 'access.denied-repeated')?.entity_id).toBe('50');
  });
});

import { staffRoles } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoPassword, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const login = (email: string, password: string) =>
  t.anonymous().post('/api/v1/auth/login', { email, password });

describe('logging in', () => {
  it('opens a session in an HttpOnly, SameSite=Lax cookie and tells who is logged in', async () => {
    const res = await login('nurse@demo.hearth.local', demoPassword);
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('nurse');
    expect(res.body.csrfToken).toBeTruthy();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/hearth_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password without saying whether the e-mail exists', async () => {
    const wrong = await login('physician@demo.hearth.local', 'not-the-password');
    const unknown = await login('nobody@demo.hearth.local', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('throttles an account after five wrong passwords, even for the right one, until the window passes', async () => {
    const email = 'psychologist@demo.hearth.local';
    for (let i = 0; i < 5; i++) expect((await login(email, `wrong-${i}`)).status).toBe(401);
    const sixth = await login(email, demoPassword);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('RATE_LIMITED');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    t.advance(16 * 60_000);
    expect((await login(email, demoPassword)).status).toBe(200);
  });

  it('rejects a malformed body with field errors', async () => {
    const res = await t.anonymous().post('/api/v1/auth/login', { email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });
});

describe('the first screen of each role (issue 13)', () => {
  it('sends every role to the screen for its work', async () => {
    const landing: Record<string, string> = {};
    for (const role of [...staffRoles, 'family'] as const)
      landing[role] = (await (await t.login(role)).get('/api/v1/auth/me')).body.landing;
    expect(landing).toEqual({
      admin: 'staff',
      coordinator: 'requests',
      commission: 'commission',
      physician: 'alerts',
      nurse: 'myDay',
      psychologist: 'support',
      social_worker: 'support',
      chaplain: 'support',
      caregiver: 'myDay',
      therapist: 'myDay',
      volunteer_coordinator: 'volunteers',
      equipment_manager: 'equipment',
      family: 'portal',
    });
  });
});

describe('a session', () => {
  it('requires the CSRF header on changes', async () => {
    const coordinator = await t.login('coordinator');
    const noCsrf = await coordinator.request('POST', '/api/v1/auth/logout', {}, { 'x-csrf-token': '' });
    expect(noCsrf.status).toBe(403);
    expect((await coordinator.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('lets someone log in again (as another person) from a browser that still holds a session', async () => {
    const coordinator = await t.login('coordinator');
    const res = await coordinator.request(
      'POST',
      '/api/v1/auth/login',
      { email: 'nurse@demo.hearth.local', password: demoPassword },
      { 'x-csrf-token': '' },
    );
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('nurse');
  });

  it('ends at logout', async () => {
    const nurse = await t.login('nurse');
    expect((await nurse.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await nurse.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('answers 401 without a session', async () => {
    expect((await t.anonymous().get('/api/v1/patients')).status).toBe(401);
  });
});

describe('changing the password', () => {
  it('needs the current password, then works with the new one and ends other sessions', async () => {
    const other = await t.login('social_worker');
    const me = await t.login('social_worker');
    const bad = await me.post('/api/v1/auth/password', {
      currentPassword: 'wrong',
      newPassword: 'a-new-long-password',
    });
    expect(bad.status).toBe(400);
    const tooShort = await me.post('/api/v1/auth/password', {
      currentPassword: demoPassword,
      newPassword: 'short',
    });
    expect(tooShort.status).toBe(400);
    const ok = await me.post('/api/v1/auth/password', {
      currentPassword: demoPassword,
      newPassword: 'a-new-long-password',
    });
    expect(ok.status).toBe(200);
    expect((await me.get('/api/v1/auth/me')).status).toBe(200);
    expect((await other.get('/api/v1/auth/me')).status).toBe(401);
    expect((await login('social-worker@demo.hearth.local', demoPassword)).status).toBe(401);
    expect((await login('social-worker@demo.hearth.local', 'a-new-long-password')).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableNames } from '../../db/test-tables.ts';
import { createTestApp, demoPassword, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** A login attempt from a given address (inject sets the socket's remote address). */
const loginFrom = async (address: string, email: string, password: string) => {
  const res = await t.hearth.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: address,
  });
  return { status: res.statusCode, headers: res.headers, body: res.json() };
};

describe('login throttling', () => {
  it('keeps no log of failed guesses beside the atomic counters (the old login_failure table is dropped)', async () => {
    const tables = await tableNames(t.hearth.deps.db);
    expect(tables).toContain('login_throttle');
    expect(tables).not.toContain('login_failure');
  });

  it('counts 40 parallel guesses on one account atomically: only 5 reach the password check', async () => {
    const email = 'chaplain@demo.hearth.local';
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => loginFrom('10.0.0.1', email, `guess-${i}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    // the right password from that address is refused too, until the lock passes
    expect((await loginFrom('10.0.0.1', email, demoPassword)).status).toBe(429);
  });

  it('does not let a stranger lock the real user out: the lockout is keyed on account and address', async () => {
    const email = 'therapist@demo.hearth.local';
    for (let i = 0; i < 8; i++) await loginFrom('203.0.113.9', email, `wrong-${i}`);
    expect((await loginFrom('203.0.113.9', email, demoPassword)).status).toBe(429);
    // the real user, on their own device
    expect((await loginFrom('192.0.2.20', email, demoPassword)).status).toBe(200);
  });

  it('backs off an account guessed from many addresses, by seconds, not a lockout', async () => {
    const email = 'caregiver@demo.hearth.local';
    for (let i = 0; i < 10; i++)
      expect((await loginFrom(`198.51.100.${i}`, email, 'wrong')).status).toBe(401);
    const slowed = await loginFrom('198.51.100.200', email, demoPassword);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(30);
    t.advance(31_000);
    expect((await loginFrom('198.51.100.200', email, demoPassword)).status).toBe(200);
  });

  it('limits one address guessing across many accounts', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 31; i++)
      answers.push((await loginFrom('10.9.9.9', `nobody-${i}@example.org`, 'x')).status);
    expect(answers.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(answers[30]).toBe(429);
  });
});

describe('invitations', () => {
  const invite = async (email: string) => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/v1/staff', { email, name: 'Новый Сотрудник', role: 'nurse' });
    expect(res.status, res.raw).toBe(201);
    return { admin, userId: res.body.userId as string, token: res.body.acceptToken as string };
  };
  const accept = (token: string, password: string) =>
    t.anonymous().post('/api/v1/auth/accept-invitation', { token, password });

  it('is consumed once: of three parallel accepts exactly one succeeds', async () => {
    const { token } = await invite('parallel.accept@example.org');
    const answers = await Promise.all(
      ['pass-word-one', 'pass-word-two', 'pass-word-three'].map((p) => accept(token, p)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404, 404]);
    const winner = ['pass-word-one', 'pass-word-two', 'pass-word-three'][
      answers.findIndex((a) => a.status === 200)
    ];
    expect(
      (
        await t
          .anonymous()
          .post('/api/v1/auth/login', { email: 'parallel.accept@example.org', password: winner })
      ).status,
    ).toBe(200);
  });

  it('reactivating an invited person issues a new link; the old one is dead', async () => {
    const { admin, userId, token } = await invite('reinvited@example.org');
    expect((await admin.post(`/api/v1/staff/${userId}/deactivate`)).status).toBe(200);
    expect((await accept(token, 'pass-word-old')).status).toBe(404);
    const reactivated = await admin.post(`/api/v1/staff/${userId}/reactivate`);
    expect(reactivated.status, reactivated.raw).toBe(200);
    const fresh = reactivated.body.invitation.acceptToken as string;
    expect(fresh).not.toBe(token);
    expect((await accept(token, 'pass-word-old')).status).toBe(404);
    expect((await accept(fresh, 'pass-word-new')).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('staff accounts', () => {
  it('lets an administrator invite a nurse who then sets a password and logs in', async () => {
    const admin = await t.login('admin');
    const invite = await admin.post('/api/v1/staff', {
      email: 'new.nurse@example.org',
      name: 'Новая Медсестра',
      role: 'nurse',
    });
    expect(invite.status).toBe(201);
    expect(
      (
        await t
          .anonymous()
          .post('/api/v1/auth/login', { email: 'new.nurse@example.org', password: 'whatever-password' })
      ).status,
    ).toBe(401);
    const accept = await t.anonymous().post('/api/v1/auth/accept-invitation', {
      token: invite.body.acceptToken,
      password: 'nurse-password-1',
    });
    expect(accept.status).toBe(200);
    const nurse = await t.login('new.nurse@example.org', 'nurse-password-1');
    expect((await nurse.get('/api/v1/auth/me')).body.role).toBe('nurse');
    const again = await t.anonymous().post('/api/v1/auth/accept-invitation', {
      token: invite.body.acceptToken,
      password: 'another-password',
    });
    expect(again.status).toBe(404);
  });

  it('refuses a duplicate e-mail and an unknown role, changing nothing', async () => {
    const admin = await t.login('admin');
    const before = (await admin.get('/api/v1/staff?limit=200')).body.items.length;
    expect(
      (await admin.post('/api/v1/staff', { email: 'nurse@demo.hearth.local', name: 'Дубль', role: 'nurse' }))
        .status,
    ).toBe(409);
    expect(
      (await admin.post('/api/v1/staff', { email: 'x@example.org', name: 'Икс', role: 'wizard' })).status,
    ).toBe(400);
    expect(
      (await admin.post('/api/v1/staff', { email: 'fam@example.org', name: 'Семья', role: 'family' })).status,
    ).toBe(400);
    expect((await admin.get('/api/v1/staff?limit=200')).body.items.length).toBe(before);
  });

  it('deactivating ends the person’s sessions and blocks login', async () => {
    const admin = await t.login('admin');
    const caregiver = await t.login('caregiver');
    const list = await admin.get('/api/v1/staff?limit=200');
    const target = list.body.items.find((s: { email: string }) => s.email === 'caregiver@demo.hearth.local');
    expect((await admin.post(`/api/v1/staff/${target.id}/deactivate`)).status).toBe(200);
    expect((await caregiver.get('/api/v1/auth/me')).status).toBe(401);
    await expect(t.login('caregiver')).rejects.toThrow(/401/);
    expect((await admin.post(`/api/v1/staff/${target.id}/reactivate`)).status).toBe(200);
    expect((await t.login('caregiver')).userId).toBe(target.id);
  });

  it('keeps staff management with the administrator', async () => {
    const coordinator = await t.login('coordinator');
    const res = await coordinator.post('/api/v1/staff', {
      email: 'y@example.org',
      name: 'Игрек',
      role: 'nurse',
    });
    expect(res.status).toBe(403);
  });

  it('pages through the staff list without repeats', async () => {
    const admin = await t.login('admin');
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res = await admin.get(
        `/api/v1/staff?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      for (const s of res.body.items) {
        expect(seen.has(s.id)).toBe(false);
        seen.add(s.id);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBeGreaterThanOrEqual(15);
  });
});

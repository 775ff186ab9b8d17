import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { loadSettings, settingsChangedEvent } from './settings.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('settings cached per organization', () => {
  it('serves a change at once and tells the other server processes to forget theirs', async () => {
    const seen: string[] = [];
    const unsubscribe = t.hearth.deps.events.subscribe((e) => {
      if (e.type === settingsChangedEvent) seen.push(e.organizationId);
    });
    const before = await loadSettings(t.database.db, t.organizationId);
    const admin = await t.login('admin');
    const res = await admin.patch('/api/v1/settings', {
      callbackDeadlineMinutes: before.callbackDeadlineMinutes + 1,
    });
    expect(res.status).toBe(200);
    expect((await loadSettings(t.database.db, t.organizationId)).callbackDeadlineMinutes).toBe(
      before.callbackDeadlineMinutes + 1,
    );
    // on PostgreSQL the event goes out through NOTIFY, so it arrives asynchronously
    await expect.poll(() => seen).toEqual([t.organizationId]);
    unsubscribe();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('patients', () => {
  it('lists the demo patients, children and adults, with filters', async () => {
    const coordinator = await t.login('coordinator');
    const all = await coordinator.get('/api/v1/patients?limit=200');
    expect(all.status, all.raw).toBe(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(30);
    const children = await coordinator.get('/api/v1/patients?ageGroup=child&limit=200');
    expect(children.body.items.length).toBeGreaterThan(0);
    expect(children.body.items.every((p: { isChild: boolean }) => p.isChild)).toBe(true);
  });
});

import { fieldCaseloadSchema } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

// 2026-11-23T09:00Z is 12:00 in Minsk, the demo's zone
let withDay: TestApp;
let plain: TestApp;
beforeAll(async () => {
  withDay = await createTestApp({ fieldDay: true });
  plain = await createTestApp();
}, 240_000);
afterAll(async () => {
  await withDay?.close();
  await plain?.close();
});

describe("the demo nurse's field day", () => {
  it('gives a fresh demo a caseload: three visits today and two tomorrow, with patients she cares for', async () => {
    const nurse = await withDay.login('nurse');
    const res = await nurse.get('/api/v1/field/caseload');
    expect(res.status, res.raw).toBe(200);
    const caseload = fieldCaseloadSchema.parse(res.body);
    const byDay = (d: string) => caseload.visits.filter((v) => v.visit.date === d);
    expect(byDay('2026-11-23').map((v) => v.visit.start)).toEqual(['10:00', '12:30', '15:00']);
    expect(byDay('2026-11-24').map((v) => v.visit.start)).toEqual(['10:00', '13:00']);
    for (const v of caseload.visits) {
      expect(v.visit).toMatchObject({ status: 'scheduled', staffId: nurse.userId, discipline: 'nurse' });
      expect(v.withheld).toEqual([]);
      // the care plan's nurse tasks come with each visit: something to tick off
      expect(v.carePlanTasks.length).toBeGreaterThan(0);
    }
    // her day reads the same visits
    const mine = await nurse.get('/api/v1/visits/mine?date=2026-11-23');
    expect(mine.status, mine.raw).toBe(200);
    expect(mine.body.visits).toHaveLength(3);
  });

  it('is left out of the HTTP test data unless asked for', async () => {
    const nurse = await plain.login('nurse');
    expect((await nurse.get('/api/v1/field/caseload')).body.visits).toEqual([]);
  });
});

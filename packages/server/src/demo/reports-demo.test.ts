import type { Report } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  // the full demo, as `npm start` seeds it (the test clock is 2026-11-23)
  t = await createTestApp({ symptomHistory: true, teamMeetings: true });
});
afterAll(async () => t.close());

/** The measures with nothing to count, or a zero or missing figure: what the demo must not show. */
const emptyMeasures = (report: Report) =>
  report.measures
    .filter((m) => !(m.total.numerator > 0) || m.total.value === null || m.total.value === 0)
    .map((m) => `${m.id} ${JSON.stringify(m.total)}`);

/** The measures whose monthly trend has fewer than `n` months with something in them. */
const shortTrends = (report: Report, ids: readonly string[], n: number) =>
  report.measures
    .filter((m) => ids.includes(m.id))
    .filter((m) => m.months.filter((x) => x.numerator > 0 || x.denominator > 0).length < n)
    .map((m) => m.id);

describe('the demo service in Reports', () => {
  it('gives every measure a non-zero value over the default period, the last 12 months and the 12 full months before', async () => {
    const admin = await t.login('admin');
    for (const query of ['', '?from=2025-12&to=2026-11', '?from=2025-11&to=2026-10']) {
      const res = await admin.get(`/api/v1/reports${query}`);
      expect(res.status, res.raw).toBe(200);
      expect(emptyMeasures(res.body as Report), `empty measures for "${query}"`).toEqual([]);
    }
  });

  it('gives the measures with months of history a trend over several months', async () => {
    const admin = await t.login('admin');
    const res = await admin.get('/api/v1/reports?from=2025-12&to=2026-11');
    // the camp is seasonal (two summer shifts), so it is left out here
    const history = [
      'callbackOnTime',
      'unstableResolved',
      'rescueDoseAlerts',
      'controlledDiscrepancies',
      'caregiverScreenings',
      'caregiverSkills',
      'clubAndClownVisits',
      'alertAcknowledgement',
      'ambulanceFirst',
      'advanceCarePlan',
      'visitsDone',
      'overtime',
      'teamReviewOnTime',
      'volunteerShare',
    ];
    expect(shortTrends(res.body as Report, history, 3)).toEqual([]);
  });
});

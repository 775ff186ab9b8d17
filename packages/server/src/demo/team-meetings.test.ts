import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ teamMeetings: true });
});
afterAll(async () => t.close());

describe('demo team meetings', () => {
  it('give the meetings page two past meetings and a mixed due list', async () => {
    const coordinator = await t.login('coordinator');
    const meetings = await coordinator.get('/api/v1/meetings');
    expect(meetings.status, meetings.raw).toBe(200);
    const list = Array.isArray(meetings.body) ? meetings.body : meetings.body.items;
    expect(list.map((m: { heldOn: string }) => m.heldOn).sort()).toEqual(['2026-11-01', '2026-11-15']);
    expect(list.every((m: { missingDisciplines: unknown[] }) => m.missingDisciplines.length === 0)).toBe(
      true,
    );
    const due = await coordinator.get('/api/v1/meetings/due');
    const reasons = new Set(due.body.map((p: { reason: string }) => p.reason));
    // reviewed three weeks ago → due again; never reviewed → due
    expect(reasons.has('never_reviewed')).toBe(true);
    expect(due.body.some((p: { lastReviewOn: string | null }) => p.lastReviewOn === '2026-11-01')).toBe(true);
    // reviewed last week: due again only when the phase is unstable or deteriorating (3 days)
    const lastWeek = due.body.filter((p: { lastReviewOn: string | null }) => p.lastReviewOn === '2026-11-15');
    expect(lastWeek.every((p: { reason: string }) => p.reason === 'unstable_phase')).toBe(true);
  });
});

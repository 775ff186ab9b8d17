import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownAndOtherPatient, requestNurseVisit } from '../../test/family-visits.ts';
import { validCareRequest } from '../../test/fixtures.ts';
import { createTestApp, type OtherServer, type TestApp } from '../../test/harness.ts';
import { readUntil, waitForEvent } from '../../test/sse.ts';

/**
 * Two server processes behind one load balancer, on one PostgreSQL database (the PostgreSQL run
 * only): a page holds its live stream on one process while the change it shows is written
 * through the other. The event must cross (NOTIFY after commit) and still reach only its
 * audience, which the receiving process decides from its own sessions.
 */
let t: TestApp;
let other: OtherServer;
let first: string;
let second: string;

beforeAll(async () => {
  t = await createTestApp();
  other = await t.another();
  first = await t.hearth.app.listen({ port: 0, host: '127.0.0.1' });
  second = await other.hearth.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const streamOn = (base: string, cookie: string | null) =>
  fetch(`${base}/api/v1/events`, { headers: { cookie: cookie ?? '' } });

describe('live events across two server processes', () => {
  it('a request written through one process reaches the coordinator whose page is on the other, both ways', async () => {
    // sessions live in the database: one login serves on both processes
    const coordinator = await t.login('coordinator');
    const onSecond = await streamOn(second, coordinator.cookie);
    const onFirst = await streamOn(first, coordinator.cookie);
    const seenOnSecond = waitForEvent(onSecond, 'intake.created');
    const submitted = await t.anonymous().post('/api/v1/intake/requests', validCareRequest);
    expect(submitted.status).toBe(201);
    const text = await seenOnSecond;
    expect(text).toContain('event: intake.created');

    const viaSecond = await fetch(`${second}/api/v1/intake/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...validCareRequest, patientName: 'Анна Петровна Соколова' }),
    });
    expect(viaSecond.status).toBe(201);
    // the first process's stream, open since before either request, has heard of both
    const count = (s: string) => (s.match(/event: intake\.created/g) ?? []).length;
    expect(count(await readUntil(onFirst, (s) => count(s) >= 2))).toBe(2);
  });

  it('a family member on the other process hears of their patient’s visit and not of another patient’s', async () => {
    const coordinator = await t.login('coordinator');
    const family = await other.login('family');
    const { own, other: otherPatient } = await ownAndOtherPatient(family, coordinator);
    const familyStream = await streamOn(second, family.cookie);
    const otherVisit = await requestNurseVisit(coordinator, otherPatient);
    const ownVisit = await requestNurseVisit(coordinator, own);
    // the open stream holds what arrived meanwhile
    const text = await readUntil(familyStream, (read) => read.includes(ownVisit));
    expect(text).toContain(`"entityId":"${ownVisit}"`);
    // NOTIFY delivers in commit order, so the other patient's visit would have come first
    expect(text).not.toContain(otherVisit);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownAndOtherPatient, requestNurseVisit } from '../../test/family-visits.ts';
import { validCareRequest } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { readUntil, waitForEvent } from '../../test/sse.ts';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp({ env: { HEARTH_EVENTS_RECHECK_MS: '200' } });
  baseUrl = await t.hearth.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

describe('live updates', () => {
  it('tells a coordinator’s open page about a new public request, and a nurse’s page nothing', async () => {
    const coordinator = await t.login('coordinator');
    const nurse = await t.login('nurse');
    const coordinatorStream = await fetch(`${baseUrl}/api/v1/events`, {
      headers: { cookie: coordinator.cookie! },
    });
    const nurseStream = await fetch(`${baseUrl}/api/v1/events`, {
      headers: { cookie: nurse.cookie! },
    });
    expect(coordinatorStream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const seen = waitForEvent(coordinatorStream, 'intake.created');
    const nurseSeen = waitForEvent(nurseStream, 'intake.created', 1500);
    const submitted = await t.anonymous().post('/api/v1/intake/requests', validCareRequest);
    expect(submitted.status).toBe(201);
    const text = await seen;
    expect(text).toContain('event: intake.created');
    // the event names the request but carries none of its details
    expect(text).not.toContain(validCareRequest.patientName);
    expect(await nurseSeen).not.toContain('intake.created');
  });

  it('sends a family member only their own patient’s events, and ends the stream at logout', async () => {
    const family = await t.login('family');
    const own = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
    const stream = await fetch(`${baseUrl}/api/v1/events`, { headers: { cookie: family.cookie! } });
    const seen = waitForEvent(stream, 'careplan.updated', 3000);
    const roles = ['family', 'nurse'] as const;
    const organizationId = t.organizationId;
    const other = '00000000-0000-4000-8000-000000000001';
    await t.hearth.deps.events.publish({
      organizationId,
      type: 'careplan.updated',
      entityId: other,
      roles,
      patientId: other,
    });
    await t.hearth.deps.events.publish({
      organizationId,
      type: 'duty-roster.updated',
      entityId: other,
      roles,
    });
    await t.hearth.deps.events.publish({
      organizationId,
      type: 'careplan.updated',
      entityId: own,
      roles,
      patientId: own,
    });
    const text = await seen;
    expect(text).toContain(own);
    expect(text).not.toContain(other);
    expect(text).not.toContain('duty-roster.updated');

    const next = await fetch(`${baseUrl}/api/v1/events`, { headers: { cookie: family.cookie! } });
    const reader = next.body!.getReader();
    await reader.read(); // the opening `retry:` line
    expect((await family.post('/api/v1/auth/logout')).status).toBe(200);
    // the stream closes by itself once the session is gone
    for (;;) if ((await reader.read()).done) break;
  });

  it('tells a family member about a visit of their patient, and nothing about another patient’s visit', async () => {
    const family = await t.login('family');
    const coordinator = await t.login('coordinator');
    const { own, other } = await ownAndOtherPatient(family, coordinator);
    const requestVisit = (patientId: string) => requestNurseVisit(coordinator, patientId);
    const stream = await fetch(`${baseUrl}/api/v1/events`, { headers: { cookie: family.cookie! } });
    const coordinatorStream = await fetch(`${baseUrl}/api/v1/events`, {
      headers: { cookie: coordinator.cookie! },
    });
    let ownVisit = '';
    const seen = readUntil(stream, (text) => ownVisit !== '' && text.includes(ownVisit));
    const otherVisit = await requestVisit(other);
    const staffSeen = readUntil(coordinatorStream, (text) => text.includes(otherVisit));
    ownVisit = await requestVisit(own);
    const text = await seen;
    expect(text).toContain(`event: visit.updated\ndata: {"type":"visit.updated","entityId":"${ownVisit}"}`);
    // events are sent in order, so the other patient's visit would have arrived before it
    expect(text).not.toContain(otherVisit);
    // staff still hear about every visit
    expect(await staffSeen).toContain(otherVisit);
  });

  it('refuses the stream without a session', async () => {
    const res = await fetch(`${baseUrl}/api/v1/events`);
    expect(res.status).toBe(401);
  });
});

describe('service endpoints', () => {
  it('answers health without a login and reports the database', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/intake/requests',
        '/api/v1/patients/{patientId}',
        '/api/v1/commission/cases/{id}/decision',
      ]),
    );
    const docs = await t.anonymous().get('/api/docs/');
    expect(docs.status).toBe(200);
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await t.anonymous().get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

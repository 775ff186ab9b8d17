import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCareRequest } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.hearth.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

/** Reads the SSE stream until an event of `type` arrives (or gives up after `ms`). */
async function waitForEvent(res: Response, type: string, ms = 5000): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
      ]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value);
      if (text.includes(`event: ${type}`)) return text;
    }
  } finally {
    await reader.cancel();
  }
  return text;
}

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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirProblems } from '../../test/fhir-validator.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
const base = '/api/fhir/R4';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

// biome-ignore lint/suspicious/noExplicitAny: the CapabilityStatement as JSON
type Json = any;

/** What the CapabilityStatement claims, as "METHOD path" strings in the router's syntax. */
function claimedRoutes(cs: Json): string[] {
  const rest = cs.rest[0];
  const routes = ['GET /metadata'];
  for (const r of rest.resource as Json[]) {
    for (const i of r.interaction as { code: string }[]) {
      if (i.code === 'read') routes.push(`GET /${r.type}/:id`);
      if (i.code === 'search-type') routes.push(`GET /${r.type}`);
      if (i.code === 'create') routes.push(`POST /${r.type}`);
    }
    for (const op of (r.operation ?? []) as { name: string }[]) routes.push(`GET /${r.type}/:id/$${op.name}`);
  }
  for (const op of rest.operation as { name: string }[])
    if (op.name === 'export')
      // the Bulk Data pattern: kick-off, status (poll and cancel), file download
      routes.push(
        'GET /$export',
        'GET /$export-status/:id',
        'DELETE /$export-status/:id',
        'GET /$export-file/:id/:file',
      );
  return routes.sort();
}

describe('CapabilityStatement', () => {
  it('is valid FHIR R4 and answers without a login', async () => {
    const res = await t.anonymous().get(`${base}/metadata`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.body.fhirVersion).toBe('4.0.1');
    expect(fhirProblems(res.body)).toEqual([]);
  });

  it('lists exactly the routes the server registers under the FHIR base', async () => {
    const cs = (await t.anonymous().get(`${base}/metadata`)).body;
    const registered = t.hearth.routes
      .filter((r) => r.url.startsWith(`${base}/`) && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url.slice(base.length)}`)
      .sort();
    expect(registered).toEqual(claimedRoutes(cs));
  });

  it('the validator used by the FHIR tests does find problems (so a passing test means something)', () => {
    expect(
      fhirProblems({ resourceType: 'Patient', birthDate: '07/03/1941', name: { family: 'X' } }),
    ).toHaveLength(2);
    expect(fhirProblems({ resourceType: 'Observation', code: { text: 'x' } })).toEqual([
      expect.stringContaining('Missing required property'),
    ]);
  });
});

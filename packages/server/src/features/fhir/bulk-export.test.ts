import { fhirResourceTypes } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakExportTypes } from '../../db/test-broken-export.ts';
import { fhirProblems } from '../../test/fhir-validator.ts';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Agent;
let patientCount: number;
const base = '/api/fhir/R4';
const kickOffHeaders = { accept: 'application/fhir+json', prefer: 'respond-async' };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  patientCount = (await admin.get('/api/v1/patients?limit=200')).body.items.length;
});
afterAll(async () => t.close());

const pathOf = (url: string) => new URL(url).pathname;

async function kickOff(query = '') {
  const res = await admin.request('GET', `${base}/$export${query}`, undefined, kickOffHeaders);
  expect(res.status, res.raw).toBe(202);
  return pathOf(String(res.headers['content-location']));
}
async function runToEnd() {
  for (let i = 0; i < 50 && (await t.hearth.jobs.runDue()) > 0; i++);
}

describe('Bulk Data $export', () => {
  it('kicks off, reports progress, then lists NDJSON files whose every line is valid FHIR R4', async () => {
    const status = await kickOff();
    const pending = await admin.get(status);
    expect(pending.status).toBe(202);
    expect(pending.headers['x-progress']).toBe(`0 of ${patientCount} patients`);
    expect(pending.headers['retry-after']).toBe('5');

    await t.hearth.jobs.runDue();
    expect((await admin.get(status)).headers['x-progress']).toBe(`5 of ${patientCount} patients`);
    await runToEnd();

    const done = await admin.get(status);
    expect(done.status, done.raw).toBe(200);
    expect(done.body.requiresAccessToken).toBe(true);
    expect(done.body.request).toMatch(/\/api\/fhir\/R4\/\$export$/);
    const types = done.body.output.map((o: { type: string }) => o.type);
    expect(types).toContain('Patient');
    for (const t of types) expect(fhirResourceTypes).toContain(t);

    const problems: string[] = [];
    for (const file of done.body.output as { type: string; url: string; count: number }[]) {
      const res = await admin.get(pathOf(file.url));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+ndjson/);
      const lines = res.raw.split('\n').filter(Boolean);
      expect(lines.length, file.type).toBe(file.count);
      for (const line of lines) {
        const resource = JSON.parse(line);
        expect(resource.resourceType).toBe(file.type);
        for (const p of fhirProblems(resource)) problems.push(`${file.type}/${resource.id}: ${p}`);
      }
      if (file.type === 'Patient')
        expect(new Set(lines.map((l) => JSON.parse(l).id)).size).toBe(patientCount);
    }
    expect(problems).toEqual([]);
  });

  it('exports only the types asked for, and refuses what it cannot do', async () => {
    const status = await kickOff('?_type=Patient,Condition');
    await runToEnd();
    const done = await admin.get(status);
    expect(done.body.output.map((o: { type: string }) => o.type)).toEqual(['Condition', 'Patient']);

    const bad = await admin.request(
      'GET',
      `${base}/$export?_type=Immunization&_since=2026-01-01`,
      undefined,
      {
        accept: 'application/fhir+json',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.resourceType).toBe('OperationOutcome');
    // no Prefer header, an unknown type and an unsupported parameter: three problems at once
    expect(bad.body.issue).toHaveLength(3);
  });

  it('survives a restart in the middle and finishes without duplicates', async () => {
    const status = await kickOff('?_type=Patient');
    await t.hearth.jobs.runDue();
    await t.restart();
    admin = await t.login('admin');
    await runToEnd();
    const done = await admin.get(status);
    const file = await admin.get(pathOf(done.body.output[0].url));
    const ids = file.raw
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).id);
    expect(ids.length).toBe(patientCount);
    expect(new Set(ids).size).toBe(patientCount);
  });

  it('is cancelled with DELETE on the status URL', async () => {
    const status = await kickOff();
    await t.hearth.jobs.runDue();
    const del = await admin.request('DELETE', status);
    expect(del.status).toBe(202);
    expect((await admin.get(status)).status).toBe(404);
    await runToEnd();
    expect((await admin.get(status)).status).toBe(404);
    expect((await admin.request('DELETE', status)).status).toBe(404);
  });

  it('says it failed once its batch job has used up every retry, instead of running forever', async () => {
    const status = await kickOff();
    const id = status.split('/').at(-1)!;
    // a stored export the batch cannot read fails on every attempt
    await breakExportTypes(t.database.db, id);
    for (let i = 0; i < 8; i++) {
      await t.hearth.jobs.runDue();
      t.advance(20 * 60_000);
    }
    const failed = await admin.get(status);
    expect(failed.status, failed.raw).toBe(500);
    expect(failed.body.resourceType).toBe('OperationOutcome');
    expect(failed.body.issue[0].details.text).toMatch(/repeated errors/);
  });

  it('is for administrators only; every step is audited', async () => {
    const coordinator = await t.login('coordinator');
    const res = await coordinator.request('GET', `${base}/$export`, undefined, kickOffHeaders);
    expect(res.status).toBe(403);
    expect(res.body.resourceType).toBe('OperationOutcome');
    const audit = await admin.get('/api/v1/audit?entityType=fhir_export&limit=200');
    const actions = new Set(audit.body.items.map((e: { action: string }) => e.action));
    for (const a of [
      'fhir.bulk-export.start',
      'fhir.bulk-export.patient',
      'fhir.bulk-export.download',
      'fhir.bulk-export.cancel',
    ])
      expect(actions, a).toContain(a);
  });
});

import { type FhirResourceType, fhirResourceTypes, fhirSystems } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirProblems } from '../../test/fhir-validator.ts';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Agent;
let patientIds: string[];
// biome-ignore lint/suspicious/noExplicitAny: FHIR JSON as the server sent it
type Json = any;
const bundles = new Map<string, Json>();
const base = '/api/fhir/R4';

beforeAll(async () => {
  // the full demo: weeks of assessments, medicines, care plans, visits, advance care plans
  t = await createTestApp({ symptomHistory: true, teamMeetings: true });
  admin = await t.login('admin');
  const list = await admin.get('/api/v1/patients?limit=200');
  patientIds = list.body.items.map((p: { id: string }) => p.id);
  for (const id of patientIds) {
    const res = await admin.get(`${base}/Patient/${id}/$everything`);
    expect(res.status, res.raw).toBe(200);
    bundles.set(id, res.body);
  }
}, 120_000);
afterAll(async () => t.close());

const resourcesOf = (bundle: Json): Json[] => bundle.entry.map((e: Json) => e.resource);
const allResources = () => [...bundles.values()].flatMap(resourcesOf);

describe('Patient/$everything', () => {
  it('exports every demo patient, and every resource passes the FHIR R4 validator', () => {
    expect(patientIds.length).toBe(36);
    const problems: string[] = [];
    for (const [id, bundle] of bundles) {
      for (const p of fhirProblems(bundle)) problems.push(`Bundle of ${id}: ${p}`);
      for (const r of resourcesOf(bundle))
        for (const p of fhirProblems(r)) problems.push(`${r.resourceType}/${r.id}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('covers every resource type Hearth maps, across the demo', () => {
    const seen = new Set(allResources().map((r) => r.resourceType));
    expect([...seen].sort()).toEqual([...fhirResourceTypes].sort());
  });

  it('answers a searchset Bundle in application/fhir+json whose references all resolve inside it', async () => {
    const res = await admin.get(`${base}/Patient/${patientIds[0]}/$everything`);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    for (const bundle of bundles.values()) {
      const ids = new Set(resourcesOf(bundle).map((r) => `${r.resourceType}/${r.id}`));
      const refs = JSON.stringify(bundle).match(/"reference":"[A-Za-z]+\/[^"]+"/g) ?? [];
      // every reference points at a resource of the same Bundle (family users removed since excepted)
      const dangling = refs.map((r) => r.slice(13, -1)).filter((r) => !ids.has(r));
      expect(dangling).toEqual([]);
    }
  });

  it('codes diagnoses in ICD-10, assessments in LOINC where one exists, and the resuscitation decision', () => {
    const all = allResources();
    const conditions = all.filter((r) => r.resourceType === 'Condition');
    expect(conditions.every((c) => c.code.coding[0].system === fhirSystems.icd10)).toBe(true);
    const esas = all.find(
      (r) => r.resourceType === 'Observation' && r.code.coding.some((c: Json) => c.code === '112503-8'),
    );
    expect(esas.code.coding[0].system).toBe(fhirSystems.loinc);
    expect(esas.component.length).toBeGreaterThan(0);
    expect(esas.interpretation[0].coding[0].system).toBe('urn:hearth:fhir:CodeSystem:band');
    const pps = all.find((r) => r.resourceType === 'Observation' && r.code.coding[0].code === 'pps');
    expect(pps.valueQuantity).toMatchObject({ unit: '%', system: fhirSystems.ucum });
    const consent = all.find((r) => r.resourceType === 'Consent');
    expect(consent.scope.coding[0].code).toBe('adr');
    expect(
      consent.category.some((c: Json) =>
        c.coding.some((k: Json) => k.system === 'urn:hearth:fhir:CodeSystem:resuscitation-decision'),
      ),
    ).toBe(true);
    const encounter = all.find((r) => r.resourceType === 'Encounter');
    expect(encounter.class).toMatchObject({ system: fhirSystems.v3ActCode, code: 'HH' });
  });

  it('carries the preferred places, the visit schedule and the visit notes', () => {
    const all = allResources();
    const withPlace = all.find(
      (r) =>
        r.resourceType === 'Consent' &&
        r.extension?.some(
          (e: Json) => e.url === 'urn:hearth:fhir:StructureDefinition:preferred-place-of-death',
        ),
    );
    expect(withPlace, 'a Consent with the preferred place of death').toBeDefined();
    const place = withPlace.extension.find((e: Json) => e.url.endsWith('preferred-place-of-death'));
    expect(place.valueCodeableConcept.coding[0].system).toBe('urn:hearth:fhir:CodeSystem:place');

    const scheduled = all
      .filter((r) => r.resourceType === 'CarePlan')
      .flatMap((c) => c.activity ?? [])
      .find((a: Json) => a.detail.kind === 'Appointment' && a.detail.scheduledTiming);
    expect(scheduled, 'a care plan visit frequency as a timed appointment').toBeDefined();
    expect(scheduled.detail.scheduledTiming.repeat.frequency).toBeGreaterThan(0);
    expect(['wk', 'd']).toContain(scheduled.detail.scheduledTiming.repeat.periodUnit);

    const note = all.find((r) => r.resourceType === 'DocumentReference');
    expect(note, 'a visit note').toBeDefined();
    expect(note.type.coding[0]).toMatchObject({ system: fhirSystems.loinc, code: '11506-3' });
    expect(note.context.encounter[0].reference).toMatch(/^Encounter\//);
    const text = Buffer.from(note.content[0].attachment.data, 'base64').toString('utf8');
    expect(text).toMatch(/^[A-Z][a-z ]+:\n/);
  });
});

describe('read and search', () => {
  it('reads each type by id and gets the same resource as in $everything', async () => {
    const byType = new Map<FhirResourceType, Json>();
    for (const r of allResources()) if (!byType.has(r.resourceType)) byType.set(r.resourceType, r);
    for (const [type, resource] of byType) {
      const res = await admin.get(`${base}/${type}/${resource.id}`);
      expect(res.status, `${type} ${res.raw}`).toBe(200);
      expect(res.body).toEqual(resource);
    }
  });

  it('searches a type by patient and date, and refuses what it does not support', async () => {
    const id = patientIds.find((p) =>
      resourcesOf(bundles.get(p)).some((r: Json) => r.resourceType === 'Observation'),
    )!;
    const observations = resourcesOf(bundles.get(id)).filter((r: Json) => r.resourceType === 'Observation');
    const all = await admin.get(`${base}/Observation?patient=Patient/${id}`);
    expect(all.status, all.raw).toBe(200);
    expect(all.body.total).toBe(observations.length);
    expect(fhirProblems(all.body)).toEqual([]);
    const day = observations[0].effectiveDateTime.slice(0, 10);
    const onDay = await admin.get(`${base}/Observation?patient=${id}&date=${day}`);
    const expected = observations.filter((o: Json) => o.effectiveDateTime.startsWith(day)).length;
    expect(onDay.body.total).toBe(expected);
    const range = await admin.get(`${base}/Observation?patient=${id}&date=ge${day}&date=le${day}`);
    expect(range.body.total).toBe(expected);
    const before = await admin.get(`${base}/Observation?patient=${id}&date=lt1990-01-01`);
    expect(before.body.total).toBe(0);

    const bad = await admin.get(`${base}/Observation?patient=${id}&date=yesterday&code=x`);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(bad.body.resourceType).toBe('OperationOutcome');
    expect(bad.body.issue.map((i: Json) => i.expression?.[0])).toEqual(['code', 'date']);
    expect((await admin.get(`${base}/Observation`)).status).toBe(400);
  });

  it('answers 404 with an OperationOutcome for an unknown id or route', async () => {
    const missing = await admin.get(`${base}/Condition/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.resourceType).toBe('OperationOutcome');
    expect(fhirProblems(missing.body)).toEqual([]);
    expect((await admin.get(`${base}/Patient/not-a-uuid/$everything`)).status).toBe(404);
    const route = await admin.get(`${base}/Immunization/1`);
    expect(route.status).toBe(404);
    expect(route.body.issue[0].code).toBe('not-supported');
  });
});

describe('permissions and audit', () => {
  it('gives family members and volunteers nothing, and asks anonymous callers to log in', async () => {
    const family = await t.login('family');
    const linked = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
    for (const url of [
      `${base}/Patient/${linked}/$everything`,
      `${base}/Patient/${linked}`,
      `${base}/Observation?patient=${linked}`,
    ]) {
      const res = await family.get(url);
      expect(res.status, url).toBe(403);
      expect(res.body.resourceType).toBe('OperationOutcome');
    }
    const volunteer = await t.login('volunteer');
    expect((await volunteer.get(`${base}/Patient/${linked}/$everything`)).status).toBe(403);
    const anonymous = await t.anonymous().get(`${base}/Patient/${linked}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.issue[0].code).toBe('login');
  });

  it('gives staff only the types their role reads in the REST API', async () => {
    const equipment = await t.login('equipment_manager');
    const id = patientIds[0]!;
    const res = await equipment.get(`${base}/Patient/${id}/$everything`);
    expect(res.status).toBe(200);
    const types = new Set(resourcesOf(res.body).map((r: Json) => r.resourceType));
    expect(types.has('Patient')).toBe(true);
    for (const hidden of [
      'Observation',
      'MedicationRequest',
      'MedicationAdministration',
      'CarePlan',
      'Encounter',
      'Consent',
      'DocumentReference',
    ])
      expect(types.has(hidden), hidden).toBe(false);
    expect((await equipment.get(`${base}/MedicationRequest?patient=${id}`)).status).toBe(403);
  });

  it('audits every FHIR read with the patient', async () => {
    const id = patientIds[1]!;
    await admin.get(`${base}/Condition?patient=${id}`);
    const audit = await admin.get(`/api/v1/audit?patientId=${id}&limit=200`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('fhir.everything');
    expect(actions).toContain('fhir.search');
    const denied = await admin.get('/api/v1/audit?action=fhir.Patient&limit=50');
    expect(denied.body.items.some((e: { outcome: string }) => e.outcome === 'denied')).toBe(true);
  });
});

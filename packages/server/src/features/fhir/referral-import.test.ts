import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReferralBundle } from '../../demo/fhir-referral.ts';
import { fhirProblems } from '../../test/fhir-validator.ts';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let coordinator: Agent;
const url = '/api/fhir/R4/Bundle';
const fhirJson = { 'content-type': 'application/fhir+json' };

const letter = 'Выписной эпикриз: рак лёгкого IV ст., боли 7/10 на морфине.';
/**
 * A referral as a hospital sends it: the demo's referral made into another patient's, with a
 * named physician as the requester instead of the ward, and an identifier from the hospital.
 */
const referral = () => {
  // biome-ignore lint/suspicious/noExplicitAny: FHIR JSON edited field by field
  const bundle: any = structuredClone(demoReferralBundle);
  bundle.id = 'ref-2026-118';
  const [patient, condition, , serviceRequest, document] = bundle.entry.map(
    (e: { resource: unknown }) => e.resource,
  );
  Object.assign(patient, {
    identifier: [{ system: 'urn:oid:1.2.112.1', value: '4010153A001PB7' }],
    name: [{ family: 'Сидоренко', given: ['Пётр', 'Иванович'] }],
    gender: 'male',
    birthDate: '1953-04-02',
    telecom: [{ system: 'phone', value: '+375 29 555-12-34' }],
    address: [{ text: 'Минск, ул. Кальварийская 21, кв. 40' }],
  });
  condition.code.coding[0] = {
    system: 'http://hl7.org/fhir/sid/icd-10',
    code: 'C34.1',
    display: 'Рак верхней доли лёгкого',
  };
  bundle.entry[2].resource = {
    resourceType: 'Practitioner',
    name: [{ family: 'Громова', given: ['Алла'] }],
    telecom: [{ system: 'phone', value: '+375 17 200-00-01' }],
  };
  Object.assign(serviceRequest, {
    authoredOn: '2026-11-22T15:30:00+03:00',
    reasonCode: [{ text: 'Выписка домой, нужен контроль боли' }],
    note: [{ text: 'Семья предупреждена, ждёт звонка' }],
  });
  document.description = 'Выписной эпикриз';
  Object.assign(document.content[0].attachment, {
    title: 'Эпикриз',
    data: Buffer.from(letter, 'utf8').toString('base64'),
  });
  return bundle;
};

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
});
afterAll(async () => t.close());

const openRequests = async () =>
  (await coordinator.get('/api/v1/intake/requests?status=open&limit=200')).body.items;
const patientTotal = async () => (await coordinator.get('/api/v1/patients?limit=200')).body.items.length;

describe('referral import (POST /Bundle)', () => {
  it('the test and demo referrals are valid FHIR R4 (checked by the independent validator)', async () => {
    expect(fhirProblems(referral())).toEqual([]);
    expect(fhirProblems(demoReferralBundle)).toEqual([]);
    // the demo queue holds one request that came this way
    const demo = (await openRequests()).filter((r: { source: string }) => r.source === 'fhir');
    expect(demo).toHaveLength(1);
    expect(demo[0].referral.sender).toMatch(/больница/);
  });

  it('creates an intake request with its callback deadline and the referral data, and no patient', async () => {
    const patientsBefore = await patientTotal();
    const res = await coordinator.request('POST', url, JSON.stringify(referral()), fhirJson);
    expect(res.status, res.raw).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.body.issue[0].severity).toBe('information');
    expect(fhirProblems(res.body)).toEqual([]);

    const request = (await openRequests()).find(
      (r: { patientName: string }) => r.patientName === 'Сидоренко Пётр Иванович',
    );
    expect(request).toMatchObject({
      status: 'new',
      patientName: 'Сидоренко Пётр Иванович',
      patientAgeYears: 73,
      requesterName: 'Громова Алла',
      relationship: 'professional',
      phone: '+375 29 555-12-34',
      address: 'Минск, ул. Кальварийская 21, кв. 40',
      diagnosisText: 'C34.1 Рак верхней доли лёгкого; Выписка домой, нужен контроль боли',
    });
    // the organization's callback deadline (15 minutes in the demo) runs from now
    expect(new Date(request.callbackDueAt).getTime() - t.now().getTime()).toBe(15 * 60_000);
    expect(request.referral).toMatchObject({
      bundleId: 'ref-2026-118',
      sender: 'Громова Алла',
      senderPhone: '+375 17 200-00-01',
      conditions: [{ icd10: 'C34.1', display: 'Рак верхней доли лёгкого' }],
      request: {
        priority: 'urgent',
        what: 'Паллиативная помощь на дому',
        notes: ['Семья предупреждена, ждёт звонка'],
      },
      documents: [{ title: 'Эпикриз', text: letter }],
    });
    expect(request.referral.patient.identifiers).toEqual([
      { system: 'urn:oid:1.2.112.1', value: '4010153A001PB7' },
    ]);
    expect(await patientTotal()).toBe(patientsBefore);

    // the deadline is durable: nobody calls, the job escalates it
    t.advance(16 * 60_000);
    await t.hearth.jobs.runDue();
    const after = (await coordinator.get(`/api/v1/intake/requests/${request.id}`)).body;
    expect(after.escalatedAt).not.toBeNull();
  });

  it('refuses a wrong Bundle whole, naming each problem with where it is', async () => {
    const before = (await openRequests()).length;
    const bad = referral();
    const [patient, condition, , serviceRequest, document] = bad.entry.map(
      (e: { resource: unknown }) => e.resource,
    ) as Record<string, unknown>[];
    patient!.birthDate = '02.04.1953';
    patient!.telecom = [];
    condition!.code = { text: 'рак лёгкого' };
    serviceRequest!.subject = { reference: 'Patient/somebody-else' };
    delete serviceRequest!.intent;
    (document!.content as { attachment: Record<string, unknown> }[])[0]!.attachment.contentType =
      'application/pdf';
    bad.entry.push({ fullUrl: 'urn:uuid:x', resource: { resourceType: 'Observation' } as never });

    const res = await coordinator.request('POST', url, JSON.stringify(bad), fhirJson);
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(fhirProblems(res.body)).toEqual([]);
    const where = res.body.issue.map((i: { expression: string[] }) => i.expression[0]);
    expect(where).toEqual(
      expect.arrayContaining([
        'Bundle.entry[5].resource',
        'Bundle.entry[0].resource.birthDate',
        'Bundle.entry[1].resource.code',
        'Bundle.entry[3].resource.intent',
        'Bundle.entry[4].resource.content[0].attachment.data',
      ]),
    );
    expect(res.body.issue.length).toBeGreaterThanOrEqual(5);
    expect((await openRequests()).length).toBe(before);

    // once the shape is right, the references and the callback phone are checked too
    const unlinked = referral();
    const [p2, , , sr2] = unlinked.entry.map((e: { resource: unknown }) => e.resource) as Record<
      string,
      unknown
    >[];
    p2!.telecom = [];
    (unlinked.entry[2]!.resource as Record<string, unknown>).telecom = [];
    sr2!.subject = { reference: 'Patient/somebody-else' };
    const second = await coordinator.request('POST', url, JSON.stringify(unlinked), fhirJson);
    expect(second.body.issue.map((i: { expression: string[] }) => i.expression[0])).toEqual([
      'Bundle.entry[3].resource.subject',
      'Bundle.entry[0].resource.telecom',
    ]);
    expect((await openRequests()).length).toBe(before);
  });

  it('refuses a birth date in the future or over 120 years ago, also given as a year alone (issue 13)', async () => {
    const before = (await openRequests()).length;
    for (const birthDate of ['2031-04-02', '1850-04-02', '1890', '2027']) {
      const bad = referral();
      bad.entry[0].resource.birthDate = birthDate;
      const res = await coordinator.request('POST', url, JSON.stringify(bad), fhirJson);
      expect(res.status, birthDate).toBe(400);
      expect(res.body.issue.map((i: { expression: string[] }) => i.expression[0])).toEqual([
        'Bundle.entry[0].resource.birthDate',
      ]);
    }
    expect((await openRequests()).length).toBe(before);
  });

  it('refuses what is not a referral Bundle, and bodies that are not JSON', async () => {
    const notBundle = await coordinator.request(
      'POST',
      url,
      JSON.stringify({ resourceType: 'Patient' }),
      fhirJson,
    );
    expect(notBundle.status).toBe(400);
    expect(notBundle.body.issue[0].expression).toEqual(['Bundle']);
    const empty = await coordinator.request(
      'POST',
      url,
      JSON.stringify({ resourceType: 'Bundle', type: 'searchset' }),
      fhirJson,
    );
    expect(empty.body.issue.map((i: { expression: string[] }) => i.expression[0])).toEqual(
      expect.arrayContaining(['Bundle.type', 'Bundle.entry']),
    );
    const garbage = await coordinator.request('POST', url, '{not json', fhirJson);
    expect(garbage.status).toBe(400);
    expect(garbage.body.resourceType).toBe('OperationOutcome');
  });

  it('is for coordinators and administrators; clinicians and families are refused', async () => {
    for (const role of ['nurse', 'family']) {
      const agent = await t.login(role);
      const res = await agent.request('POST', url, JSON.stringify(referral()), fhirJson);
      expect(res.status, role).toBe(403);
      expect(res.body.resourceType).toBe('OperationOutcome');
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCareRequest, validNewPatient } from '../../test/fixtures.ts';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let coordinator: Agent;
let commission: Agent;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
  commission = await t.login('commission');
});
afterAll(async () => t.close());

const referral = (careRequestId?: string) => ({
  ...(careRequestId && { careRequestId }),
  patient: validNewPatient,
  icd10: 'c34.1',
  diagnosis: 'Рак верхней доли правого лёгкого, метастазы в кости',
  performance: { scale: 'ecog', score: 3 },
  reason: 'Выраженный болевой синдром, прикована к постели более половины дня',
});

const granted = {
  decision: 'granted',
  decidedOn: '2026-11-23',
  members: [{ name: 'Андрей Морозов', role: 'председатель' }, { name: 'Виктор Ярошевич' }],
  reviewDate: '2027-05-23',
};

async function referFromNewRequest() {
  const submitted = await t.anonymous().post('/api/v1/intake/requests', validCareRequest);
  const queue = await coordinator.get('/api/v1/intake/requests?limit=200');
  const request = queue.body.items.find(
    (r: { reference: string }) => r.reference === submitted.body.reference,
  );
  await coordinator.post(`/api/v1/intake/requests/${request.id}/calls`, { outcome: 'reached' });
  const res = await coordinator.post('/api/v1/commission/cases', referral(request.id));
  return { request, res };
}

describe('referring to the commission', () => {
  it('creates a pending case and a referred patient, and links the request', async () => {
    const { request, res } = await referFromNewRequest();
    expect(res.status, res.raw).toBe(201);
    expect(res.body.status).toBe('pending');
    expect(res.body.icd10).toBe('C34.1');
    const patient = await coordinator.get(`/api/v1/patients/${res.body.patientId}`);
    expect(patient.body.status).toBe('referred');
    expect(patient.body.palliativeStatus).toBe('none');
    expect(patient.body.diagnoses[0].icd10).toBe('C34.1');
    expect(patient.body.diagnoses[0].category).toBe('oncological');
    const after = await coordinator.get(`/api/v1/intake/requests/${request.id}`);
    expect(after.body.status).toBe('referred');
    expect(after.body.commissionCaseId).toBe(res.body.id);
    const twice = await coordinator.post('/api/v1/commission/cases', referral(request.id));
    expect(twice.status).toBe(409);
  });

  it('refuses a bad ICD-10 code or performance score, creating nothing', async () => {
    const before = (await coordinator.get('/api/v1/patients?limit=200')).body.items.length;
    const bad = await coordinator.post('/api/v1/commission/cases', {
      ...referral(),
      icd10: 'lung cancer',
      performance: { scale: 'ecog', score: 7 },
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.icd10', 'body.performance.score']));
    expect((await coordinator.get('/api/v1/patients?limit=200')).body.items.length).toBe(before);
  });

  it('rolls back the new patient when the request cannot be referred', async () => {
    const before = (await coordinator.get('/api/v1/patients?limit=200')).body.items.length;
    const res = await coordinator.post(
      '/api/v1/commission/cases',
      referral('00000000-0000-4000-8000-000000000000'),
    );
    expect(res.status).toBe(404);
    expect((await coordinator.get('/api/v1/patients?limit=200')).body.items.length).toBe(before);
  });
});

describe('documents', () => {
  it('stores an attached PDF and gives the same bytes back', async () => {
    const { res } = await referFromNewRequest();
    const pdf = Buffer.from('%PDF-1.4\n% test referral letter\n%%EOF\n');
    const upload = await uploadFile(coordinator, res.body.id, 'выписка.pdf', 'application/pdf', pdf);
    expect(upload.status, upload.raw).toBe(201);
    expect(upload.body.sizeBytes).toBe(pdf.length);
    const download = await commission.get(
      `/api/v1/commission/cases/${res.body.id}/documents/${upload.body.id}`,
    );
    expect(download.status).toBe(200);
    expect(download.raw).toBe(pdf.toString());
    const kase = await commission.get(`/api/v1/commission/cases/${res.body.id}`);
    expect(kase.body.documents).toHaveLength(1);
  });

  it('accepts only the listed declared types: "constructor" and "__proto__" are refused with 400', async () => {
    const { res } = await referFromNewRequest();
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const upload = await uploadFile(coordinator, res.body.id, 'x.txt', type, Buffer.from('hello'));
      expect(upload.status, `${type}: ${upload.raw}`).toBe(400);
      expect(upload.body.error.details.fields[0]).toEqual({ field: 'file', message: 'type not accepted' });
    }
    const kase = await commission.get(`/api/v1/commission/cases/${res.body.id}`);
    expect(kase.body.documents).toHaveLength(0);
  });

  it('strips bidirectional controls from file names, on upload and on download', async () => {
    const { res } = await referFromNewRequest();
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const upload = await uploadFile(coordinator, res.body.id, 'report\u202Efdp.exe', 'application/pdf', pdf);
    expect(upload.status, upload.raw).toBe(201);
    expect(upload.body.fileName).toBe('reportfdp.exe');
    const download = await commission.get(
      `/api/v1/commission/cases/${res.body.id}/documents/${upload.body.id}`,
    );
    expect(String(download.headers['content-disposition'])).not.toMatch(/%E2%80%AE|\u202E/i);
  });

  it('refuses a file that is not what it claims to be', async () => {
    const { res } = await referFromNewRequest();
    const fake = await uploadFile(
      coordinator,
      res.body.id,
      'virus.pdf',
      'application/pdf',
      Buffer.from('MZ\u0090\u0000 not a pdf'),
    );
    expect(fake.status).toBe(400);
    const exe = await uploadFile(
      coordinator,
      res.body.id,
      'a.exe',
      'application/x-msdownload',
      Buffer.from('MZ'),
    );
    expect(exe.status).toBe(400);
    expect((await commission.get(`/api/v1/commission/cases/${res.body.id}`)).body.documents).toHaveLength(0);
  });
});

describe('the decision', () => {
  it('can be recorded only by a commission member', async () => {
    const { res } = await referFromNewRequest();
    for (const role of ['coordinator', 'physician', 'admin', 'family'] as const) {
      const who = await t.login(role);
      const attempt = await who.post(`/api/v1/commission/cases/${res.body.id}/decision`, granted);
      expect(attempt.status, role).toBe(403);
    }
    const patient = await coordinator.get(`/api/v1/patients/${res.body.patientId}`);
    expect(patient.body.palliativeStatus).toBe('none');
  });

  it('granted: the patient becomes active with palliative status and a review date, history kept', async () => {
    const { res } = await referFromNewRequest();
    const decided = await commission.post(`/api/v1/commission/cases/${res.body.id}/decision`, granted);
    expect(decided.status, decided.raw).toBe(200);
    expect(decided.body.status).toBe('granted');
    expect(decided.body.decisions[0].members).toHaveLength(2);
    const patient = await coordinator.get(`/api/v1/patients/${res.body.patientId}`);
    expect(patient.body.status).toBe('active');
    expect(patient.body.palliativeStatus).toBe('granted');
    expect(patient.body.palliativeReviewDate).toBe('2027-05-23');
    const kinds = patient.body.statusHistory.map((h: { kind: string; to: string }) => `${h.kind}:${h.to}`);
    expect(kinds).toEqual(['status:referred', 'palliative:granted', 'status:active']);
    const again = await commission.post(`/api/v1/commission/cases/${res.body.id}/decision`, granted);
    expect(again.status).toBe(409);
  });

  it('deferred says what is missing and can be decided later; refused says why', async () => {
    const { res } = await referFromNewRequest();
    const missingless = await commission.post(`/api/v1/commission/cases/${res.body.id}/decision`, {
      ...granted,
      decision: 'deferred',
    });
    expect(missingless.status).toBe(400);
    const deferred = await commission.post(`/api/v1/commission/cases/${res.body.id}/decision`, {
      decision: 'deferred',
      decidedOn: '2026-11-23',
      members: granted.members,
      missing: 'Нет заключения онколога',
    });
    expect(deferred.body.status).toBe('deferred');
    const refused = await commission.post(`/api/v1/commission/cases/${res.body.id}/decision`, {
      decision: 'refused',
      decidedOn: '2026-11-30',
      members: granted.members,
      reason: 'Показания к радикальному лечению сохраняются',
    });
    expect(refused.body.status).toBe('refused');
    expect(refused.body.decisions).toHaveLength(2);
    const patient = await coordinator.get(`/api/v1/patients/${res.body.patientId}`);
    expect(patient.body.palliativeStatus).toBe('none');
    expect(patient.body.status).toBe('discharged');
  });

  it('a coordinator cannot make a patient active without a granted status', async () => {
    const { res } = await referFromNewRequest();
    const attempt = await coordinator.post(`/api/v1/patients/${res.body.patientId}/status`, {
      status: 'active',
      reason: 'Хотим начать визиты',
    });
    expect(attempt.status).toBe(409);
  });
});

async function uploadFile(agent: Agent, caseId: string, name: string, type: string, content: Buffer) {
  const boundary = '----hearthtest';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return agent.request('POST', `/api/v1/commission/cases/${caseId}/documents`, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

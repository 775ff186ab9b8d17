import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../test/harness.ts';
import { domainErrorFromDatabase } from './database-errors.ts';

let t: TestApp;
let physician: Agent;
let nurse: Agent;
let social: Agent;
let admin: Agent;
let vc: Agent;
let patientId: string;

beforeAll(async () => {
  t = await createTestApp();
  physician = await t.login('physician');
  nurse = await t.login('nurse');
  social = await t.login('social_worker');
  admin = await t.login('admin');
  vc = await t.login('volunteer_coordinator');
  const family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
});
afterAll(async () => t.close());

const fields = (res: { body: { error?: { details?: { fields?: { field: string }[] } } } }) =>
  res.body.error?.details?.fields?.map((f) => f.field) ?? [];

const acp = (ceilings: string, decidedOn = '2026-11-20') => ({
  preferredPlaceOfCare: 'home',
  preferredPlaceOfDeath: 'home',
  resuscitation: { decision: 'do_not_attempt_cpr', decidedOn, formLocation: 'папка', whoWasTold: 'дочь' },
  ceilingsOfTreatment: ceilings,
  decisionMaker: { name: 'Анна', relationship: 'дочь', phone: '+375 29 111-22-33' },
  patientKnowsPrognosis: 'yes',
  familyKnowsPrognosis: 'yes',
  consentToShare: true,
  changeReason: 'Беседа',
});
const acpUrl = () => `/api/v1/patients/${patientId}/advance-care-plan`;
const acpVersions = async () => {
  const res = await physician.get(acpUrl());
  return res.body.current?.version ?? 0;
};

describe('the text rule on every body', () => {
  it('refuses a NUL character and a lone surrogate with a field error and writes nothing', async () => {
    const before = await acpVersions();
    const nul = await physician.post(acpUrl(), acp('Без ИВЛ\u0000'));
    expect(nul.status, nul.raw).toBe(400);
    expect(fields(nul)).toEqual(['body.ceilingsOfTreatment']);
    const surrogate = await physician.post(acpUrl(), acp('Без ИВЛ \uD83D'));
    expect(surrogate.status, surrogate.raw).toBe(400);
    expect(fields(surrogate)).toEqual(['body.ceilingsOfTreatment']);
    expect(surrogate.body.error.details.fields[0].message).toMatch(/lone surrogate/);
    expect(await acpVersions()).toBe(before);
  });

  it('stores text in NFC: a decomposed letter comes back composed', async () => {
    // "й" typed as и + combining breve
    const res = await physician.post(acpUrl(), acp('Без ИВЛ и\u0306 реанимации'));
    expect(res.status, res.raw).toBe(201);
    expect(res.body.current.ceilingsOfTreatment).toBe('Без ИВЛ й реанимации');
  });

  it('keeps whole emoji (surrogate pairs) intact', async () => {
    const res = await physician.post(acpUrl(), acp('Любит 🌻'));
    expect(res.status, res.raw).toBe(201);
    expect(res.body.current.ceilingsOfTreatment).toBe('Любит 🌻');
  });

  it('refuses dates outside the years 1900 to 2100 in bodies and queries', async () => {
    const res = await physician.post(acpUrl(), acp('Без ИВЛ', '0000-01-01'));
    expect(res.status, res.raw).toBe(400);
    expect(fields(res)).toEqual(['body.resuscitation.decidedOn']);
    const query = await admin.get('/api/v1/audit?from=0000-01-01T00:00:00Z');
    expect(query.status, query.raw).toBe(400);
    expect(fields(query), query.raw).toEqual(['querystring.from']);
  });
});

describe('cursors and quantities', () => {
  it('answers 400 to a cursor that is not a whole number where one is meant', async () => {
    const res = await admin.get('/api/v1/audit?cursor=1.5');
    expect(res.status, res.raw).toBe(400);
    expect(fields(res)).toEqual(['querystring.cursor']);
    expect((await admin.get('/api/v1/audit?cursor=15&limit=2')).status).toBe(200);
  });

  it('pages the staff list with names that hold the separator', async () => {
    const first = await admin.get('/api/v1/staff?limit=2');
    expect(first.status, first.raw).toBe(200);
    const second = await admin.get(
      `/api/v1/staff?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.status, second.raw).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('refuses 1e-320 paid care hours, and the monthly report still answers', async () => {
    const res = await vc.post('/api/v1/volunteer-reports/2026-11/paid-care-hours', { hours: 1e-320 });
    expect(res.status, res.raw).toBe(400);
    expect(fields(res)).toEqual(['body.hours']);
    const report = await vc.get('/api/v1/volunteer-reports/2026-11');
    expect(report.status, report.raw).toBe(200);
    expect(report.body.enteredPaidCareHours).toBeNull();
  });
});

describe('foreign ids', () => {
  it('answers 400 naming the field for an unknown assigned user on a support referral', async () => {
    const created = await nurse.post(`/api/v1/patients/${patientId}/support-referrals`, {
      discipline: 'social_worker',
      reason: 'Помощь с документами',
    });
    expect(created.status, created.raw).toBe(201);
    const url = `/api/v1/patients/${patientId}/support-referrals/${created.body.id}`;
    const res = await social.patch(url, { assignedUserId: randomUUID() });
    expect(res.status, res.raw).toBe(400);
    expect(fields(res)).toEqual(['body.assignedUserId']);
    const list = await social.get(`/api/v1/patients/${patientId}/support-referrals`);
    const after = list.body.find((r: { id: string }) => r.id === created.body.id);
    expect(after).toMatchObject({ assignedUserId: null, status: 'open' });
  });

  it('maps a foreign key violation from the database to a 400 naming the field', async () => {
    const err = await t.database.db
      .insertInto('support_referral')
      .values({
        id: randomUUID(),
        organization_id: t.organizationId,
        patient_id: randomUUID(),
        discipline: 'chaplain',
        status: 'open',
        source: 'team',
        reason: 'x',
        for_whom: null,
        respite_offered: false,
        assigned_user_id: null,
        outcome: null,
        created_by: (await admin.get('/api/v1/auth/me')).body.id,
        created_at: new Date(),
        updated_at: new Date(),
        closed_at: null,
      })
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    const mapped = domainErrorFromDatabase(err);
    expect(mapped?.code, String(err)).toBe('VALIDATION');
    expect(mapped?.details).toEqual({ fields: [{ field: 'body.patientId', message: 'does not exist' }] });
  });
});

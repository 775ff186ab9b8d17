import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let physician: Agent;
let family: Agent;
let patientId: string;

const plan = {
  preferredPlaceOfCare: 'home',
  preferredPlaceOfDeath: 'home',
  resuscitation: {
    decision: 'do_not_attempt_cpr',
    decidedOn: '2026-11-20',
    formLocation: 'На холодильнике, в красной папке',
    whoWasTold: 'Дочь Анна, участковый терапевт',
  },
  ceilingsOfTreatment: 'Без ИВЛ и реанимации; госпитализация только для контроля симптомов',
  decisionMaker: { name: 'Анна Ковалёва', relationship: 'дочь', phone: '+375 29 111-22-33' },
  patientKnowsPrognosis: 'yes',
  familyKnowsPrognosis: 'yes',
  consentToShare: true,
  changeReason: 'Беседа с пациентом и дочерью',
};

beforeAll(async () => {
  t = await createTestApp();
  physician = await t.login('physician');
  family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
});
afterAll(async () => t.close());

describe('advance care plan', () => {
  it('is versioned: each change is a new version with who, when and why', async () => {
    const url = `/api/v1/patients/${patientId}/advance-care-plan`;
    const v1 = await physician.post(url, plan);
    expect(v1.status, v1.raw).toBe(201);
    expect(v1.body.current).toMatchObject({
      version: 1,
      preferredPlaceOfDeath: 'home',
      recordedByName: 'Сергей Лебедев',
    });
    const v2 = await physician.post(url, {
      ...plan,
      preferredPlaceOfDeath: 'inpatient_hospice',
      changeReason: 'Передумал: хочет в хоспис',
    });
    expect(v2.body.current.version).toBe(2);
    expect(v2.body.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(v2.body.history[1].preferredPlaceOfDeath).toBe('home');
    // the family reads, but does not write
    expect((await family.get(url)).body.current.version).toBe(2);
    expect((await family.post(url, plan)).status).toBe(403);
  });

  it('leaves resuscitation and ceilings of treatment to the physician (issue 13)', async () => {
    const url = `/api/v1/patients/${patientId}/advance-care-plan`;
    const nurse = await t.login('nurse');
    const before = (await physician.get(url)).body.current.version;
    // a nurse alone cannot record or change a CPR decision, nor the ceilings of treatment
    const cpr = await nurse.post(url, {
      ...plan,
      resuscitation: { ...plan.resuscitation, decision: 'attempt_cpr' },
      changeReason: 'Семья передумала',
    });
    expect(cpr.status).toBe(403);
    const ceilings = await nurse.post(url, {
      ...plan,
      ceilingsOfTreatment: 'Всё',
      changeReason: 'Семья попросила',
    });
    expect(ceilings.status).toBe(403);
    expect((await physician.get(url)).body.current.version).toBe(before);
    // with those as the physician set them, the nurse records the rest of the plan
    const current = (await physician.get(url)).body.current;
    const rest = await nurse.post(url, {
      ...plan,
      preferredPlaceOfDeath: current.preferredPlaceOfDeath,
      preferredPlaceOfCare: 'inpatient_hospice',
      changeReason: 'Хочет в хоспис на время',
    });
    expect(rest.status, rest.raw).toBe(201);
  });

  it('refuses a do-not-attempt-CPR decision without where the form is kept', async () => {
    const res = await physician.post(`/api/v1/patients/${patientId}/advance-care-plan`, {
      ...plan,
      resuscitation: { decision: 'do_not_attempt_cpr' },
    });
    expect(res.status).toBe(400);
  });

  it('gives a summary for ambulance and out-of-hours services in the organization’s language', async () => {
    const res = await physician.get(`/api/v1/patients/${patientId}/advance-care-plan/summary`);
    expect(res.status).toBe(200);
    expect(res.body.language).toBe('ru');
    expect(res.body.plan.resuscitation.formLocation).toBe('На холодильнике, в красной папке');
    expect(res.body.diagnoses.length).toBeGreaterThan(0);
  });
});

describe('level of care', () => {
  it('records a move with dates and reason and a transfer summary', async () => {
    const url = `/api/v1/patients/${patientId}/care-level`;
    const res = await physician.post(url, {
      to: 'inpatient_hospice',
      movedOn: '2026-11-23',
      reason: 'Неконтролируемая боль',
    });
    expect(res.status, res.raw).toBe(201);
    const move = res.body[0];
    expect(move).toMatchObject({ from: 'home', to: 'inpatient_hospice', reason: 'Неконтролируемая боль' });
    expect(move.summary.advanceCarePlan.version).toBe(3); // the nurse's version in the test above
    expect(move.summary.equipmentAtHome.map((e: { kind: string }) => e.kind)).toContain('pressure_mattress');
    expect(move.summary.notAvailable).toEqual([]);
    // the demo patient's current prescriptions (issue 6) travel with them
    expect(move.summary.medicines.length).toBeGreaterThan(0);
    expect(move.summary.medicines[0]).toMatchObject({
      dose: expect.any(String),
      indication: expect.any(String),
    });
    expect(Array.isArray(move.summary.latestAssessments)).toBe(true);
    const patient = await physician.get(`/api/v1/patients/${patientId}`);
    expect(patient.body).toMatchObject({ careSetting: 'inpatient_hospice', status: 'inpatient' });
    // the history keeps the setting as a code (the web names it in the reader's language) and the reason as typed
    expect(patient.body.statusHistory.at(-1)).toMatchObject({
      to: 'inpatient',
      careSetting: 'inpatient_hospice',
      reason: 'Неконтролируемая боль',
    });
    expect(
      (await physician.post(url, { to: 'inpatient_hospice', movedOn: '2026-11-24', reason: 'ещё раз' }))
        .status,
    ).toBe(409);
    const back = await physician.post(url, {
      to: 'home',
      movedOn: '2026-11-30',
      reason: 'Боль под контролем',
    });
    expect(back.body).toHaveLength(2);
    expect((await physician.get(`/api/v1/patients/${patientId}`)).body.status).toBe('active');
    expect((await family.post(url, { to: 'hospital', movedOn: '2026-11-30', reason: 'x y z' })).status).toBe(
      403,
    );
  });
});

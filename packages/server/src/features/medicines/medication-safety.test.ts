import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

/** Issue 12: every example defect of "No dose limits" … "Late entries", through HTTP. */
let t: TestApp;
let physician: Agent;
let nurse: Agent;
let coordinator: Agent;
const minute = 60_000;

async function newPatient(over: Record<string, unknown> = {}) {
  const res = await coordinator.post('/api/v1/patients', {
    firstName: 'Анна',
    lastName: 'Проверочная',
    dateOfBirth: '1950-03-01',
    address: 'Минск, ул. Тестовая, 1',
    area: 'Минск',
    ...over,
  });
  expect(res.status, res.raw).toBe(201);
  return res.body.id as string;
}

const rx = (over: Record<string, unknown> = {}) => ({
  medicineId: 'morphine',
  name: 'Morphine',
  form: 'oral_solution',
  strength: '10 mg/5 ml',
  route: 'oral',
  doseAmount: 5,
  doseUnit: 'mg',
  kind: 'prn',
  minIntervalMinutes: 240,
  maxDosesPer24h: 6,
  indication: 'Breakthrough pain',
  startsAt: t.now().toISOString(),
  acknowledgeWarnings: true,
  ...over,
});
const codes = (res: { body: { error: { details: { problems: { code: string }[] } } } }) =>
  res.body.error.details.problems.map((p) => p.code);
const prescribe = (patientId: string, body: Record<string, unknown>) =>
  physician.post(`/api/v1/patients/${patientId}/prescriptions`, body);
const give = (patientId: string, body: Record<string, unknown>, who: Agent = nurse) =>
  who.post(`/api/v1/patients/${patientId}/administrations`, body);

beforeAll(async () => {
  t = await createTestApp();
});
// the tests move the clock by hours and sessions last 12 h: log in afresh for each
beforeEach(async () => {
  physician = await t.login('physician');
  nurse = await t.login('nurse');
  coordinator = await t.login('coordinator');
});
afterAll(async () => t.close());

describe('dose limits', () => {
  it('oxycodone 400 mg as needed hourly, 24 a day, is blocked until the physician gives a reason', async () => {
    const p = await newPatient();
    const body = rx({
      medicineId: 'oxycodone',
      name: 'Oxycodone',
      strength: '10 mg/ml',
      doseAmount: 400,
      minIntervalMinutes: 60,
      maxDosesPer24h: 24,
    });
    const blocked = await prescribe(p, body);
    expect(blocked.status).toBe(409);
    expect(codes(blocked)).toEqual(expect.arrayContaining(['above-single-limit', 'above-daily-limit']));
    expect(blocked.body.error.details.problems[0]).toMatchObject({ overridable: true, source: 'bnf' });
    // a code and facts, so the web writes the headline in the reader's language
    expect(blocked.body.error.details).toMatchObject({
      reason: 'safety-check-blocked',
      facts: { problems: blocked.body.error.details.problems.length },
    });
    // nothing was written, so no nurse can record 400 mg
    expect((await physician.get(`/api/v1/patients/${p}/prescriptions`)).body).toHaveLength(0);
    const ok = await prescribe(p, { ...body, overrideReason: 'Specialist advice: tolerant on 2 g/day' });
    expect(ok.status).toBe(201);
    expect(ok.body.overrideReason).toBe('Specialist advice: tolerant on 2 g/day');
    const audit = await t.login('admin');
    const events = (await audit.get(`/api/v1/audit?patientId=${p}&limit=50`)).body.items ?? [];
    expect(events.map((e: { action: string }) => e.action)).toContain('medicine.safety-override');
  });

  it("a 5-year-old's prescription needs a current weight, then mg/kg limits apply", async () => {
    const child = await newPatient({ dateOfBirth: '2021-06-01' });
    const mst = rx({
      form: 'mr_tablet',
      strength: '60 mg',
      doseAmount: 60,
      kind: 'scheduled',
      timesOfDay: ['08:00', '20:00'],
      minIntervalMinutes: null,
      maxDosesPer24h: null,
    });
    const noWeight = await prescribe(child, mst);
    expect(noWeight.status).toBe(409);
    expect(codes(noWeight)).toEqual(['child-weight-missing']);
    expect(noWeight.body.error.details.problems[0].overridable).toBe(false);
    const weighed = await physician.post(`/api/v1/patients/${child}/weights`, {
      kg: 18,
      measuredOn: t.now().toISOString().slice(0, 10),
    });
    expect(weighed.status).toBe(200);
    expect(weighed.body[0]).toMatchObject({ kg: 18 });
    const overLimit = await prescribe(child, mst);
    expect(overLimit.status).toBe(409);
    // WHO 2012: prolonged-release morphine at most 0.8 mg/kg a dose → 14.4 mg for 18 kg
    expect(overLimit.body.error.details.problems[0]).toMatchObject({
      code: 'above-single-limit',
      source: 'who2012',
      params: { limit: 14.4, kg: 18 },
    });
    const bad = await physician.post(`/api/v1/patients/${child}/weights`, { kg: -1, measuredOn: 'x' });
    expect(bad.status).toBe(400);
  });

  it('a fentanyl patch in mg is refused; in mcg/h it needs opioid tolerance and shows its 72 h change', async () => {
    const p = await newPatient();
    const patch = rx({
      medicineId: 'fentanyl',
      name: 'Fentanyl',
      form: 'patch',
      strength: '25 mcg/h',
      route: 'transdermal',
      doseAmount: 25,
      doseUnit: 'mg',
      kind: 'scheduled',
      timesOfDay: [],
      minIntervalMinutes: null,
      maxDosesPer24h: null,
    });
    const mg = await prescribe(p, { ...patch, overrideReason: 'trying to pass' });
    expect(mg.status).toBe(409);
    expect(codes(mg)).toContain('unit-not-formulary');
    const naive = await prescribe(p, { ...patch, doseUnit: 'mcg/h' });
    expect(codes(naive)).toEqual(['not-for-opioid-naive']);
    const ok = await prescribe(p, {
      ...patch,
      doseUnit: 'mcg/h',
      overrideReason: 'On 90 mg oxycodone elsewhere',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ changeIntervalHours: 72, controlled: true });
    expect(ok.body.label).toBe('Fentanyl patch 25 mcg/h, 25 mcg/h, changed every 72 h');
    const review = await physician.post(`/api/v1/patients/${p}/prescriptions/review`, {});
    expect(review.body.baselineOme.total.low).toBeCloseTo(50);
    expect(review.body.baselineOme.incomplete).toBe(false);
  });
});

describe('allergies, duplicates, organ impairment', () => {
  it('an anticipatory prescription is blocked by a severe morphine allergy; codeine by cross-sensitivity', async () => {
    const p = await newPatient({ allergies: [{ substance: 'Морфин', severity: 'severe' }] });
    const jic = rx({
      form: 'injection',
      strength: '10 mg/ml',
      route: 'sc',
      doseAmount: 2.5,
      anticipatoryPurpose: 'pain',
    });
    const res = await prescribe(p, jic);
    expect(res.status).toBe(409);
    expect(res.body.error.details.problems[0]).toMatchObject({
      code: 'allergy-substance',
      params: { allergy: 'Морфин' },
    });
    const review = await physician.post(`/api/v1/patients/${p}/prescriptions/review`, { draft: jic });
    expect(review.body.safety.blocking.map((b: { code: string }) => b.code)).toContain('allergy-substance');
    const codeine = await prescribe(
      p,
      rx({ medicineId: 'codeine', name: 'Codeine', form: 'tablet', strength: '30 mg', doseAmount: 30 }),
    );
    expect(codes(codeine)).toContain('allergy-cross-sensitivity');
    const fentanyl = await physician.post(`/api/v1/patients/${p}/prescriptions/review`, {
      draft: rx({
        medicineId: 'fentanyl',
        name: 'Fentanyl',
        form: 'injection',
        strength: '50 mcg/ml',
        route: 'sc',
        doseAmount: 25,
        doseUnit: 'mcg',
      }),
    });
    expect(fentanyl.body.safety.warnings.map((w: { code: string }) => w.code)).toContain(
      'allergy-same-class',
    );
  });

  it('CKD stage 5: morphine, tramadol need acknowledging (avoid); oxycodone warns (reduce)', async () => {
    const p = await newPatient({
      diagnoses: [{ icd10: 'N18.5', description: 'CKD stage 5', primary: true }],
    });
    const morphine = await prescribe(p, rx({ acknowledgeWarnings: false }));
    expect(morphine.status).toBe(409);
    expect(morphine.body.error.details.problems[0]).toMatchObject({
      code: 'renal-avoid',
      source: 'scottishRenal',
    });
    const tramadol = await prescribe(
      p,
      rx({
        medicineId: 'tramadol',
        name: 'Tramadol',
        form: 'capsule',
        strength: '50 mg',
        doseAmount: 50,
        acknowledgeWarnings: false,
      }),
    );
    expect(codes(tramadol)).toContain('renal-avoid');
    const review = await physician.post(`/api/v1/patients/${p}/prescriptions/review`, {
      draft: rx({ medicineId: 'oxycodone', name: 'Oxycodone', strength: '5 mg/5 ml' }),
    });
    expect(review.body.safety.warnings.map((w: { code: string }) => w.code)).toContain('renal-reduce');
  });

  it('two as-needed morphine prescriptions warn as duplicates and share one interval and one 24 h count', async () => {
    const p = await newPatient();
    const a = await prescribe(p, rx({ minIntervalMinutes: 60, maxDosesPer24h: 4 }));
    const dup = await prescribe(
      p,
      rx({
        form: 'tablet',
        strength: '10 mg',
        doseAmount: 10,
        minIntervalMinutes: 60,
        maxDosesPer24h: 4,
        acknowledgeWarnings: false,
      }),
    );
    expect(codes(dup)).toContain('duplicate-ingredient');
    const b = await prescribe(
      p,
      rx({ form: 'tablet', strength: '10 mg', doseAmount: 10, minIntervalMinutes: 60, maxDosesPer24h: 4 }),
    );
    expect(b.status).toBe(201);
    expect((await give(p, { prescriptionId: a.body.id, doseAmount: 5, doseUnit: 'mg' })).body.status).toBe(
      'given',
    );
    t.advance(10 * minute);
    const soon = await give(p, { prescriptionId: b.body.id, doseAmount: 10, doseUnit: 'mg' });
    expect(soon.body).toMatchObject({ status: 'refused', refusalReason: 'too-soon' });
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.advance(80 * minute);
      const which = i % 2 === 0 ? b.body : a.body;
      statuses.push(
        (await give(p, { prescriptionId: which.id, doseAmount: which.doseAmount, doseUnit: 'mg' })).body
          .status,
      );
    }
    // four in 24 h for the ingredient: the 5th and 6th dose within 8 hours are refused
    expect(statuses).toEqual(['given', 'given', 'given', 'refused', 'refused']);
  });
});

describe('verbal orders, free text, late entries', () => {
  it('a verbal order cannot authorise 50 mg on a 5 mg prescription, nor a dose 10 minutes after the last', async () => {
    const p = await newPatient();
    const r = await prescribe(p, rx({ minIntervalMinutes: 60, maxDosesPer24h: 6 }));
    const physicianId = physician.userId!;
    expect((await give(p, { prescriptionId: r.body.id, doseAmount: 5, doseUnit: 'mg' })).body.status).toBe(
      'given',
    );
    t.advance(10 * minute);
    const fifty = await give(p, {
      prescriptionId: r.body.id,
      doseAmount: 50,
      doseUnit: 'mg',
      verbalOrderPhysicianId: physicianId,
    });
    expect(fifty.body).toMatchObject({ status: 'refused', refusalReason: 'dose-mismatch' });
    const soon = await give(p, {
      prescriptionId: r.body.id,
      doseAmount: 5,
      doseUnit: 'mg',
      verbalOrderPhysicianId: physicianId,
    });
    expect(soon.body).toMatchObject({ status: 'refused', refusalReason: 'too-soon' });
    t.advance(60 * minute);
    const expired = await give(p, {
      prescriptionId: r.body.id,
      doseAmount: 5,
      doseUnit: 'mg',
      verbalOrderPhysicianId: physicianId,
      verbalOrderAt: new Date(t.now().getTime() - 3 * 60 * minute).toISOString(),
    });
    expect(expired.body).toMatchObject({ status: 'refused', refusalReason: 'verbal-order-expired' });
    // rescue doses past the threshold raise the review alert on the verbal-order path too (> not ==)
    for (let i = 0; i < 3; i++) {
      const ok = await give(p, {
        prescriptionId: r.body.id,
        doseAmount: 5,
        doseUnit: 'mg',
        verbalOrderPhysicianId: physicianId,
      });
      expect(ok.body.status).toBe('given');
      t.advance(61 * minute);
    }
    const alerts = (await physician.get(`/api/v1/patients/${p}/alerts`)).body.items;
    expect(alerts.some((a: { ruleId: string }) => a.ruleId === 'rescue.over-threshold')).toBe(true);
  });

  it('a free-text opioid declares its class, counts as controlled, and cannot be given until mapped', async () => {
    const p = await newPatient();
    const free = { ...rx({ medicineId: null, name: 'Morphine sulfate', form: null, strength: null }) };
    expect(codes(await prescribe(p, free))).toContain('formulary-medicine-as-free-text');
    const other = { ...free, name: 'Levorphanol' };
    expect(codes(await prescribe(p, other))).toEqual(['free-text-class-missing']);
    const ok = await prescribe(p, { ...other, declaredClass: 'strong_opioid' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ controlled: true, declaredClass: 'strong_opioid' });
    const dose = await give(p, { prescriptionId: ok.body.id, doseAmount: 5, doseUnit: 'mg' });
    expect(dose.body).toMatchObject({ status: 'refused', refusalReason: 'unmapped-opioid' });
    const review = await physician.post(`/api/v1/patients/${p}/prescriptions/review`, {});
    expect(review.body.maximumOme.incomplete).toBe(true);
  });

  it('a late entry is checked against the version of its time and then counts in the guard', async () => {
    const p = await newPatient();
    const r = await prescribe(p, rx({ minIntervalMinutes: 240, maxDosesPer24h: 6 }));
    t.advance(3 * 60 * minute);
    const changed = await physician.post(`/api/v1/patients/${p}/prescriptions/${r.body.id}/change`, {
      ...rx({ doseAmount: 10, minIntervalMinutes: 240, maxDosesPer24h: 6, startsAt: r.body.startsAt }),
      reason: 'Pain not controlled',
    });
    expect(changed.status).toBe(200);
    const late = await give(p, {
      prescriptionId: r.body.id,
      doseAmount: 5,
      doseUnit: 'mg',
      givenAt: new Date(t.now().getTime() - 2 * 60 * minute).toISOString(),
    });
    expect(late.body).toMatchObject({ status: 'given', prescriptionVersion: 1 });
    const now = await give(p, { prescriptionId: r.body.id, doseAmount: 10, doseUnit: 'mg' });
    expect(now.body).toMatchObject({ status: 'refused', refusalReason: 'too-soon' });
  });

  it('products read apart: MR and IR morphine, liquids in mg and ml; methadone leaves the total incomplete', async () => {
    const p = await newPatient();
    const ir = await prescribe(p, rx());
    expect(ir.body.label).toBe('Morphine immediate-release oral solution 10 mg/5 ml, 5 mg (2.5 ml)');
    expect(ir.body.doseVolumeMl).toBe(2.5);
    const mr = await prescribe(
      p,
      rx({
        form: 'mr_tablet',
        strength: '30 mg',
        doseAmount: 30,
        kind: 'scheduled',
        timesOfDay: ['08:00', '20:00'],
        minIntervalMinutes: null,
        maxDosesPer24h: null,
      }),
    );
    expect(mr.body.label).toBe('Morphine modified-release tablet 30 mg, 30 mg');
    const dose = await give(p, { prescriptionId: ir.body.id, doseAmount: 5, doseUnit: 'mg' });
    expect(dose.body.medicineName).toBe('Morphine immediate-release oral solution 10 mg/5 ml');
    const review = await physician.post(`/api/v1/patients/${p}/prescriptions/review`, {
      draft: rx({
        medicineId: 'methadone',
        name: 'Methadone',
        form: 'tablet',
        strength: '5 mg',
        doseAmount: 5,
        kind: 'scheduled',
        timesOfDay: ['08:00'],
        minIntervalMinutes: null,
        maxDosesPer24h: null,
      }),
    });
    expect(review.body.baselineOme.incomplete).toBe(true);
    expect(
      review.body.baselineOme.lines.find((l: { medicineId: string }) => l.medicineId === 'methadone').warning,
    ).toBe('methadone');
  });
});

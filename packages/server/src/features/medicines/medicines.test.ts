import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, demoPassword, type TestApp } from '../../test/harness.ts';

// 2026-11-23T09:00Z is 12:00 in Minsk (the demo's zone, UTC+3)
let t: TestApp;
let physician: Agent;
let physician2: Agent;
let nurse: Agent;
let family: Agent;
let family2: Agent;
let coordinator: Agent;
let patientId: string;
let otherPatientId: string;
const minute = 60_000;

const prn = (over: Record<string, unknown> = {}) => ({
  medicineId: 'morphine',
  name: 'Morphine oral solution 10 mg/5 ml',
  form: 'oral_solution',
  route: 'oral',
  doseAmount: 5,
  doseUnit: 'mg',
  kind: 'prn',
  minIntervalMinutes: 240,
  maxDosesPer24h: 6,
  indication: 'Breakthrough pain',
  startsAt: t.now().toISOString(),
  ...over,
});

/** Sessions last 12 h and the tests move the clock by days: log everyone in again. */
let loggedInAt = 0;
async function loginAll() {
  if (loggedInAt && t.now().getTime() - loggedInAt < 8 * 60 * minute) return;
  loggedInAt = t.now().getTime();
  physician = await t.login('physician');
  physician2 = await t.login('physician2@demo.hearth.local');
  nurse = await t.login('nurse');
  family = await t.login('family');
  family2 = await t.login('family');
  coordinator = await t.login('coordinator');
}

beforeAll(async () => {
  t = await createTestApp();
  await loginAll();
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  const all = await coordinator.get('/api/v1/patients?limit=200');
  otherPatientId = all.body.items.find(
    (p: { id: string; status: string }) => p.id !== patientId && p.status === 'active',
  ).id;
  // issue 12: a child's prescription needs a current weight; the demo patients may be children
  for (const id of [patientId, otherPatientId])
    expect(
      (await physician.post(`/api/v1/patients/${id}/weights`, { kg: 60, measuredOn: '2026-11-20' })).status,
    ).toBe(200);
});
afterAll(async () => t.close());
beforeEach(loginAll);

const notificationsOf = async (a: Agent) =>
  (await a.get('/api/v1/notifications?limit=200')).body.items as {
    kind: string;
    title: string;
    body: string;
  }[];

describe('prescribing', () => {
  it('only a physician prescribes; every other role is refused by the server', async () => {
    for (const who of [nurse, coordinator, family]) {
      const res = await who.post(`/api/v1/patients/${patientId}/prescriptions`, prn());
      expect(res.status).toBe(403);
    }
    const res = await physician.post(
      `/api/v1/patients/${otherPatientId}/prescriptions`,
      prn({ acknowledgeWarnings: true }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      version: 1,
      kind: 'prn',
      doseAmount: 5,
      status: 'active',
      controlled: true,
    });
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const before = (await physician.get(`/api/v1/patients/${otherPatientId}/prescriptions`)).body.length;
    const res = await physician.post(
      `/api/v1/patients/${otherPatientId}/prescriptions`,
      prn({ minIntervalMinutes: null }),
    );
    expect(res.status).toBe(400);
    const bad = await physician.post(
      `/api/v1/patients/${otherPatientId}/prescriptions`,
      prn({ form: 'patch', route: 'oral' }),
    );
    expect(bad.status).toBe(400);
    expect((await physician.get(`/api/v1/patients/${otherPatientId}/prescriptions`)).body.length).toBe(
      before,
    );
  });

  it('checks allergies: a recorded allergy stops the prescription until the physician gives a reason', async () => {
    await physician.post(`/api/v1/patients/${otherPatientId}/allergies`, {
      substance: 'Диклофенак',
      severity: 'severe',
    });
    const body = {
      medicineId: 'diclofenac',
      name: 'Diclofenac 50 mg',
      form: 'tablet',
      route: 'oral',
      doseAmount: 50,
      doseUnit: 'mg',
      kind: 'scheduled',
      timesOfDay: ['08:00', '20:00'],
      indication: 'Bone pain',
      startsAt: t.now().toISOString(),
    };
    const res = await physician.post(`/api/v1/patients/${otherPatientId}/prescriptions`, body);
    expect(res.status).toBe(409);
    expect(res.body.error.details.problems[0]).toMatchObject({
      code: 'allergy-substance',
      params: { allergy: 'Диклофенак' },
      overridable: true,
    });
    const acknowledged = await physician.post(`/api/v1/patients/${otherPatientId}/prescriptions`, {
      ...body,
      acknowledgeWarnings: true,
    });
    expect(acknowledged.status).toBe(409);
    const ok = await physician.post(`/api/v1/patients/${otherPatientId}/prescriptions`, {
      ...body,
      acknowledgeWarnings: true,
      overrideReason: 'Reaction was a mild rash years ago; discussed with the patient',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.overrideReason).toContain('mild rash');
  });

  it('reviews the regimen: opioid without laxative, two long-acting opioids, OME with sources', async () => {
    const draft = {
      medicineId: 'fentanyl',
      name: 'Fentanyl patch 25 mcg/h',
      form: 'patch',
      route: 'transdermal',
      doseAmount: 25,
      doseUnit: 'mcg/h',
      kind: 'scheduled',
      timesOfDay: ['09:00'],
      indication: 'Pain',
      startsAt: t.now().toISOString(),
    };
    const mst = {
      ...draft,
      medicineId: 'morphine',
      name: 'Morphine MR 30 mg',
      form: 'mr_tablet',
      route: 'oral',
      doseAmount: 30,
      doseUnit: 'mg',
      timesOfDay: ['08:00', '20:00'],
    };
    expect((await physician.post(`/api/v1/patients/${otherPatientId}/prescriptions`, mst)).status).toBe(201);
    const res = await physician.post(`/api/v1/patients/${otherPatientId}/prescriptions/review`, { draft });
    expect(res.status).toBe(200);
    const codes = res.body.warnings.map((w: { code: string }) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['opioid-without-laxative', 'two-long-acting-opioids']));
    // 60 mg oral morphine + 25 mcg/h × 2–2.4
    expect(res.body.baselineOme.total.low).toBeCloseTo(110);
    expect(res.body.baselineOme.total.high).toBeCloseTo(120);
    expect(res.body.baselineOme.lines[1].sources.map((s: { source: string }) => s.source)).toContain(
      'cdc2022',
    );
    const blocked = await physician.post(`/api/v1/patients/${otherPatientId}/prescriptions`, draft);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.details.problems.map((p: { code: string }) => p.code)).toContain(
      'two-long-acting-opioids',
    );
    expect(
      (await nurse.post(`/api/v1/patients/${otherPatientId}/prescriptions/review`, { draft })).status,
    ).toBe(403);
  });

  it('the calculator is for physicians, shows arithmetic and sources, and never writes a prescription', async () => {
    const before = (await physician.get(`/api/v1/patients/${otherPatientId}/prescriptions`)).body.length;
    const res = await physician.post('/api/v1/medicines/convert', {
      from: [{ medicineId: 'morphine', route: 'oral', dose24h: 60, unit: 'mg' }],
      to: { medicineId: 'oxycodone', route: 'oral' },
    });
    expect(res.status).toBe(200);
    // GG&C (the default reference guideline): oral morphine → oral oxycodone, divide by 2
    expect(res.body.equianalgesic.reference).toBeCloseTo(30);
    expect(res.body.reduced.at25).toBeCloseTo(22.5);
    expect(res.body.sources.cdc2022.url).toContain('medscape');
    expect(res.body.steps.length).toBeGreaterThan(3);
    const methadone = await physician.post('/api/v1/medicines/convert', {
      from: [{ medicineId: 'methadone', route: 'oral', dose24h: 30, unit: 'mg' }],
      to: { medicineId: 'morphine', route: 'oral' },
    });
    expect(methadone.body).toMatchObject({ ok: false, warnings: ['methadone'] });
    expect(
      (await nurse.post('/api/v1/medicines/convert', { from: [], to: { medicineId: 'x', route: 'oral' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await nurse.post('/api/v1/medicines/convert', {
          from: [{ medicineId: 'morphine', route: 'oral', dose24h: 60, unit: 'mg' }],
          to: { medicineId: 'oxycodone', route: 'oral' },
        })
      ).status,
    ).toBe(403);
    expect((await physician.get(`/api/v1/patients/${otherPatientId}/prescriptions`)).body.length).toBe(
      before,
    );
  });

  it('serves the formulary with WHO ladder steps', async () => {
    const res = await nurse.get('/api/v1/medicines/formulary');
    expect(res.status).toBe(200);
    expect(res.body.find((m: { id: string }) => m.id === 'morphine').whoStep).toBe(3);
    expect(res.body.find((m: { id: string }) => m.id === 'codeine').whoStep).toBe(2);
    expect(res.body.find((m: { id: string }) => m.id === 'paracetamol').whoStep).toBe(1);
    expect((await family.get('/api/v1/medicines/formulary')).status).toBe(403);
  });
});

describe('the dose guard through the portal', () => {
  let rxId: string;
  it('a family member records a dose; an hour later the second is refused in plain words, stored, and the physician is told', async () => {
    const created = await physician.post(
      `/api/v1/patients/${patientId}/prescriptions`,
      prn({ acknowledgeWarnings: true }),
    );
    expect(created.status).toBe(201);
    rxId = created.body.id;
    const today = await family.get(`/api/v1/patients/${patientId}/medicines/today`);
    expect(today.status).toBe(200);
    expect(
      today.body.items.find((i: { prescription: { id: string } }) => i.prescription.id === rxId).canGiveNow,
    ).toBe(true);

    const first = await family.post(`/api/v1/patients/${patientId}/administrations`, {
      prescriptionId: rxId,
      doseAmount: 5,
      doseUnit: 'mg',
    });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('given');

    t.advance(60 * minute);
    const second = await family.post(`/api/v1/patients/${patientId}/administrations`, {
      prescriptionId: rxId,
      doseAmount: 5,
      doseUnit: 'mg',
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'refused', refusalReason: 'too-soon' });
    // 09:00Z + 4 h = 13:00Z = 16:00 in Minsk; the family user's locale is Russian
    expect(second.body.refusalMessage).toContain('16:00');
    expect(second.body.refusalMessage).toContain('+375 17 000-12-34');
    expect(second.body.nextAllowedAt).toBe('2026-11-23T13:00:00.000Z');

    const alerts = await physician.get(`/api/v1/patients/${patientId}/alerts`);
    const refused = alerts.body.items.find((a: { ruleId: string }) => a.ruleId === 'dose.refused');
    expect(refused).toMatchObject({
      ruleSet: 'medicines',
      severity: 'review',
      status: 'open',
      sourceType: 'medicine_administration',
    });
    expect(refused.facts).toMatchObject({ reason: 'too-soon', prescribed: '5 mg' });
    expect(refused.factLines).toEqual([
      {
        key: 'doseRefused',
        params: {
          medicine: 'morphine',
          amount: 5,
          unit: 'mg',
          givenAt: refused.facts.givenAt,
          reason: 'too-soon',
        },
      },
      { key: 'doseNextAllowed', params: { nextAllowedAt: '2026-11-23T13:00:00.000Z' } },
    ]);
    expect(refused.ownerId).not.toBeNull();
    expect((await notificationsOf(physician)).some((n) => n.title.startsWith('Dose refused'))).toBe(true);

    const chart = await nurse.get(`/api/v1/patients/${patientId}/medicine-chart`);
    expect(chart.status).toBe(200);
    const mine = chart.body.entries.filter((e: { prescriptionId: string }) => e.prescriptionId === rxId);
    expect(mine.map((e: { status: string }) => e.status)).toEqual(['refused', 'given']);
    expect(mine[1].recordedByRole).toBe('family');
  });

  it('refuses a different dose and a stopped medicine', async () => {
    t.advance(4 * 60 * minute);
    const wrong = await family.post(`/api/v1/patients/${patientId}/administrations`, {
      prescriptionId: rxId,
      doseAmount: 10,
      doseUnit: 'mg',
    });
    expect(wrong.body).toMatchObject({ status: 'refused', refusalReason: 'dose-mismatch' });
    expect(
      (await family.post(`/api/v1/patients/${patientId}/prescriptions/${rxId}/stop`, { reason: 'no reason' }))
        .status,
    ).toBe(403);
  });

  it('a change is a new version with its reason; the history stays', async () => {
    const res = await physician.post(`/api/v1/patients/${patientId}/prescriptions/${rxId}/change`, {
      ...prn({ doseAmount: 10, acknowledgeWarnings: true }),
      reason: 'Pain not controlled on 5 mg',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, doseAmount: 10, reason: 'Pain not controlled on 5 mg' });
    const versions = await family.get(`/api/v1/patients/${patientId}/prescriptions/${rxId}/versions`);
    expect(
      versions.body.map((v: { version: number; doseAmount: number }) => [v.version, v.doseAmount]),
    ).toEqual([
      [1, 5],
      [2, 10],
    ]);
    expect(
      (
        await nurse.post(`/api/v1/patients/${patientId}/prescriptions/${rxId}/change`, {
          ...prn(),
          reason: 'x y z',
        })
      ).status,
    ).toBe(403);
    const given = await family.post(`/api/v1/patients/${patientId}/administrations`, {
      prescriptionId: rxId,
      doseAmount: 10,
      doseUnit: 'mg',
    });
    expect(given.body.status).toBe('given');
  });

  it('two family members at once cannot both pass the guard', async () => {
    const rx = await physician.post(
      `/api/v1/patients/${patientId}/prescriptions`,
      // oxycodone: the morphine doses above count for morphine (the guard counts by ingredient)
      prn({
        medicineId: 'oxycodone',
        name: 'Oxycodone for the race test',
        strength: '5 mg/5 ml',
        startsAt: t.now().toISOString(),
        acknowledgeWarnings: true,
      }),
    );
    expect(rx.status).toBe(201);
    const attempts = await Promise.all(
      [family, family2, family, family2, family, family2].map((a) =>
        a.post(`/api/v1/patients/${patientId}/administrations`, {
          prescriptionId: rx.body.id,
          doseAmount: 5,
          doseUnit: 'mg',
        }),
      ),
    );
    expect(attempts.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const statuses = attempts.map((a) => a.body.status).sort();
    expect(statuses).toEqual(['given', 'refused', 'refused', 'refused', 'refused', 'refused']);
    await physician.post(`/api/v1/patients/${patientId}/prescriptions/${rx.body.id}/stop`, {
      reason: 'End of the race test',
    });
  });

  it('stopping ends the medicine: the next record is refused', async () => {
    const stop = await physician.post(`/api/v1/patients/${patientId}/prescriptions/${rxId}/stop`, {
      reason: 'Switched to a patch',
    });
    expect(stop.status).toBe(200);
    expect(stop.body).toMatchObject({ status: 'ended', version: 3 });
    // each refusal names its reason as a code, for the web to say in the reader's language
    const base = `/api/v1/patients/${patientId}/prescriptions/${rxId}`;
    const change = { ...prn({ doseAmount: 10, acknowledgeWarnings: true }), reason: 'Again' };
    const refusals = [
      [await physician.post(`${base}/stop`, { reason: 'Twice' }), 'prescription-already-ended'],
      [await physician.post(`${base}/change`, change), 'prescription-ended'],
    ] as const;
    for (const [res, reason] of refusals) {
      expect(res.status, reason).toBe(409);
      expect(res.body.error.details.reason).toBe(reason);
    }
    t.advance(5 * 60 * minute);
    const res = await family.post(`/api/v1/patients/${patientId}/administrations`, {
      prescriptionId: rxId,
      doseAmount: 10,
      doseUnit: 'mg',
    });
    expect(res.body).toMatchObject({ status: 'refused', refusalReason: 'ended' });
  });

  it('more than three rescue doses in 24 h raises a review alert', async () => {
    const rx = await physician.post(
      `/api/v1/patients/${patientId}/prescriptions`,
      prn({
        minIntervalMinutes: 60,
        maxDosesPer24h: 8,
        startsAt: t.now().toISOString(),
        acknowledgeWarnings: true,
      }),
    );
    const rescueAlerts = async () =>
      (await physician.get(`/api/v1/patients/${patientId}/alerts`)).body.items.filter(
        (a: { ruleId: string }) => a.ruleId === 'rescue.over-threshold',
      );
    expect(await rescueAlerts()).toEqual([]);
    for (let k = 0; k < 4; k++) {
      const r = await nurse.post(`/api/v1/patients/${patientId}/administrations`, {
        prescriptionId: rx.body.id,
        doseAmount: 5,
        doseUnit: 'mg',
      });
      expect(r.body.status).toBe('given');
      t.advance(61 * minute);
    }
    const after = await rescueAlerts();
    expect(after.length).toBe(1);
    expect(after[0].title).toContain('4 rescue doses');
    // the facts follow the latest dose (a repeat updates them); the patient's earlier morphine
    // doses of the day count too, since the guard counts by ingredient
    expect(after[0].facts).toMatchObject({ threshold: 3 });
    expect(after[0].facts.rescueDoses24h).toBeGreaterThan(3);
    // the fact sentences come from structured facts: the count, the threshold and the last dose
    const lastAt = new Date(t.now().getTime() - 61 * minute).toISOString();
    expect(after[0].factLines).toEqual([
      { key: 'rescueDoses', params: { count: after[0].facts.rescueDoses24h, threshold: 3 } },
      { key: 'rescueLastDose', params: { medicine: 'morphine', amount: 5, unit: 'mg', lastAt } },
    ]);
  });
});

describe('nurse verbal orders', () => {
  it('a nurse records a dose on a verbal order; only that physician countersigns', async () => {
    const rx = await physician.post(
      `/api/v1/patients/${patientId}/prescriptions`,
      prn({
        medicineId: 'midazolam',
        name: 'Midazolam',
        form: 'injection',
        route: 'sc',
        doseAmount: 2.5,
        indication: 'Agitation',
        acknowledgeWarnings: true,
      }),
    );
    const physicianId = physician.userId!;
    // issue 12: a verbal order authorises only what the prescription allows
    const wrong = await nurse.post(`/api/v1/patients/${patientId}/administrations`, {
      prescriptionId: rx.body.id,
      doseAmount: 5,
      doseUnit: 'mg',
      verbalOrderPhysicianId: physicianId,
    });
    expect(wrong.body).toMatchObject({ status: 'refused', refusalReason: 'dose-mismatch' });
    const rec = await nurse.post(`/api/v1/patients/${patientId}/administrations`, {
      prescriptionId: rx.body.id,
      doseAmount: 2.5,
      doseUnit: 'mg',
      verbalOrderPhysicianId: physicianId,
      note: 'Severe agitation, phoned Dr',
    });
    expect(rec.body).toMatchObject({
      status: 'given',
      verbalOrderPhysicianId: physicianId,
      countersignedAt: null,
    });
    expect(
      (
        await family.post(`/api/v1/patients/${patientId}/administrations`, {
          prescriptionId: rx.body.id,
          doseAmount: 5,
          doseUnit: 'mg',
          verbalOrderPhysicianId: physicianId,
        })
      ).status,
    ).toBe(403);
    expect(
      (await physician2.post(`/api/v1/patients/${patientId}/administrations/${rec.body.id}/countersign`))
        .status,
    ).toBe(403);
    const signed = await physician.post(
      `/api/v1/patients/${patientId}/administrations/${rec.body.id}/countersign`,
    );
    expect(signed.status).toBe(200);
    expect(signed.body.countersignedAt).not.toBeNull();
    const again = await physician.post(
      `/api/v1/patients/${patientId}/administrations/${rec.body.id}/countersign`,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual({ reason: 'already-countersigned', facts: {} });
  });
});

describe('medicine chart and today', () => {
  it('shows scheduled doses as given, due, upcoming and missed', async () => {
    const p = await physician.post(`/api/v1/patients/${otherPatientId}/prescriptions`, {
      medicineId: 'senna',
      name: 'Senna 7.5 mg',
      form: 'tablet',
      route: 'oral',
      doseAmount: 15,
      doseUnit: 'mg',
      kind: 'scheduled',
      timesOfDay: ['00:30', '23:30'],
      indication: 'Constipation on opioids',
      startsAt: new Date(t.now().getTime() - 3 * 24 * 60 * minute).toISOString(),
      // the patient is a child: senna has no paediatric limit in the formulary, acknowledged
      acknowledgeWarnings: true,
    });
    expect(p.status).toBe(201);
    const chart = await nurse.get(`/api/v1/patients/${otherPatientId}/medicine-chart`);
    expect(
      chart.body.missed.filter((m: { prescriptionId: string }) => m.prescriptionId === p.body.id).length,
    ).toBeGreaterThan(2);
    expect((await family.get(`/api/v1/patients/${otherPatientId}/medicine-chart`)).status).toBe(404);
    // a family member sees only their own patient's medicines
    for (const path of ['prescriptions', 'medicines/today', 'anticipatory'])
      expect((await family.get(`/api/v1/patients/${otherPatientId}/${path}`)).status).toBe(404);
    expect((await family.get(`/api/v1/patients/${patientId}/medicines/today`)).status).toBe(200);
    expect((await family.get(`/api/v1/patients/${patientId}/medicine-chart`)).status).toBe(403);
  });
});

describe('anticipatory medicines', () => {
  it('records where the box is and reminds the team before it expires', async () => {
    const res = await nurse.request('PUT', `/api/v1/patients/${patientId}/anticipatory/box`, {
      location: 'Kitchen, top shelf, blue box',
      expiresOn: '2027-01-10',
    });
    expect(res.status).toBe(200);
    expect(res.body.box.location).toContain('blue box');
    expect(res.body.missingPurposes).toEqual(['breathlessness']);
    expect(res.body.prescriptions.length).toBe(4);
    expect((await family.get(`/api/v1/patients/${patientId}/anticipatory`)).body.box.expiresOn).toBe(
      '2027-01-10',
    );
    expect(
      (
        await family.request('PUT', `/api/v1/patients/${patientId}/anticipatory/box`, {
          location: 'xx',
          expiresOn: '2027-01-10',
        })
      ).status,
    ).toBe(403);
    // saved again with the same date: still one reminder; the job is durable across a restart
    t.advance(minute);
    await nurse.request('PUT', `/api/v1/patients/${patientId}/anticipatory/box`, {
      location: 'Kitchen, top shelf, blue box',
      expiresOn: '2027-01-10',
    });
    await t.restart();
    t.advance(30 * 24 * 60 * minute);
    await runJobs();
    await loginAll();
    const expiry = () =>
      notificationsOf(nurse).then((list) =>
        list.filter((n) => n.kind === 'medicines.anticipatory-expiry' && n.body.includes('blue box')),
      );
    expect(await expiry()).toHaveLength(0);
    t.advance(10 * 24 * 60 * minute);
    await runJobs();
    await runJobs();
    await loginAll();
    expect(await expiry()).toHaveLength(1);
  });
});

/** "HH:MM" in Minsk (UTC+3 all year), the demo organization's zone. */
const minskTime = (d: Date) => new Date(d.getTime() + 180 * minute).toISOString().slice(11, 16);

/** Runs every job that is due, however many batches that takes. */
async function runJobs() {
  for (let i = 0; i < 20 && (await t.hearth.jobs.runDue()) > 0; i++);
}

describe('due-dose reminders for the family', () => {
  const remindersOf = async (name: string) =>
    (await notificationsOf(family)).filter((n) => n.kind === 'medicines.dose-due' && n.body.includes(name));

  it('reminds the family once when a scheduled dose is due and not recorded, across a restart', async () => {
    const first = new Date(t.now().getTime() + 2 * 60 * minute);
    const second = new Date(t.now().getTime() + 8 * 60 * minute);
    const rx = await physician.post(`/api/v1/patients/${patientId}/prescriptions`, {
      medicineId: 'metoclopramide',
      name: 'Metoclopramide',
      form: 'tablet',
      route: 'oral',
      doseAmount: 10,
      doseUnit: 'mg',
      kind: 'scheduled',
      timesOfDay: [minskTime(first), minskTime(second)],
      indication: 'Nausea',
      startsAt: t.now().toISOString(),
      acknowledgeWarnings: true,
      // an earlier metoclopramide prescription is still active: together past the EMA 30 mg a day
      overrideReason: 'Reminder test: the earlier prescription is being stopped today',
    });
    expect(rx.status).toBe(201);
    await runJobs();
    expect(await remindersOf('Metoclopramide')).toHaveLength(0);

    // the reminder is a durable job: a restart in between loses nothing
    await t.restart();
    t.advance(2 * 60 * minute + 1000);
    await runJobs();
    await runJobs();
    const sent = await remindersOf('Metoclopramide');
    expect(sent).toHaveLength(1);
    // what the family already sees on today's schedule, and no dose or indication
    expect(sent[0]!.title).not.toContain('Metoclopramide');
    expect(sent[0]!.body).toContain(minskTime(first));
    expect(sent[0]!.body).not.toMatch(/10 mg|Nausea/);
    // staff are not sent the family's reminders
    expect((await notificationsOf(nurse)).some((n) => n.kind === 'medicines.dose-due')).toBe(false);

    // the second dose is recorded on time: no reminder for it
    t.advance(6 * 60 * minute - 10 * minute);
    await loginAll();
    const given = await family.post(`/api/v1/patients/${patientId}/administrations`, {
      prescriptionId: rx.body.id,
      doseAmount: 10,
      doseUnit: 'mg',
    });
    expect(given.body.status).toBe('given');
    t.advance(20 * minute);
    await runJobs();
    expect(await remindersOf('Metoclopramide')).toHaveLength(1);

    // a change is a new version: its own chain, and the old one does not remind twice
    const change = await physician.post(`/api/v1/patients/${patientId}/prescriptions/${rx.body.id}/change`, {
      ...rx.body,
      medicineId: 'metoclopramide',
      form: 'tablet',
      strength: null,
      instructions: 'Before food',
      endsAt: null,
      anticipatoryPurpose: null,
      minIntervalMinutes: null,
      maxDosesPer24h: null,
      reason: 'Take before food',
      acknowledgeWarnings: true,
    });
    expect(change.status).toBe(200);
    t.advance(24 * 60 * minute - 6 * 60 * minute);
    await loginAll();
    await runJobs();
    expect(await remindersOf('Metoclopramide')).toHaveLength(2);

    // stopped: no more reminders
    await physician.post(`/api/v1/patients/${patientId}/prescriptions/${rx.body.id}/stop`, {
      reason: 'Nausea settled',
    });
    t.advance(24 * 60 * minute);
    await loginAll();
    await runJobs();
    expect(await remindersOf('Metoclopramide')).toHaveLength(2);
  });
});

describe('controlled-drug register', () => {
  it('tracks stock, flags a count difference to the physician, and needs two people for disposal', async () => {
    const stock = await nurse.post(`/api/v1/patients/${patientId}/controlled-drugs`, {
      name: 'Morphine 10 mg/ml ampoule',
      unit: 'ampoule',
    });
    expect(stock.status).toBe(201);
    const url = `/api/v1/patients/${patientId}/controlled-drugs/${stock.body.id}/entries`;
    expect((await nurse.post(url, { kind: 'received', quantity: 10 })).body.balance).toBe(10);
    expect((await nurse.post(url, { kind: 'administered', quantity: 1 })).body.balance).toBe(9);
    const short = await nurse.post(url, { kind: 'administered', quantity: 20 });
    expect(short.status).toBe(409);
    expect(short.body.error.details).toEqual({
      reason: 'register-short',
      facts: { balance: 9, quantity: 20, unit: stock.body.unit },
    });
    // issue 13: a count that differs needs a reason and a second member of staff confirming
    const witness = { email: 'nurse2@demo.hearth.local', password: demoPassword };
    const bare = await nurse.post(url, { kind: 'count', counted: 8 });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.fields[0].field).toBe('body.reason');
    const noWitness = await nurse.post(url, { kind: 'count', counted: 8, reason: 'One ampoule broken' });
    expect(noWitness.status).toBe(400);
    expect(noWitness.body.error.details.fields[0].field).toBe('body.witness');
    const wrongPassword = await nurse.post(url, {
      kind: 'count',
      counted: 8,
      reason: 'One ampoule broken',
      witness: { ...witness, password: 'not-the-password' },
    });
    expect(wrongPassword.status).toBe(400);
    const selfWitness = await nurse.post(url, {
      kind: 'count',
      counted: 8,
      reason: 'One ampoule broken',
      witness: { email: 'nurse@demo.hearth.local', password: demoPassword },
    });
    expect(selfWitness.status).toBe(400);
    const register = (await nurse.get(`/api/v1/patients/${patientId}/controlled-drugs`)).body;
    expect(register.find((x: { id: string }) => x.id === stock.body.id).balance).toBe(9);
    const count = await nurse.post(url, { kind: 'count', counted: 8, reason: 'One ampoule broken', witness });
    expect(count.status, count.raw).toBe(200);
    expect(count.body.entries.at(-1)).toMatchObject({
      kind: 'count',
      expected: 9,
      discrepancy: -1,
      note: 'One ampoule broken',
      witnessName: expect.any(String),
    });
    // a count that matches needs neither
    expect((await nurse.post(url, { kind: 'count', counted: 8 })).status).toBe(200);
    const alerts = (await physician.get(`/api/v1/patients/${patientId}/alerts`)).body.items;
    expect(alerts.some((a: { ruleId: string }) => a.ruleId === 'controlled.count-discrepancy')).toBe(true);
    const self = await nurse.post(url, {
      kind: 'disposed',
      quantity: 8,
      witness: { email: 'nurse@demo.hearth.local', password: demoPassword },
      method: 'Denaturing kit',
    });
    expect(self.status).toBe(400);
    const disposed = await nurse.post(url, {
      kind: 'disposed',
      quantity: 8,
      witness,
      method: 'Denaturing kit',
    });
    expect(disposed.status).toBe(200);
    expect(disposed.body.balance).toBe(0);
    expect(disposed.body.entries.at(-1).witnessName).toBeTruthy();
    expect((await family.post(url, { kind: 'received', quantity: 1 })).status).toBe(403);
    expect((await family.get(`/api/v1/patients/${patientId}/controlled-drugs`)).status).toBe(403);
  });
});

describe('controlled-drug register drawn down by doses', () => {
  it('each dose given comes off the linked stock with a running balance; below zero is flagged', async () => {
    // the clock has moved on: a child's weight must be current (issue 12)
    await physician.post(`/api/v1/patients/${otherPatientId}/weights`, {
      kg: 60,
      measuredOn: t.now().toISOString().slice(0, 10),
    });
    const rx = await physician.post(
      `/api/v1/patients/${otherPatientId}/prescriptions`,
      prn({
        name: 'Morphine 10 mg/ml injection',
        form: 'injection',
        route: 'sc',
        doseAmount: 2.5,
        minIntervalMinutes: 60,
        maxDosesPer24h: 6,
        acknowledgeWarnings: true,
      }),
    );
    expect(rx.status).toBe(201);
    const register = `/api/v1/patients/${otherPatientId}/controlled-drugs`;
    const unlinked = await nurse.post(register, {
      name: 'Morphine 10 mg/ml ampoule',
      unit: 'ampoule',
      prescriptionId: rx.body.id,
    });
    expect(unlinked.status).toBe(400);
    const stock = await nurse.post(register, {
      name: 'Morphine 10 mg/ml ampoule',
      unit: 'ampoule',
      prescriptionId: rx.body.id,
      dosePerUnit: 10,
    });
    expect(stock.status).toBe(201);
    expect(stock.body.dosePerUnit).toBe(10);
    const entries = `${register}/${stock.body.id}/entries`;
    expect((await nurse.post(entries, { kind: 'received', quantity: 2 })).body.balance).toBe(2);

    const give = () =>
      nurse.post(`/api/v1/patients/${otherPatientId}/administrations`, {
        prescriptionId: rx.body.id,
        doseAmount: 2.5,
        doseUnit: 'mg',
      });
    const stockNow = async () =>
      (await nurse.get(register)).body.find((s: { id: string }) => s.id === stock.body.id);

    const first = await give();
    expect(first.body.status).toBe('given');
    // an opened ampoule is used up whole
    let s = await stockNow();
    expect(s.balance).toBe(1);
    expect(s.entries.at(-1)).toMatchObject({
      kind: 'administered',
      quantity: 1,
      balanceAfter: 1,
      administrationId: first.body.id,
    });
    // a refused attempt takes nothing
    expect((await give()).body.status).toBe('refused');
    expect((await stockNow()).balance).toBe(1);

    t.advance(61 * minute);
    expect((await give()).body.status).toBe('given');
    t.advance(61 * minute);
    // the register says there is none left, but the dose was given: it is recorded and flagged
    expect((await give()).body.status).toBe('given');
    s = await stockNow();
    expect(s.balance).toBe(-1);
    expect(s.entries.map((e: { balanceAfter: number }) => e.balanceAfter)).toEqual([2, 1, 0, -1]);
    const alerts = (await physician.get(`/api/v1/patients/${otherPatientId}/alerts`)).body.items;
    expect(
      alerts.some(
        (a: { ruleId: string; title: string }) =>
          a.ruleId === 'controlled.count-discrepancy' && a.title.includes('below zero'),
      ),
    ).toBe(true);
    // a count puts the register right and records the difference
    const count = await nurse.post(entries, {
      kind: 'count',
      counted: 0,
      reason: 'A dose was given from another box',
      witness: { email: 'physician@demo.hearth.local', password: demoPassword },
    });
    expect(count.body.entries.at(-1)).toMatchObject({ kind: 'count', expected: -1, discrepancy: 1 });
  });
});

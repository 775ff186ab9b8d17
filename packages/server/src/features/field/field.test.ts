import { checkDoseOffline, fieldCaseloadSchema } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAll } from '../../platform/audit/audit.service.ts';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

// 2026-11-23T09:00Z is 12:00 in Minsk (the demo's zone, UTC+3)
let t: TestApp;
let coordinator: Agent;
let physician: Agent;
let nurse: Agent;
let family: Agent;
let patientId: string;
const url = '/api/v1/field/caseload';

async function visitFor(staffId: string, date: string, start: string) {
  const req = await coordinator.post(`/api/v1/patients/${patientId}/visits`, {
    discipline: 'nurse',
    date,
    windowFrom: '09:00',
    windowTo: '18:00',
    reason: 'Перевязка и контроль боли',
  });
  expect(req.status, req.raw).toBe(201);
  const sch = await coordinator.post(`/api/v1/visits/${req.body.id}/schedule`, { staffId, date, start });
  expect(sch.status, sch.raw).toBe(200);
  return req.body.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
  physician = await t.login('physician');
  nurse = await t.login('nurse');
  family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
});
afterAll(async () => t.close());

describe('the field caseload', () => {
  it("holds the nurse's visits of today and tomorrow with what the visit card and the dose guard need", async () => {
    const today = await visitFor(nurse.userId!, '2026-11-23', '15:00');
    const tomorrow = await visitFor(nurse.userId!, '2026-11-24', '10:00');
    const later = await visitFor(nurse.userId!, '2026-11-26', '10:00');
    expect(
      (
        await coordinator.patch(`/api/v1/patients/${patientId}`, {
          accessNotes: 'Код домофона 45К, собака в кухне',
        })
      ).status,
    ).toBe(200);
    const acp = await physician.post(`/api/v1/patients/${patientId}/advance-care-plan`, {
      preferredPlaceOfCare: 'home',
      preferredPlaceOfDeath: 'home',
      resuscitation: {
        decision: 'do_not_attempt_cpr',
        decidedOn: '2026-11-20',
        formLocation: 'В красной папке',
      },
      patientKnowsPrognosis: 'yes',
      familyKnowsPrognosis: 'yes',
      consentToShare: true,
      changeReason: 'Беседа с пациентом и дочерью',
    });
    expect(acp.status, acp.raw).toBe(201);
    expect(
      (await physician.post(`/api/v1/patients/${patientId}/weights`, { kg: 60, measuredOn: '2026-11-20' }))
        .status,
    ).toBe(200);
    const rx = await physician.post(`/api/v1/patients/${patientId}/prescriptions`, {
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
      startsAt: new Date(t.now().getTime() - 3_600_000).toISOString(),
      acknowledgeWarnings: true,
    });
    expect(rx.status, rx.raw).toBe(201);
    const dose = await nurse.post(`/api/v1/patients/${patientId}/administrations`, {
      prescriptionId: rx.body.id,
      doseAmount: 5,
      doseUnit: 'mg',
    });
    expect(dose.body.status, dose.raw).toBe('given');
    expect(
      (
        await nurse.post(`/api/v1/patients/${patientId}/assessments`, {
          instrument: 'esas_r',
          answers: { pain: 4, tiredness: 5 },
        })
      ).status,
    ).toBe(201);

    const res = await nurse.get(url);
    expect(res.status, res.raw).toBe(200);
    const caseload = fieldCaseloadSchema.parse(res.body);
    expect(caseload.days).toEqual(['2026-11-23', '2026-11-24']);
    expect(caseload.generatedAt).toBe('2026-11-23T09:00:00.000Z');
    // the organization's default: the phone keeps it for 24 hours
    expect(caseload.expiresAt).toBe('2026-11-24T09:00:00.000Z');
    const ids = caseload.visits.map((v) => v.visit.id);
    expect(ids).toContain(today);
    expect(ids).toContain(tomorrow);
    expect(ids).not.toContain(later);
    const entry = caseload.visits.find((v) => v.visit.id === today)!;
    expect(entry.patient.accessNotes).toBe('Код домофона 45К, собака в кухне');
    expect(entry.advanceCare.dnacpr).toBe(true);
    expect(entry.advanceCare.plan?.resuscitation.formLocation).toBe('В красной папке');
    expect(entry.medicines.prescriptions.map((p) => p.id)).toContain(rx.body.id);
    // the demo patient's scheduled morphine counts too: the guard counts by ingredient
    expect(entry.medicines.givenDoses.filter((d) => d.prescriptionId === rx.body.id)).toEqual([
      expect.objectContaining({ ingredient: 'morphine', kind: 'prn', minIntervalMinutes: 240, slot: null }),
    ]);
    expect(entry.medicines.recentAdministrations.map((a) => a.id)).toContain(dose.body.id);
    expect(entry.latestAssessments.find((a) => a.instrument === 'esas_r')?.scores).toBeTruthy();
    expect(entry.withheld).toEqual([]);

    // the phone runs the server's guard against the copy: a second dose now is too soon
    const check = checkDoseOffline({
      caseload,
      medicines: entry.medicines,
      prescriptionId: rx.body.id,
      attempt: { givenAt: t.now(), doseAmount: 5, doseUnit: 'mg' },
      queued: [],
      path: 'nurse',
      now: t.now(),
    });
    expect(check).toMatchObject({ ok: false, reason: 'too-soon' });
    const server = await nurse.post(`/api/v1/patients/${patientId}/administrations`, {
      prescriptionId: rx.body.id,
      doseAmount: 5,
      doseUnit: 'mg',
    });
    expect(server.body).toMatchObject({ status: 'refused', refusalReason: 'too-soon' });

    // the read is audited, once per patient
    await sealAll(t.database.db);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'patient_id'])
      .where('action', '=', 'field.caseload')
      .execute();
    expect(events).toEqual([{ action: 'field.caseload', patient_id: patientId }]);
  });

  it('keeps the copy for the hours the organization set', async () => {
    const admin = await t.login('admin');
    const set = await admin.patch('/api/v1/settings', { fieldCaseloadHours: 12 });
    expect(set.status, set.raw).toBe(200);
    expect((await nurse.get(url)).body.expiresAt).toBe('2026-11-23T21:00:00.000Z');
    const bad = await admin.patch('/api/v1/settings', { fieldCaseloadHours: 0 });
    expect(bad.status).toBe(400);
  });

  it('is refused to the family and to volunteers', async () => {
    expect((await family.get(url)).status).toBe(403);
    const volunteer = await t.login('volunteer');
    expect((await volunteer.get(url)).status).toBe(403);
    expect((await t.anonymous().get(url)).status).toBe(401);
  });
});

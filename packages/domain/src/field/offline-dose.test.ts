import { describe, expect, it } from 'vitest';
import type { Prescription } from '../medicines/schemas.ts';
import { checkDoseOffline, queuedDoseOf } from './offline-dose.ts';

const caseload = {
  timeZone: 'Europe/Minsk',
  doseGuard: {
    scheduleWindowMinutes: 60,
    lateEntryMinutes: 24 * 60,
    futureToleranceMinutes: 5,
    verbalOrderValidMinutes: 60,
  },
};

/** As-needed oral morphine 5 mg, at least 60 minutes apart, at most 6 in 24 h. */
const rescue: Prescription = {
  id: '00000000-0000-4000-8000-000000000001',
  patientId: '00000000-0000-4000-8000-000000000002',
  version: 1,
  medicineId: 'morphine',
  name: 'Morphine',
  form: null,
  strength: null,
  route: 'oral',
  doseAmount: 5,
  doseUnit: 'mg',
  kind: 'prn',
  timesOfDay: [],
  minIntervalMinutes: 60,
  maxDosesPer24h: 6,
  indication: 'breakthrough pain',
  instructions: null,
  startsAt: '2026-12-01T06:00:00.000Z',
  endsAt: null,
  anticipatoryPurpose: null,
  controlled: true,
  declaredClass: null,
  overrideReason: null,
  changeIntervalHours: null,
  doseVolumeMl: null,
  label: 'Morphine 5 mg',
  status: 'active',
  reason: null,
  prescribedById: '00000000-0000-4000-8000-000000000003',
  prescribedByName: 'Dr Who',
  createdAt: '2026-12-01T06:00:00.000Z',
  versionCreatedAt: '2026-12-01T06:00:00.000Z',
};

const now = new Date('2026-12-02T10:00:00.000Z');
const attempt = { givenAt: now, doseAmount: 5, doseUnit: 'mg' as const };

describe('the dose guard on the phone, against the cached chart and the queued doses', () => {
  it('allows a rescue dose when nothing was given in the interval', () => {
    const result = checkDoseOffline({
      caseload,
      medicines: { prescriptions: [rescue], givenDoses: [] },
      prescriptionId: rescue.id,
      attempt,
      queued: [],
      path: 'nurse',
      now,
    });
    expect(result).toEqual({ ok: true, slot: null });
  });

  it('counts a dose queued offline: a second dose 20 minutes later is too soon', () => {
    const queued = [queuedDoseOf(rescue, new Date(now.getTime() - 20 * 60_000), null)];
    const result = checkDoseOffline({
      caseload,
      medicines: { prescriptions: [rescue], givenDoses: [] },
      prescriptionId: rescue.id,
      attempt,
      queued,
      path: 'nurse',
      now,
    });
    expect(result).toMatchObject({ ok: false, reason: 'too-soon' });
  });

  it('counts doses of the same ingredient given under another prescription (from the server)', () => {
    const other = { ...rescue, id: '00000000-0000-4000-8000-000000000009' };
    const given = queuedDoseOf(other, new Date(now.getTime() - 30 * 60_000), null);
    const result = checkDoseOffline({
      caseload,
      medicines: { prescriptions: [rescue, other], givenDoses: [given] },
      prescriptionId: rescue.id,
      attempt,
      queued: [],
      path: 'nurse',
      now,
    });
    expect(result).toMatchObject({ ok: false, reason: 'too-soon' });
  });

  it('refuses a dose that is not the prescribed one, and knows nothing of an uncached prescription', () => {
    const medicines = { prescriptions: [rescue], givenDoses: [] };
    const base = { caseload, medicines, queued: [], path: 'nurse' as const, now };
    expect(
      checkDoseOffline({ ...base, prescriptionId: rescue.id, attempt: { ...attempt, doseAmount: 10 } }),
    ).toMatchObject({ ok: false, reason: 'dose-mismatch' });
    expect(
      checkDoseOffline({ ...base, prescriptionId: '00000000-0000-4000-8000-00000000000f', attempt }),
    ).toBe(null);
  });
});

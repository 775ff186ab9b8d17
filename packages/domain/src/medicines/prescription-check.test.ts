import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doseLimits } from './dose-limits.ts';
import { findMedicine } from './formulary.ts';
import { type CheckedPrescription, checkPrescription, type SafetyPatient } from './prescription-check.ts';
import { safetyDecision } from './safety-problems.ts';

const adult: SafetyPatient = { ageYears: 70, weight: null, allergies: [], diagnoses: [] };
const today = new Date('2026-12-02T10:00:00Z');

/** A draft for one dose-limit entry with a given dose, as needed, once a day at most. */
function draftFor(i: number, dose: number, kind: 'scheduled' | 'prn'): CheckedPrescription {
  const limit = doseLimits[i]!;
  const med = findMedicine(limit.medicineId)!;
  const form = med.forms.find(
    (f) => f.routes.includes(limit.routes[0]!) && (!limit.forms || limit.forms.includes(f.form)),
  )!;
  return {
    id: 'draft',
    medicineId: med.id,
    name: med.name.en,
    declaredClass: null,
    form: form.form,
    strength: null,
    route: limit.routes[0]!,
    doseAmount: dose,
    doseUnit: form.doseUnit,
    kind,
    timesOfDay: kind === 'scheduled' ? ['08:00'] : [],
    maxDosesPer24h: kind === 'prn' ? 1 : null,
    anticipatoryPurpose: null,
  };
}

describe('the one prescription check', () => {
  it('property: an adult dose above the product limit is always blocked, passable only with a reason', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: doseLimits.length - 1 }),
        fc.double({ min: 1.01, max: 50, noNaN: true }),
        fc.constantFrom<'scheduled' | 'prn'>('scheduled', 'prn'),
        (i, factor, kind) => {
          const limit = doseLimits[i]!;
          const range = limit.naive ?? limit.tolerant;
          const r = checkPrescription({
            draft: draftFor(i, range.single * factor, kind),
            others: [],
            replaced: null,
            patient: adult,
            today,
          });
          expect(r.blocking.length).toBeGreaterThan(0);
          expect(safetyDecision(r, { overrideReason: null, acknowledged: true }).ok).toBe(false);
          const codes = r.blocking.map((b) => b.code);
          expect(codes.some((c) => c === 'above-single-limit' || c === 'not-for-opioid-naive')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('opioid tolerance comes from the current regimen: 60 mg oral morphine a day makes a patient tolerant', () => {
    const mst: CheckedPrescription = {
      ...draftFor(1, 30, 'scheduled'),
      id: 'mst',
      timesOfDay: ['08:00', '20:00'],
    };
    const rescue = { ...draftFor(0, 20, 'prn'), maxDosesPer24h: 6 };
    const naive = checkPrescription({ draft: rescue, others: [], replaced: null, patient: adult, today });
    expect(naive.tolerance).toBe('naive');
    expect(naive.blocking.map((b) => b.code)).toContain('above-single-limit');
    const tolerant = checkPrescription({
      draft: rescue,
      others: [mst],
      replaced: null,
      patient: adult,
      today,
    });
    expect(tolerant.tolerance).toBe('tolerant');
    expect(tolerant.blocking).toEqual([]);
  });

  it('codeine is refused for a child under 12 (MHRA 2013) even with a current weight', () => {
    const i = doseLimits.findIndex((l) => l.medicineId === 'codeine');
    const r = checkPrescription({
      draft: draftFor(i, 15, 'prn'),
      others: [],
      replaced: null,
      patient: { ...adult, ageYears: 8, weight: { kg: 25, measuredOn: '2026-12-01' } },
      today,
    });
    expect(r.blocking[0]).toMatchObject({ code: 'child-min-age', source: 'mhraCodeine2013' });
  });
});

import { describe, expect, it } from 'vitest';
import { allergyMatches, type RegimenItem, reviewRegimen } from './regimen-checks.ts';

const item = (over: Partial<RegimenItem> & Pick<RegimenItem, 'id' | 'medicineId' | 'name'>): RegimenItem => ({
  form: 'tablet',
  route: 'oral',
  doseAmount: 10,
  doseUnit: 'mg',
  kind: 'scheduled',
  timesPerDay: 2,
  maxDosesPer24h: null,
  ...over,
});

const mst = item({ id: 'a', medicineId: 'morphine', name: 'Morphine MR', form: 'mr_tablet', doseAmount: 30 });
const rescue = item({
  id: 'b',
  medicineId: 'morphine',
  name: 'Morphine solution',
  form: 'oral_solution',
  kind: 'prn',
  timesPerDay: 0,
  maxDosesPer24h: 6,
});
const patch = item({
  id: 'c',
  medicineId: 'fentanyl',
  name: 'Fentanyl patch',
  form: 'patch',
  route: 'transdermal',
  doseAmount: 25,
  doseUnit: 'mcg/h',
  timesPerDay: 0,
});
const senna = item({ id: 'd', medicineId: 'senna', name: 'Senna', doseAmount: 15 });

describe('regimen checks', () => {
  it('flags an opioid without a laxative, and not once a laxative is there', () => {
    expect(reviewRegimen([mst], []).warnings).toContainEqual({
      code: 'opioid-without-laxative',
      items: ['a'],
    });
    expect(reviewRegimen([mst, senna], []).warnings.map((w) => w.code)).not.toContain(
      'opioid-without-laxative',
    );
  });
  it('flags two long-acting opioids (MR tablet and patch) but not MR + immediate release', () => {
    expect(reviewRegimen([mst, patch, senna], []).warnings).toContainEqual({
      code: 'two-long-acting-opioids',
      items: ['a', 'c'],
    });
    expect(reviewRegimen([mst, rescue, senna], []).warnings.map((w) => w.code)).toEqual([]);
  });
  it('matches allergies by name, synonym and class, in Russian too', () => {
    expect(allergyMatches('Морфин', mst)).toBe(true);
    expect(allergyMatches('opioids', patch)).toBe(true);
    expect(allergyMatches('НПВС', { medicineId: 'ibuprofen', name: 'Ибупрофен' })).toBe(true);
    expect(allergyMatches('Метамизол', { medicineId: 'metamizole', name: 'Metamizole' })).toBe(true);
    expect(allergyMatches('Пенициллин', mst)).toBe(false);
    expect(allergyMatches('Йод', senna)).toBe(false);
    expect(allergyMatches('amoxicillin', { medicineId: null, name: 'Amoxicillin 500 mg' })).toBe(true);
    expect(reviewRegimen([mst, senna], ['Морфин'])).toMatchObject({
      warnings: [{ code: 'allergy', allergy: 'Морфин', items: ['a'] }],
    });
  });
  it('totals OME: baseline from scheduled doses and patches, maximum with every as-needed dose', () => {
    const r = reviewRegimen([mst, rescue, patch, senna], []);
    // 30 mg × 2 = 60 mg + 25 mcg/h × 2–2.4 = 50–60 mg
    expect(r.baselineOme.total.low).toBeCloseTo(110);
    expect(r.baselineOme.total.high).toBeCloseTo(120);
    // + 10 mg × 6 = 60 mg
    expect(r.maximumOme.total.reference).toBeCloseTo(180);
  });
  it('does not convert methadone and says so', () => {
    const m = item({ id: 'm', medicineId: 'methadone', name: 'Methadone', doseAmount: 5 });
    const r = reviewRegimen([m, senna], []);
    expect(r.warnings.map((w) => w.code)).toContain('methadone-not-converted');
    expect(r.baselineOme.incomplete).toBe(true);
    expect(r.baselineOme.total.reference).toBe(0);
  });
});

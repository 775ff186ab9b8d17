import { describe, expect, it } from 'vitest';
import { convertOpioids, convertWithSource, omeOf, regimenOme } from './conversion.ts';
import { formulary } from './formulary.ts';
import {
  bandFor,
  breakthroughRange,
  buprenorphinePatchBandsUk,
  fentanylPatchBandsUk,
  fentanylPatchManufacturer,
  findOmeFactor,
  omeFactors,
} from './opioid-factors.ts';

const cdcValue = (medicineId: string, route = 'oral' as const) =>
  findOmeFactor(medicineId, route)?.values.find((v) => v.source === 'cdc2022')?.low;

describe('CDC 2022 MME table (palliative-research.md §3.1)', () => {
  it.each([
    ['morphine', 1],
    ['codeine', 0.15],
    ['hydrocodone', 1],
    ['hydromorphone', 5],
    ['oxycodone', 1.5],
    ['oxymorphone', 3],
    ['tapentadol', 0.4],
    ['tramadol', 0.2],
    ['methadone', 4.7],
  ])('%s has factor %s', (id, factor) => {
    expect(cdcValue(id)).toBe(factor);
  });
  it('fentanyl patch: 2.4 per mcg/h, so 25 mcg/h ≈ 60 MME/day', () => {
    const f = findOmeFactor('fentanyl', 'transdermal')!;
    expect(f.basis).toBe('mcg/h');
    expect(f.values.find((v) => v.source === 'cdc2022')!.low).toBe(2.4);
    expect(
      omeOf({ medicineId: 'fentanyl', route: 'transdermal', dose24h: 25, unit: 'mcg/h' }).ome!.reference,
    ).toBeCloseTo(60);
  });
  it('buprenorphine is not in the CDC table', () => {
    expect(findOmeFactor('buprenorphine', 'transdermal')!.values.some((v) => v.source === 'cdc2022')).toBe(
      false,
    );
  });
});

describe('UK charts (§3.2): divide the 24 h dose', () => {
  const ggc = (from: [string, string], to: [string, string], amount: number) =>
    convertWithSource(
      { medicineId: from[0], route: from[1] as 'oral' },
      { medicineId: to[0], route: to[1] as 'oral' },
      amount,
      'ggc',
    );
  it('GG&C: oral morphine 60 mg → SC morphine 30, SC diamorphine 20, oral oxycodone 30, oral hydromorphone 8', () => {
    expect(ggc(['morphine', 'oral'], ['morphine', 'sc'], 60)).toBeCloseTo(30);
    expect(ggc(['morphine', 'oral'], ['diamorphine', 'sc'], 60)).toBeCloseTo(20);
    expect(ggc(['morphine', 'oral'], ['oxycodone', 'oral'], 60)).toBeCloseTo(30);
    expect(ggc(['morphine', 'oral'], ['hydromorphone', 'oral'], 60)).toBeCloseTo(8);
  });
  it('GG&C: oral → SC oxycodone ÷ 2, oral → SC hydromorphone ÷ 2, SC diamorphine → SC alfentanil ÷ 10', () => {
    expect(ggc(['oxycodone', 'oral'], ['oxycodone', 'sc'], 30)).toBeCloseTo(15);
    expect(ggc(['hydromorphone', 'oral'], ['hydromorphone', 'sc'], 8)).toBeCloseTo(4);
    expect(ggc(['diamorphine', 'sc'], ['alfentanil', 'sc'], 30)).toBeCloseTo(3);
  });
  it('regional table: ratios from oral morphine', () => {
    const uk = (id: string, route: string) =>
      findOmeFactor(id, route as 'oral')!.values.find((v) => v.source === 'ukRegional')!;
    expect(uk('morphine', 'sc').low).toBe(2);
    expect(uk('morphine', 'iv').low).toBe(3);
    expect(uk('diamorphine', 'sc').low).toBe(3);
    expect([uk('oxycodone', 'oral').low, uk('oxycodone', 'oral').high]).toEqual([1.5, 2]);
    expect(uk('oxycodone', 'sc').low).toBe(3);
    expect(uk('alfentanil', 'sc').low).toBe(30);
    expect(uk('fentanyl', 'sc').low).toBe(150);
    expect(uk('hydromorphone', 'oral').low).toBe(7.5);
    expect(uk('hydromorphone', 'sc').low).toBe(15);
  });
  it('weak opioids at maximum dose: codeine 240 ≈ 20, dihydrocodeine 240 ≈ 25, tramadol 400 ≈ 40 mg', () => {
    const ukOme = (id: string, mg: number) =>
      mg * findOmeFactor(id, 'oral')!.values.find((v) => v.source === 'ukRegional')!.low;
    expect(ukOme('codeine', 240)).toBeCloseTo(20);
    expect(ukOme('dihydrocodeine', 240)).toBeCloseTo(25);
    expect(ukOme('tramadol', 400)).toBeCloseTo(40);
  });
  it('shows the disagreement as a range: tramadol 400 mg is 40–80 mg OME, codeine 240 mg is 20–36', () => {
    const t = omeOf({ medicineId: 'tramadol', route: 'oral', dose24h: 400, unit: 'mg' }).ome!;
    expect([t.low, t.high]).toEqual([40, 80]);
    const c = omeOf({ medicineId: 'codeine', route: 'oral', dose24h: 240, unit: 'mg' }).ome!;
    expect(c.low).toBeCloseTo(20);
    expect(c.high).toBeCloseTo(36);
    const h = omeOf({ medicineId: 'hydromorphone', route: 'oral', dose24h: 8, unit: 'mg' }).ome!;
    expect([h.low, h.high]).toEqual([40, 60]);
  });
  it('SC fentanyl in mcg is converted to mg first: 200 mcg/24 h × 150 = 30 mg', () => {
    expect(
      omeOf({ medicineId: 'fentanyl', route: 'sc', dose24h: 200, unit: 'mcg' }).ome!.reference,
    ).toBeCloseTo(30);
  });
});

describe('patch tables (§3.3)', () => {
  it('UK fentanyl bands with their boundaries', () => {
    const at = (mg: number) => bandFor(fentanylPatchBandsUk, mg)?.mcgPerHour;
    expect(at(30)).toBe(12);
    expect(at(60)).toBe(12);
    expect(at(61)).toBe(25);
    expect(at(90)).toBe(25);
    expect(at(91)).toBe(37);
    expect(at(134)).toBe(37);
    expect(at(135)).toBe(50);
    expect(at(224)).toBe(50);
    expect(at(225)).toBe(75);
    expect(at(314)).toBe(75);
    expect(at(315)).toBe(100);
    expect(at(404)).toBe(100);
    expect(at(405)).toBe(125);
    expect(at(494)).toBe(125);
    expect(at(495)).toBeUndefined();
  });
  it('manufacturer table: 60–134 → 25, 135–179 → 37, 180–224 → 50, nothing below 60', () => {
    const at = (mg: number) => bandFor(fentanylPatchManufacturer, mg)?.mcgPerHour;
    expect(at(59)).toBeUndefined();
    expect(at(60)).toBe(25);
    expect(at(134)).toBe(25);
    expect(at(135)).toBe(37);
    expect(at(179)).toBe(37);
    expect(at(180)).toBe(50);
    expect(at(224)).toBe(50);
  });
  it('buprenorphine 35/52.5/70 mcg/h ≈ fentanyl 25/37/50', () => {
    expect(buprenorphinePatchBandsUk.map((b) => [b.mcgPerHour, b.fentanylMcgPerHour])).toEqual([
      [35, 25],
      [52.5, 37],
      [70, 50],
    ]);
    const ome = omeOf({ medicineId: 'buprenorphine', route: 'transdermal', dose24h: 35, unit: 'mcg/h' }).ome!;
    expect(ome.low).toBeCloseTo(61);
    expect(ome.high).toBeCloseTo(90);
  });
});

describe('calculator', () => {
  it('oral morphine 60 mg/24 h → oral oxycodone: 30–40 mg, reduced 25–50 %, breakthrough 1/10–1/6', () => {
    const r = convertOpioids([{ medicineId: 'morphine', route: 'oral', dose24h: 60, unit: 'mg' }], {
      medicineId: 'oxycodone',
      route: 'oral',
    });
    expect(r.ok).toBe(true);
    // the reference is the preferred source (GG&C: divide by 2), the range spans each source's own result
    expect(r.equianalgesic!.reference).toBeCloseTo(30);
    expect(r.equianalgesic!.low).toBeCloseTo(30);
    expect(r.equianalgesic!.high).toBeCloseTo(40);
    expect(r.reductionApplies).toBe(true);
    expect(r.reduced!.at25).toBeCloseTo(22.5);
    expect(r.reduced!.at50).toBeCloseTo(15);
    expect(r.reduced!.low).toBeCloseTo(15);
    expect(r.reduced!.high).toBeCloseTo(30);
    expect(r.breakthrough!.low).toBeCloseTo(1.5);
    expect(r.breakthrough!.high).toBeCloseTo(3.75);
    expect(r.steps.map((s) => s.key)).toEqual([
      'ome-line',
      'ome-total',
      'equianalgesic',
      'equianalgesic',
      'equianalgesic',
      'equianalgesic',
      'reduction',
      'breakthrough',
    ]);
    expect(r.steps[0]!.sources).toContain('cdc2022');
    // the preferred source is an organization setting: CDC 1.5 gives 40
    expect(
      convertOpioids(
        [{ medicineId: 'morphine', route: 'oral', dose24h: 60, unit: 'mg' }],
        { medicineId: 'oxycodone', route: 'oral' },
        'cdc2022',
      ).equianalgesic!.reference,
    ).toBeCloseTo(40);
  });
  it('never divides one source by another: the same opioid and route converts to itself', () => {
    const r = convertOpioids([{ medicineId: 'oxycodone', route: 'oral', dose24h: 120, unit: 'mg' }], {
      medicineId: 'oxycodone',
      route: 'oral',
    });
    expect(r.equianalgesic).toEqual({ low: 120, high: 120, reference: 120 });
    for (const b of r.bySource) expect([b.low, b.high]).toEqual([120, 120]);
  });
  it('hydromorphone oral 24 mg → SC gives 12 mg (GG&C and regional: divide by 2), never 8', () => {
    const r = convertOpioids([{ medicineId: 'hydromorphone', route: 'oral', dose24h: 24, unit: 'mg' }], {
      medicineId: 'hydromorphone',
      route: 'sc',
    });
    expect(r.equianalgesic).toEqual({ low: 12, high: 12, reference: 12 });
    expect(r.bySource.map((b) => b.source).sort()).toEqual(['ggc', 'ukRegional']);
  });
  it('refuses when no single source gives factors for every opioid and the target', () => {
    const r = convertOpioids([{ medicineId: 'tapentadol', route: 'oral', dose24h: 200, unit: 'mg' }], {
      medicineId: 'hydromorphone',
      route: 'sc',
    });
    expect(r).toMatchObject({ ok: false, warnings: ['no-single-source'], equianalgesic: null });
  });
  it('a route change of the same opioid is not reduced: oral morphine 60 → SC morphine 30', () => {
    const r = convertOpioids([{ medicineId: 'morphine', route: 'oral', dose24h: 60, unit: 'mg' }], {
      medicineId: 'morphine',
      route: 'sc',
    });
    expect(r.reductionApplies).toBe(false);
    expect(r.reduced).toBeNull();
    expect(r.equianalgesic!.reference).toBeCloseTo(30);
    expect(r.breakthrough!.low).toBeCloseTo(3);
    expect(r.breakthrough!.high).toBeCloseTo(5);
  });
  it('to a fentanyl patch: bands from both tables, rescue as oral morphine', () => {
    const r = convertOpioids([{ medicineId: 'morphine', route: 'oral', dose24h: 120, unit: 'mg' }], {
      medicineId: 'fentanyl',
      route: 'transdermal',
    });
    expect(r.ok).toBe(true);
    expect(r.target.unit).toBe('mcg/h');
    expect(r.patchBands!.uk!.mcgPerHour).toBe(37);
    expect(r.patchBands!.manufacturer!.mcgPerHour).toBe(25);
    expect(r.breakthrough).toMatchObject({ medicineId: 'morphine', route: 'oral', low: 12, high: 20 });
  });
  it('warns on patch from tramadol and at a low dose', () => {
    const r = convertOpioids([{ medicineId: 'tramadol', route: 'oral', dose24h: 200, unit: 'mg' }], {
      medicineId: 'fentanyl',
      route: 'transdermal',
    });
    expect(r.warnings).toEqual(expect.arrayContaining(['patch-from-weak-opioid', 'patch-low-dose']));
  });
  it('never converts methadone, either way', () => {
    expect(
      convertOpioids([{ medicineId: 'methadone', route: 'oral', dose24h: 30, unit: 'mg' }], {
        medicineId: 'morphine',
        route: 'oral',
      }),
    ).toMatchObject({ ok: false, warnings: ['methadone'], equianalgesic: null });
    expect(
      convertOpioids([{ medicineId: 'morphine', route: 'oral', dose24h: 30, unit: 'mg' }], {
        medicineId: 'methadone',
        route: 'oral',
      }),
    ).toMatchObject({ ok: false, warnings: ['methadone'] });
  });
  it('refuses a route with no published factor or a unit it cannot count', () => {
    expect(
      convertOpioids([{ medicineId: 'morphine', route: 'rectal', dose24h: 30, unit: 'mg' }], {
        medicineId: 'oxycodone',
        route: 'oral',
      }).warnings,
    ).toEqual(['no-factor']);
    expect(
      convertOpioids([{ medicineId: 'morphine', route: 'oral', dose24h: 30, unit: 'ml' }], {
        medicineId: 'oxycodone',
        route: 'oral',
      }).warnings,
    ).toEqual(['unit']);
  });
  it('adds several opioids into one total', () => {
    const r = regimenOme([
      { medicineId: 'morphine', route: 'oral', dose24h: 60, unit: 'mg' },
      { medicineId: 'fentanyl', route: 'transdermal', dose24h: 25, unit: 'mcg/h' },
    ]);
    expect(r.total.reference).toBeCloseTo(120);
    expect(r.total.low).toBeCloseTo(110);
    expect(r.total.high).toBeCloseTo(120);
  });
  it('breakthrough is 1/10 to 1/6 of the 24 h dose', () => {
    expect(breakthroughRange(60)).toEqual({ low: 6, high: 10 });
  });
  it('every factor names a known formulary medicine or a CDC-only opioid, and has a source', () => {
    const ids = new Set(formulary.map((m) => m.id));
    for (const f of omeFactors) {
      expect(ids.has(f.medicineId) || ['hydrocodone', 'oxymorphone'].includes(f.medicineId)).toBe(true);
      expect(f.values.length).toBeGreaterThan(0);
      for (const v of f.values) expect(v.low).toBeLessThanOrEqual(v.high);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { figuresOf } from './figures.ts';
import { ageBandOf, diagnosisGroupOf, regroupCounts } from './groups.ts';
import { measureById, measureGroups, meetsTarget, reportMeasures } from './measures.ts';
import { addMonths, monthAfter, monthsBetween } from './period.ts';
import { reportQuerySchema } from './schemas.ts';

describe('diagnosis groups and age bands', () => {
  it('groups ICD-10 codes by chapter into the four palliative groups and other', () => {
    expect(diagnosisGroupOf('C34.1')).toBe('oncological');
    expect(diagnosisGroupOf('D48')).toBe('oncological');
    expect(diagnosisGroupOf('D50')).toBe('other');
    expect(diagnosisGroupOf('g12.2')).toBe('neurological');
    expect(diagnosisGroupOf('F01')).toBe('neurological');
    expect(diagnosisGroupOf('I50.0')).toBe('cardiac');
    expect(diagnosisGroupOf('J44.1')).toBe('respiratory');
    expect(diagnosisGroupOf('N18.5')).toBe('other');
    expect(diagnosisGroupOf('Q91.3')).toBe('other');
    expect(diagnosisGroupOf(null)).toBe('other');
  });

  it('puts children under 18 in their own band', () => {
    expect([0, 17, 18, 64, 65, 79, 80, 101].map(ageBandOf)).toEqual([
      '0-17',
      '0-17',
      '18-64',
      '18-64',
      '65-79',
      '65-79',
      '80+',
      '80+',
    ]);
  });

  it('sums raw counts into their groups in a fixed order', () => {
    const rows = [
      { key: 'C34', count: 2 },
      { key: 'C50', count: 1 },
      { key: 'Q91', count: 1 },
      { key: null, count: 1 },
    ];
    expect(regroupCounts(rows, diagnosisGroupOf, ['oncological', 'cardiac', 'other'])).toEqual([
      { key: 'oncological', count: 3 },
      { key: 'cardiac', count: 0 },
      { key: 'other', count: 2 },
    ]);
  });
});

describe('figures', () => {
  const totals = { num: 9, den: 12, median: 14.26, p90: 40.04, mean: -1.234 };
  it('shows a rate as the share, a duration as median and p90, a mean and a count', () => {
    expect(figuresOf('rate', totals)).toEqual({ numerator: 9, denominator: 12, value: 0.75, p90: null });
    expect(figuresOf('rate', { ...totals, num: 0, den: 0 }).value).toBeNull();
    expect(figuresOf('duration', totals)).toMatchObject({ value: 14.3, p90: 40 });
    expect(figuresOf('mean', totals).value).toBe(-1.23);
    expect(figuresOf('count', totals).value).toBe(9);
  });
});

describe('the measure catalogue', () => {
  it('covers every group with unique ids, and every target has a source', () => {
    expect(new Set(reportMeasures.map((m) => m.id)).size).toBe(reportMeasures.length);
    for (const g of measureGroups)
      expect(
        reportMeasures.some((m) => m.group === g),
        g,
      ).toBe(true);
    for (const m of reportMeasures) expect(m.source.length, m.id).toBeGreaterThan(3);
  });

  it('checks a value against its target in the right direction', () => {
    expect(meetsTarget(measureById('callbackOnTime'), 0.92)).toBe(true);
    expect(meetsTarget(measureById('callbackOnTime'), 0.85)).toBe(false);
    expect(meetsTarget(measureById('controlledDiscrepancies'), 0.1)).toBe(false);
    expect(meetsTarget(measureById('callbackTime'), 10)).toBeNull();
  });
});

describe('periods', () => {
  it('walks months across a year end', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthAfter('2026-12')).toBe('2027-01-01');
  });

  it('refuses a period that ends before it starts or is longer than three years', () => {
    expect(reportQuerySchema.safeParse({ from: '2026-05', to: '2026-04' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ from: '2023-01', to: '2026-01' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ from: '2023-02', to: '2026-01' }).success).toBe(true);
  });
});

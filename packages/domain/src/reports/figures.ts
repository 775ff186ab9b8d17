import type { MeasureKind } from './measures.ts';
import type { MeasureFigures } from './schemas.ts';

/** What SQL sums over a measure's items: the numerator and denominator, and the spread of the values. */
export interface ItemTotals {
  num: number;
  den: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

const rounded = (v: number | null, digits = 3) => (v === null ? null : Number(v.toFixed(digits)));

/** The figures a reader sees for one measure, month or category. */
export function figuresOf(kind: MeasureKind, t: ItemTotals): MeasureFigures {
  const base = { numerator: rounded(t.num, 2) ?? 0, denominator: rounded(t.den, 2) ?? 0 };
  switch (kind) {
    case 'rate':
      return { ...base, value: t.den > 0 ? rounded(t.num / t.den, 4) : null, p90: null };
    case 'duration':
      return { ...base, value: rounded(t.median, 1), p90: rounded(t.p90, 1) };
    case 'mean':
      return { ...base, value: rounded(t.mean, 2), p90: null };
    case 'count':
      return { ...base, value: base.numerator, p90: null };
  }
}

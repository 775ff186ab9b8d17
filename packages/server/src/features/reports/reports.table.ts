/**
 * The rows every measure's SQL yields: one per item behind the measure (a request, an alert, a
 * visit, a death …). `num` and `den` are what the item adds to the numerator and the denominator
 * (1/0 for most; hours for the volunteer share); `value` is the time or score a median or mean
 * is taken of. `area` and `child` are the patient's, for the filters (null when not about one).
 */
export interface MeasureItemRow {
  at: Date;
  subject: 'request' | 'patient';
  subject_id: string;
  patient_id: string | null;
  label: string;
  category: string | null;
  num: number;
  den: number;
  value: number | null;
  area: string | null;
  child: boolean | null;
  /** `YYYY-MM-DD` and `YYYY-MM` of `at` in the organization's time zone. */
  day: string;
  month: string;
}

/** One line of a measure's totals: the whole period (both flags 1), one month, or one category. */
export interface MeasureTotalsRow {
  month: string | null;
  category: string | null;
  /** SQL `grouping()`: 1 when the line is not split by month / by category. */
  all_months: number;
  all_categories: number;
  num: number;
  den: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

export const addMonths = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
};

/** Every month from `from` to `to`, both included (empty when `from` is after `to`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The first day of a month and of the month after it, as `YYYY-MM-DD` (the period's bounds). */
export const monthStart = (month: string) => `${month}-01`;
export const monthAfter = (month: string) => `${addMonths(month, 1)}-01`;

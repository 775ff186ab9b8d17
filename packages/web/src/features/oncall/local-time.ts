/** `datetime-local` input values (the browser's zone) to and from the API's ISO instants. */
const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Midnight at the start of the week (Monday) containing `d`, moved by `weeks`. */
export function weekStart(d: Date, weeks: number): Date {
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const sinceMonday = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - sinceMonday + weeks * 7);
  return start;
}

export const addDays = (d: Date, days: number) => {
  const next = new Date(d);
  next.setDate(next.getDate() + days);
  return next;
};

/** Ready-made shifts: day 08–20, night 20–08, weekend Saturday 08 to Monday 08. */
export function presetTimes(kind: 'day' | 'night' | 'weekend', from: Date): { start: Date; end: Date } {
  const at = (day: Date, hour: number) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour);
  if (kind === 'day') return { start: at(from, 8), end: at(from, 20) };
  if (kind === 'night') return { start: at(from, 20), end: at(addDays(from, 1), 8) };
  const saturday = addDays(from, (6 - from.getDay() + 7) % 7);
  return { start: at(saturday, 8), end: at(addDays(saturday, 2), 8) };
}

import { localDate } from '@hearth/domain';
import { serviceZone } from './service-clock.ts';

/**
 * Date and time display in the user's language, on the service's clock like the date-time fields
 * (a laptop's own zone would show a dose typed as 03:40 as 00:40); the API speaks ISO 8601 in UTC.
 */

const locales: Record<string, string> = { ru: 'ru-RU', en: 'en-GB' };
const localeOf = (lang: string) => locales[lang] ?? 'en-GB';

export function formatDateTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: serviceZone(),
  }).format(d);
}

export function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'short', timeZone: serviceZone() }).format(d);
}

/** A calendar day `YYYY-MM-DD` (a birthday, a review date) has no time zone: show it as written. */
export function formatDay(day: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** A calendar day as a short weekday and date ("Mon 7 Dec", "пн, 7 дек."), for week tables. */
export function formatWeekday(day: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(d);
}

/** Today as `YYYY-MM-DD` on the service's calendar, for date inputs' defaults. */
export function todayIso(now: Date = new Date()): string {
  return localDate(now, serviceZone());
}

export function addMonthsIso(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, d));
  return date.toISOString().slice(0, 10);
}

export interface Countdown {
  overdue: boolean;
  /** Whole seconds left (or past the deadline when overdue). */
  seconds: number;
  /** `m:ss`, or `h:mm:ss` past an hour. */
  clock: string;
}

/** Time to a callback deadline; once past, the time since it. */
export function countdown(dueIso: string, now: Date): Countdown {
  const diff = Math.round((new Date(dueIso).getTime() - now.getTime()) / 1000);
  const overdue = diff < 0;
  const seconds = Math.abs(diff);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  const clock = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  return { overdue, seconds, clock };
}

/**
 * The one time module: wall-clock helpers for an organization's time zone, without I/O (Intl
 * only), shared by the server, the web and the phone. The database keeps UTC instants; people
 * read and type times on the service's clock (its zone in settings), never the browser's or the
 * server's. Civil dates are `YYYY-MM-DD` strings.
 */
const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
export function wallClock(at: Date, timeZone: string) {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant when the zone's clocks show the given local date and time. */
export function zonedInstant(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  const second = guess - offsetMinutes(new Date(first), timeZone) * 60_000;
  return new Date(second);
}

/** "HH:MM" of an instant in a zone. */
export function localTimeOfDay(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Instants of the given "HH:MM" times on the local day holding `day` shifted by `dayOffset` days. */
export function timesOnLocalDay(
  day: Date,
  dayOffset: number,
  times: readonly string[],
  timeZone: string,
): Date[] {
  const w = wallClock(day, timeZone);
  const base = new Date(Date.UTC(w.year, w.month - 1, w.day + dayOffset));
  return times.map((t) => {
    const [h, m] = t.split(':').map(Number);
    return zonedInstant(
      {
        year: base.getUTCFullYear(),
        month: base.getUTCMonth() + 1,
        day: base.getUTCDate(),
        hour: h ?? 0,
        minute: m ?? 0,
      },
      timeZone,
    );
  });
}

/** Minutes since local midnight of an instant in a zone. */
export function localMinutes(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return w.hour * 60 + w.minute;
}

const dayMs = 86_400_000;

/** The civil date `n` days after `date` (negative goes back); no zone is involved. */
export const addCivilDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

/** ISO weekday of a civil date: 1 = Monday … 7 = Sunday. */
export const civilWeekday = (date: string): number =>
  ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The Monday of the week holding a civil date (weeks start on Monday here). */
export const civilMonday = (date: string): string => addCivilDays(date, 1 - civilWeekday(date));

/** The instant the zone's clocks show `hour`:00 on a civil date (hour 0 is the day's start). */
export function instantOnCivilDay(date: string, hour: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return zonedInstant({ year, month, day, hour, minute: 0 }, timeZone);
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as the value of a `datetime-local` field ("2026-11-23T03:40") on the service's
 * clock, so a laptop set to another zone still shows the time the team means.
 */
export function orgInputValue(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/**
 * The instant a `datetime-local` value names on the service's clock, or null when the value is
 * not a complete date and time.
 */
export function instantFromOrgInput(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.slice(0, 16));
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return zonedInstant({ year, month, day, hour, minute }, timeZone);
}

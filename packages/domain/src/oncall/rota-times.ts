import { addCivilDays, civilMonday, civilWeekday, instantOnCivilDay, localDate } from '../time/zoned-time.ts';

/**
 * The rota's times on the service's clock: a coordinator in another zone, or a laptop left on
 * UTC, must still put the night shift at 20:00 where the team works.
 */
export const shiftPresetKinds = ['day', 'night', 'weekend'] as const;
export type ShiftPresetKind = (typeof shiftPresetKinds)[number];

/**
 * A ready-made shift on the service's civil day holding `on`: day 08–20, night 20 to 08 the next
 * morning, weekend from Saturday 08 (that day's, or the next Saturday) to Monday 08.
 */
export function shiftPreset(
  kind: ShiftPresetKind,
  on: Date,
  timeZone: string,
): { startsAt: Date; endsAt: Date } {
  const day = localDate(on, timeZone);
  const at = (date: string, hour: number) => instantOnCivilDay(date, hour, timeZone);
  if (kind === 'day') return { startsAt: at(day, 8), endsAt: at(day, 20) };
  if (kind === 'night') return { startsAt: at(day, 20), endsAt: at(addCivilDays(day, 1), 8) };
  const saturday = addCivilDays(day, (6 - civilWeekday(day) + 7) % 7);
  return { startsAt: at(saturday, 8), endsAt: at(addCivilDays(saturday, 2), 8) };
}

/**
 * The seven service-calendar days of the week holding `now`, moved by `weeks`, each with the
 * instants of its start and of the next day's start (a day can be 23 or 25 hours long).
 */
export function rotaWeekDays(
  now: Date,
  weeks: number,
  timeZone: string,
): { date: string; from: Date; to: Date }[] {
  const monday = civilMonday(addCivilDays(localDate(now, timeZone), weeks * 7));
  return Array.from({ length: 7 }, (_, i) => {
    const date = addCivilDays(monday, i);
    return {
      date,
      from: instantOnCivilDay(date, 0, timeZone),
      to: instantOnCivilDay(addCivilDays(date, 1), 0, timeZone),
    };
  });
}

import type { Prescription, Visit } from '@hearth/domain';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The medicines to think of during a visit: scheduled ones with a time of day inside the visit
 * (an hour either side, the usual window for a scheduled dose) and every as-needed one, for
 * prescriptions in force on the visit's day. Without a start time every scheduled time shows.
 */
export function medicinesDuring(
  prescriptions: readonly Prescription[],
  visit: Pick<Visit, 'date' | 'start' | 'durationMinutes'>,
): { prescription: Prescription; times: string[] }[] {
  const dayStart = `${visit.date}T00:00`;
  const dayEnd = `${visit.date}T23:59`;
  const inForce = prescriptions.filter(
    (p) =>
      p.status === 'active' &&
      p.startsAt.slice(0, 16) <= dayEnd &&
      (!p.endsAt || p.endsAt.slice(0, 16) >= dayStart),
  );
  return inForce.flatMap((p) => {
    if (p.kind === 'prn') return [{ prescription: p, times: [] }];
    const from = visit.start ? minutesOf(visit.start) - 60 : 0;
    const to = visit.start ? minutesOf(visit.start) + visit.durationMinutes + 60 : 24 * 60;
    const times = p.timesOfDay.filter((t) => minutesOf(t) >= from && minutesOf(t) <= to);
    return times.length ? [{ prescription: p, times }] : [];
  });
}

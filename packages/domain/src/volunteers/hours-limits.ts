/**
 * Limits on the hours a volunteer logs for one day (issue 13: 3 h, 2 h and 2 h more on one day of
 * a 3-hour request were all accepted). Hours are recorded per day, not per clock time, so the
 * request's own time window stands for when they were given.
 */
export interface DayHours {
  assignmentId: string;
  minutes: number;
  /** The request's time window (ms since the epoch): when these hours were given. */
  window: { start: number; end: number };
}

export type HoursLimitProblem =
  | { kind: 'duplicate'; minutes: number }
  | { kind: 'over_request'; allowedMinutes: number; loggedMinutes: number }
  | { kind: 'overlap'; allowedMinutes: number; loggedMinutes: number };

const overlaps = (a: DayHours['window'], b: DayHours['window']) => a.start < b.end && b.start < a.end;

/**
 * `entry` is what is being logged; `logged` the volunteer's other entries for that day that still
 * count (not rejected). One request allows at most its own length on a day; the same entry twice
 * is a duplicate; and requests whose times overlap together allow no more than the time from the
 * first start to the last end, since one person cannot be in two places at once.
 */
export function hoursLimitProblem(entry: DayHours, logged: readonly DayHours[]): HoursLimitProblem | null {
  const same = logged.filter((h) => h.assignmentId === entry.assignmentId);
  if (same.some((h) => h.minutes === entry.minutes)) return { kind: 'duplicate', minutes: entry.minutes };
  const allowed = Math.round((entry.window.end - entry.window.start) / 60_000);
  const sameTotal = same.reduce((n, h) => n + h.minutes, 0);
  if (sameTotal + entry.minutes > allowed)
    return { kind: 'over_request', allowedMinutes: allowed, loggedMinutes: sameTotal };
  const clashing = logged.filter(
    (h) => h.assignmentId !== entry.assignmentId && overlaps(h.window, entry.window),
  );
  if (clashing.length === 0) return null;
  const windows = [entry.window, ...clashing.map((h) => h.window)];
  const span = Math.round(
    (Math.max(...windows.map((w) => w.end)) - Math.min(...windows.map((w) => w.start))) / 60_000,
  );
  const clashingTotal = sameTotal + clashing.reduce((n, h) => n + h.minutes, 0);
  if (clashingTotal + entry.minutes > span)
    return { kind: 'overlap', allowedMinutes: span, loggedMinutes: clashingTotal };
  return null;
}

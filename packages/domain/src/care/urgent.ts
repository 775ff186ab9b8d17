/**
 * Rules for fitting an urgent visit into today's routes (issue 15): the urgent visit takes the
 * place of the same patient's visit later that day rather than adding a second one an hour
 * before it, and the other families' visits keep the windows agreed with them.
 */

export interface TodayVisit {
  id: string;
  patientId: string;
  discipline: string;
  status: string;
  startMin: number | null;
}

/**
 * The patient's visit of the same discipline still to come today, which an urgent visit brings
 * forward instead of being booked next to it. A visit already under way or over is left alone:
 * the urgent need came after it.
 */
export function sameDayVisitToMerge<V extends TodayVisit>(
  visits: readonly V[],
  patientId: string,
  discipline: string,
): V | null {
  const open = visits
    .filter(
      (v) =>
        v.patientId === patientId &&
        v.discipline === discipline &&
        (v.status === 'scheduled' || v.status === 'requested'),
    )
    .sort((a, b) => (a.startMin ?? 1e9) - (b.startMin ?? 1e9));
  return open[0] ?? null;
}

/**
 * The hard window another family's visit keeps while an urgent visit is fitted in: its agreed
 * window from now on. A visit already planned outside that window (or whose window has passed)
 * may stay where it is, never further out, so re-planning around an urgent visit never takes a
 * family's visit outside what was agreed without the coordinator moving it by hand.
 */
export function keptWindowToday(
  v: { windowStart: number | null; windowEnd: number | null; startMin: number | null },
  nowMin: number,
): { start: number; end: number } {
  if (v.windowStart === null || v.windowEnd === null) return { start: nowMin, end: 1439 };
  let start = Math.max(v.windowStart, nowMin);
  let end = v.windowEnd;
  if (v.startMin !== null) {
    const planned = Math.max(v.startMin, nowMin);
    start = Math.min(start, planned);
    end = Math.max(end, planned);
  }
  return { start, end: Math.max(end, start) };
}

/**
 * The latest start an urgent visit is held to: the alert's answer-by time when it is still ahead
 * today, otherwise the end of the day (an answer-by time already passed, or another day, cannot
 * be met, and the visit must still be made as soon as it can).
 */
export function urgentLatestStart(
  nowMin: number,
  today: string,
  answerBy: { date: string; minute: number } | null,
): number {
  if (answerBy && answerBy.date === today && answerBy.minute > nowMin) return answerBy.minute;
  return 1439;
}

/**
 * When a member of staff can set off from the base in today's urgent re-plan. Someone already
 * out today (a visit on the way, in progress or over) is placed by those visits, so her shift
 * start stands. Anyone else is still at the base: she leaves when her first booked visit needs
 * her to (she may be on the road already without having pressed "on the way"), and otherwise
 * not before now. Without this an idle nurse's route began at her 08:00 shift start, and the
 * preview had her at a 12:00 call at 12:00 sharp, as if she had left before anyone called her.
 * Leaving no later than her first booked visit needs keeps every booked visit reachable.
 */
export function urgentSetOff(
  shift: { start: number; end: number },
  nowMin: number,
  today: { alreadyOut: boolean; firstBooked: { startMin: number; travelMinutes: number } | null },
): number {
  if (today.alreadyOut) return shift.start;
  const leaves = today.firstBooked
    ? Math.min(nowMin, today.firstBooked.startMin - today.firstBooked.travelMinutes)
    : nowMin;
  return Math.min(Math.max(shift.start, leaves), shift.end);
}

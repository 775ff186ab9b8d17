import type { BoardRoute, BoardStop } from '@hearth/domain';

/** What goes in a stop's notes column, in the order a visitor needs it: why, how to get in, what was done. */
export type SheetNote =
  | { kind: 'reason'; text: string }
  | { kind: 'wayIn'; text: string }
  | { kind: 'recorded'; text: string };

export function sheetNotes(stop: Pick<BoardStop, 'reason' | 'accessNotes' | 'documentation'>): SheetNote[] {
  const notes: SheetNote[] = [];
  if (stop.reason) notes.push({ kind: 'reason', text: stop.reason });
  if (stop.accessNotes) notes.push({ kind: 'wayIn', text: stop.accessNotes });
  if (stop.documentation) notes.push({ kind: 'recorded', text: stop.documentation });
  return notes;
}

/**
 * The return to base after the end of the shift (from the rota), or null when the day ends in
 * time or there is no shift to compare with: the sheet flags it so the coordinator sees overtime
 * before the day starts.
 */
export function lateReturn(
  route: Pick<BoardRoute, 'shift' | 'returnTime' | 'overtimeMinutes'>,
): { time: string; end: string; minutes: number } | null {
  if (!route.shift || route.overtimeMinutes <= 0) return null;
  return { time: route.returnTime, end: route.shift.end, minutes: route.overtimeMinutes };
}

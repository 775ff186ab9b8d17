import type { AdapterInput } from './planner-adapter.ts';

export interface BaselineResult {
  planned: number;
  unplanned: number;
  travelMinutes: number;
  travelKm: number;
  /** Visits done by the preferred (key) worker among those that have one. */
  continuity: number | null;
}

/**
 * The simple baseline the benchmark compares against: take the visits in request order and give
 * each to the nearest free qualified staff member (the one whose last stop that day is closest),
 * appended at the end of their day if the window and the shift still allow it, on the first
 * allowed day that works (repeated visits keep their minimum gap).
 */
export function baselinePlan(input: AdapterInput): BaselineResult {
  interface Route {
    staffId: string;
    end: number;
    at: number;
    time: number;
    minutes: number;
    km: number;
    used: boolean;
  }
  const routes = new Map<string, Route>();
  for (const s of input.staff)
    for (const sh of s.shifts)
      routes.set(`${s.id}|${sh.day}`, {
        staffId: s.id,
        end: sh.end,
        at: 0,
        time: sh.start,
        minutes: 0,
        km: 0,
        used: false,
      });
  let planned = 0;
  let unplanned = 0;
  let keyTotal = 0;
  let keyKept = 0;
  for (const v of input.visits) {
    const count = v.count ?? 1;
    let lastDay = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < count; k++) {
      let placed = false;
      for (const day of v.days) {
        if (day - lastDay < (count > 1 ? (v.minGapDays ?? 1) : 0)) continue;
        let best: { r: Route; start: number; d: number } | null = null;
        for (const s of input.staff) {
          if (!s.disciplines.includes(v.discipline)) continue;
          const r = routes.get(`${s.id}|${day}`);
          if (!r) continue;
          const d = input.minutes[r.at]![v.location]!;
          const start = Math.max(r.time + d, v.window?.start ?? 0);
          if (v.window && start > v.window.end) continue;
          if (start + v.durationMinutes + input.minutes[v.location]![0]! > r.end) continue;
          if (!best || d < best.d) best = { r, start, d };
        }
        if (!best) continue;
        const r = best.r;
        r.minutes += best.d;
        r.km += input.km[r.at]![v.location]!;
        r.at = v.location;
        r.time = best.start + v.durationMinutes;
        r.used = true;
        placed = true;
        lastDay = day;
        if (v.keyWorkerId) {
          keyTotal++;
          if (r.staffId === v.keyWorkerId) keyKept++;
        }
        break;
      }
      if (placed) planned++;
      else unplanned++;
    }
  }
  let travelMinutes = 0;
  let travelKm = 0;
  for (const r of routes.values()) {
    if (!r.used) continue;
    travelMinutes += r.minutes + input.minutes[r.at]![0]!;
    travelKm += r.km + input.km[r.at]![0]!;
  }
  return { planned, unplanned, travelMinutes, travelKm, continuity: keyTotal ? keyKept / keyTotal : null };
}

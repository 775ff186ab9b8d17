import type { Discipline } from './care-plan.ts';
import type { TravelLeg } from './travel.ts';

export type RouteWarningCode = 'window' | 'skill' | 'overtime' | 'no_shift';

export interface RouteWarning {
  code: RouteWarningCode;
  visitId?: string;
  /** Minutes late, minutes over, or the missing discipline. */
  detail?: string;
}

export interface RouteStopInput {
  visitId: string;
  discipline: Discipline;
  durationMinutes: number;
  window: { start: number; end: number } | null;
  /** A visit already started keeps its time. */
  fixedStart?: number;
  /** The planned start the family was given: the visit does not start earlier. */
  notBefore?: number;
}

export interface RouteInput {
  staffDisciplines: readonly string[];
  shift: { start: number; end: number } | null;
  stops: RouteStopInput[];
  /** Leg i goes to stop i from the previous stop (leg 0 from the base); the last leg returns to the base. */
  legs: TravelLeg[];
}

export interface TimedStop {
  visitId: string;
  travelMinutes: number;
  travelKm: number;
  arrival: number;
  start: number;
  end: number;
  warnings: RouteWarning[];
}

export interface TimedRoute {
  stops: TimedStop[];
  departure: number;
  returnTime: number;
  travelMinutes: number;
  travelKm: number;
  overtimeMinutes: number;
  warnings: RouteWarning[];
}

/**
 * Re-times an ordered route: leave the base at the shift start, drive, wait for the window to
 * open, serve, go on; then say what is wrong (a window missed, a discipline the person does not
 * have, work past the end of the shift, or no shift at all that day). Pure and deterministic, so
 * the dispatch board and its tests agree.
 */
export function timeRoute(input: RouteInput): TimedRoute {
  const warnings: RouteWarning[] = [];
  if (!input.shift && input.stops.length > 0) warnings.push({ code: 'no_shift' });
  const departure = input.shift?.start ?? 8 * 60;
  let t = departure;
  let travelMinutes = 0;
  let travelKm = 0;
  const stops: TimedStop[] = input.stops.map((s, i) => {
    const leg = input.legs[i] ?? { minutes: 0, km: 0 };
    travelMinutes += leg.minutes;
    travelKm += leg.km;
    const arrival = t + leg.minutes;
    const start = s.fixedStart ?? Math.max(arrival, s.window?.start ?? arrival, s.notBefore ?? arrival);
    const w: RouteWarning[] = [];
    if (s.window && start > s.window.end + 0.5)
      w.push({ code: 'window', visitId: s.visitId, detail: String(Math.round(start - s.window.end)) });
    if (!input.staffDisciplines.includes(s.discipline))
      w.push({ code: 'skill', visitId: s.visitId, detail: s.discipline });
    t = start + s.durationMinutes;
    return {
      visitId: s.visitId,
      travelMinutes: leg.minutes,
      travelKm: leg.km,
      arrival,
      start,
      end: t,
      warnings: w,
    };
  });
  const back = input.legs[input.stops.length] ?? { minutes: 0, km: 0 };
  if (input.stops.length > 0) {
    travelMinutes += back.minutes;
    travelKm += back.km;
  }
  const returnTime = input.stops.length > 0 ? t + back.minutes : departure;
  const overtimeMinutes = input.shift ? Math.max(0, Math.round(returnTime - input.shift.end)) : 0;
  if (overtimeMinutes > 0) warnings.push({ code: 'overtime', detail: String(overtimeMinutes) });
  for (const s of stops) warnings.push(...s.warnings);
  return { stops, departure, returnTime, travelMinutes, travelKm, overtimeMinutes, warnings };
}

export interface PlanMeasures {
  travelMinutes: number;
  travelKm: number;
  visitsPlanned: number;
  visitsRequired: number;
  /** Share of visits with a key worker that the key worker does (0..1; null if none have one). */
  continuity: number | null;
  overtimeMinutes: number;
  travelMinutesPerVisit: number | null;
}

/** The plan's measures (issue 5, Measures). */
export function planMeasures(
  routes: Pick<TimedRoute, 'travelMinutes' | 'travelKm' | 'overtimeMinutes'>[],
  visits: { staffId: string | null; keyWorkerId: string | null }[],
  visitsRequired: number,
): PlanMeasures {
  const travelMinutes = routes.reduce((s, r) => s + r.travelMinutes, 0);
  const travelKm = routes.reduce((s, r) => s + r.travelKm, 0);
  const planned = visits.filter((v) => v.staffId);
  const withKey = planned.filter((v) => v.keyWorkerId);
  return {
    travelMinutes: Math.round(travelMinutes),
    travelKm: Math.round(travelKm * 10) / 10,
    visitsPlanned: planned.length,
    visitsRequired,
    continuity:
      withKey.length === 0
        ? null
        : Math.round((withKey.filter((v) => v.keyWorkerId === v.staffId).length / withKey.length) * 1000) /
          1000,
    overtimeMinutes: Math.round(routes.reduce((s, r) => s + r.overtimeMinutes, 0)),
    travelMinutesPerVisit: planned.length ? Math.round((travelMinutes / planned.length) * 10) / 10 : null,
  };
}

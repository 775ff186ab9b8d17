import {
  type BoardRoute,
  clinicalRoles,
  type Discipline,
  hhmmOf,
  type LatLon,
  type RouteStopInput,
  startedStatuses,
  type TimedRoute,
  timeRoute,
} from '@hearth/domain';
import type { Conn } from '../../db/conn.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { currentPlans } from '../care-plans/care-plans.repository.ts';
import * as visits from '../visits/visits.repository.ts';
import { type TravelMatrix, travelMatrix } from './travel.ts';

export type VisitRow = Awaited<ReturnType<typeof visits.visitsBetween>>[number];
export type ShiftRow = Awaited<ReturnType<typeof visits.shiftsBetween>>[number];

/** The places of a set of patients: index 0 is the team's base. */
export class Places {
  readonly points: LatLon[];
  private readonly index = new Map<string, number>();
  constructor(base: LatLon) {
    this.points = [base];
  }
  of(patientId: string, lat: number | null, lon: number | null): number {
    const known = this.index.get(patientId);
    if (known !== undefined) return known;
    if (lat === null || lon === null) return 0;
    this.points.push({ lat, lon });
    this.index.set(patientId, this.points.length - 1);
    return this.points.length - 1;
  }
}

export interface StopInfo extends RouteStopInput {
  location: number;
  patientId: string;
  patientName: string;
  address: string;
  coordinates: LatLon | null;
  kind: string;
  status: string;
}

export function legsFor(matrix: TravelMatrix, locations: number[]) {
  const path = [0, ...locations, 0];
  return path
    .slice(1)
    .map((to, i) => ({ minutes: matrix.minutes[path[i]!]![to]!, km: matrix.km[path[i]!]![to]! }));
}

export function boardRoute(
  staff: { id: string; name: string; role: string },
  date: string,
  shift: { start: number; end: number } | null,
  stops: StopInfo[],
  matrix: TravelMatrix,
): { route: BoardRoute; timed: TimedRoute } {
  const timed = timeRoute({
    staffDisciplines: [staff.role],
    shift,
    stops,
    legs: legsFor(
      matrix,
      stops.map((s) => s.location),
    ),
  });
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    timed,
    route: {
      staffId: staff.id,
      staffName: staff.name,
      role: staff.role,
      date,
      shift: shift ? { start: hhmmOf(shift.start), end: hhmmOf(shift.end) } : null,
      stops: timed.stops.map((t, i) => {
        const s = stops[i]!;
        return {
          visitId: s.visitId,
          patientId: s.patientId,
          patientName: s.patientName,
          address: s.address,
          coordinates: s.coordinates,
          discipline: s.discipline,
          kind: s.kind,
          status: s.status,
          arrival: hhmmOf(t.arrival),
          start: hhmmOf(t.start),
          end: hhmmOf(t.end),
          travelMinutes: Math.round(t.travelMinutes),
          travelKm: round(t.travelKm),
          windowFrom: s.window ? hhmmOf(s.window.start) : null,
          windowTo: s.window ? hhmmOf(s.window.end) : null,
          warnings: t.warnings,
        };
      }),
      returnTime: hhmmOf(timed.returnTime),
      travelMinutes: Math.round(timed.travelMinutes),
      travelKm: round(timed.travelKm),
      overtimeMinutes: timed.overtimeMinutes,
      warnings: timed.warnings,
    },
  };
}

export const stopOf = (v: VisitRow, places: Places, keepPlannedStart = true): StopInfo => {
  const stop: StopInfo = {
    visitId: v.id,
    discipline: v.discipline as Discipline,
    durationMinutes: v.durationMin,
    window:
      v.windowStart !== null && v.windowEnd !== null ? { start: v.windowStart, end: v.windowEnd } : null,
    location: places.of(v.patientId, v.lat, v.lon),
    patientId: v.patientId,
    patientName: `${v.lastName} ${v.firstName}`,
    address: v.address,
    coordinates: v.lat !== null && v.lon !== null ? { lat: v.lat, lon: v.lon } : null,
    kind: v.kind,
    status: v.status,
  };
  if (startedStatuses.includes(v.status) && v.startMin !== null) stop.fixedStart = v.startMin;
  else if (v.startMin !== null && keepPlannedStart) stop.notBefore = v.startMin;
  return stop;
};

export const byStart = (a: VisitRow, b: VisitRow) =>
  (a.startMin ?? 1e9) - (b.startMin ?? 1e9) || (a.sequence ?? 0) - (b.sequence ?? 0);

export interface DayContext {
  date: string;
  staff: { id: string; name: string; role: string }[];
  shifts: ShiftRow[];
  visits: VisitRow[];
  /** Visits waiting while their patient is away from home: on the board, apart from the routes. */
  held: VisitRow[];
  places: Places;
  matrix: TravelMatrix;
  /** Each patient's key worker from the current care plan (for the continuity measure). */
  keyWorkers: Map<string, string>;
  mapTileUrl: string | null;
}

export async function dayContext(db: Conn, orgId: string, date: string): Promise<DayContext> {
  const settings = await loadSettings(db, orgId);
  const [staff, shifts, dayVisits, plans] = await Promise.all([
    visits.activeStaff(db, orgId, clinicalRoles),
    visits.shiftsBetween(db, orgId, date, date),
    visits.visitsBetween(db, orgId, date, date),
    currentPlans(db, orgId),
  ]);
  const live = dayVisits.filter((v) => v.status !== 'cancelled' && v.status !== 'on_hold');
  const places = new Places(settings.base);
  for (const v of live) places.of(v.patientId, v.lat, v.lon);
  const matrix = await travelMatrix(places.points, settings.travel);
  const keyWorkers = new Map(
    plans.flatMap((p) => {
      const id = p.content.keyWorkerId;
      return id ? [[p.patientId, id] as const] : [];
    }),
  );
  return {
    date,
    staff,
    shifts,
    visits: live,
    held: dayVisits.filter((v) => v.status === 'on_hold'),
    places,
    matrix,
    keyWorkers,
    mapTileUrl: settings.travel.mapTileUrl,
  };
}

/**
 * The key worker a visit counts against for continuity: the patient's key worker when they are
 * of the visit's discipline (a nurse key worker says nothing about who makes the physician's visits),
 * as in the weekly plan's measure.
 */
export function keyWorkerFor(ctx: DayContext, v: { patientId: string; discipline: string }): string | null {
  const id = ctx.keyWorkers.get(v.patientId);
  if (!id) return null;
  return ctx.staff.find((s) => s.id === id)?.role === v.discipline ? id : null;
}

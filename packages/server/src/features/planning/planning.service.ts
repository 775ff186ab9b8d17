import { randomUUID } from 'node:crypto';
import {
  type BoardRoute,
  type CapacityInput,
  type CarePlanContent,
  can,
  capacityTable,
  clinicalRoles,
  conflict,
  type Discipline,
  DomainError,
  disciplines,
  forbidden,
  hhmmOf,
  keptWindowToday,
  type LatLon,
  type MovePreview,
  notFound,
  type PlanRun,
  planMeasures,
  type RouteStopInput,
  sameDayVisitToMerge,
  startedStatuses,
  type TimedRoute,
  timeRoute,
  type VisitRequirement,
  weekRequirements,
} from '@hearth/domain';
import type { Plan, Progress } from '@hearth/planner';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { loadPatientFor } from '../../platform/access/patient-access.ts';
import { recordAudit, recordAudits } from '../../platform/audit/audit.service.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { addDays, localDate, localMinutes } from '../../platform/time.ts';
import { findAlertView } from '../alerts/alerts.repository.ts';
import { resolveAlert } from '../alerts/alerts.service.ts';
import { currentPlans } from '../care-plans/care-plans.repository.ts';
import * as visits from '../visits/visits.repository.ts';
import {
  notifyVisitPeople,
  publish as publishVisit,
  publishMany as publishVisits,
} from '../visits/visits.service.ts';
import {
  type AdapterStaff,
  type AdapterVisit,
  fromPlan,
  previousPlan,
  toProblem,
} from './planner-adapter.ts';
import { runPlanner } from './planner-runner.ts';
import * as repo from './planning.repository.ts';
import { type TravelMatrix, travelMatrix } from './travel.ts';

type VisitRow = Awaited<ReturnType<typeof visits.visitsBetween>>[number];
type ShiftRow = Awaited<ReturnType<typeof visits.shiftsBetween>>[number];

/** Progress of the runs this process is solving (the result itself is stored in plan_run). */
const live = new Map<string, Progress>();
/** The solves this process has under way, so tests (and shutdown) can wait for them. */
const pending = new Set<Promise<unknown>>();
export const settled = () => Promise.allSettled([...pending]);

const audience = ['coordinator', 'admin'] as const;

/** The places of a set of patients: index 0 is the team's base. */
class Places {
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

interface StopInfo extends RouteStopInput {
  location: number;
  patientId: string;
  patientName: string;
  address: string;
  coordinates: LatLon | null;
  kind: string;
  status: string;
}

function legsFor(matrix: TravelMatrix, locations: number[]) {
  const path = [0, ...locations, 0];
  return path
    .slice(1)
    .map((to, i) => ({ minutes: matrix.minutes[path[i]!]![to]!, km: matrix.km[path[i]!]![to]! }));
}

function boardRoute(
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

const stopOf = (v: VisitRow, places: Places, keepPlannedStart = true): StopInfo => {
  const stop: StopInfo = {
    visitId: v.id,
    discipline: v.discipline as Discipline,
    durationMinutes: v.duration_min,
    window:
      v.window_start !== null && v.window_end !== null ? { start: v.window_start, end: v.window_end } : null,
    location: places.of(v.patient_id, v.lat, v.lon),
    patientId: v.patient_id,
    patientName: `${v.last_name} ${v.first_name}`,
    address: v.address,
    coordinates: v.lat !== null && v.lon !== null ? { lat: v.lat, lon: v.lon } : null,
    kind: v.kind,
    status: v.status,
  };
  if (startedStatuses.includes(v.status) && v.start_min !== null) stop.fixedStart = v.start_min;
  else if (v.start_min !== null && keepPlannedStart) stop.notBefore = v.start_min;
  return stop;
};

const byStart = (a: VisitRow, b: VisitRow) =>
  (a.start_min ?? 1e9) - (b.start_min ?? 1e9) || (a.sequence ?? 0) - (b.sequence ?? 0);

interface DayContext {
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

async function dayContext(db: Conn, orgId: string, date: string): Promise<DayContext> {
  const settings = await loadSettings(db, orgId);
  const [staff, shifts, dayVisits, plans] = await Promise.all([
    visits.activeStaff(db, orgId, clinicalRoles),
    visits.shiftsBetween(db, orgId, date, date),
    visits.visitsBetween(db, orgId, date, date),
    currentPlans(db, orgId),
  ]);
  const live = dayVisits.filter((v) => v.status !== 'cancelled' && v.status !== 'on_hold');
  const places = new Places(settings.base);
  for (const v of live) places.of(v.patient_id, v.lat, v.lon);
  const matrix = await travelMatrix(places.points, settings.travel);
  const keyWorkers = new Map(
    plans.flatMap((p) => {
      const id = (p.content as CarePlanContent).keyWorkerId;
      return id ? [[p.patient_id, id] as const] : [];
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
function keyWorkerFor(ctx: DayContext, v: { patient_id: string; discipline: string }): string | null {
  const id = ctx.keyWorkers.get(v.patient_id);
  if (!id) return null;
  return ctx.staff.find((s) => s.id === id)?.role === v.discipline ? id : null;
}

function buildBoard(ctx: DayContext, base: LatLon) {
  const onShift = new Set(ctx.shifts.map((s) => s.user_id));
  const withVisits = new Set(ctx.visits.flatMap((v) => (v.staff_id ? [v.staff_id] : [])));
  const routes: BoardRoute[] = [];
  const timed: TimedRoute[] = [];
  for (const s of ctx.staff) {
    if (!onShift.has(s.id) && !withVisits.has(s.id)) continue;
    const shift = ctx.shifts.find((x) => x.user_id === s.id);
    const stops = ctx.visits
      .filter((v) => v.staff_id === s.id && v.status !== 'requested')
      .sort(byStart)
      .map((v) => stopOf(v, ctx.places));
    const r = boardRoute(
      s,
      ctx.date,
      shift ? { start: shift.start_min, end: shift.end_min } : null,
      stops,
      ctx.matrix,
    );
    routes.push(r.route);
    timed.push(r.timed);
  }
  const assigned = ctx.visits.filter((v) => v.staff_id && v.status !== 'requested');
  return {
    date: ctx.date,
    base,
    routes,
    unassigned: ctx.visits
      .filter((v) => !v.staff_id || v.status === 'requested')
      .map((v) => ({
        visitId: v.id,
        patientName: `${v.last_name} ${v.first_name}`,
        discipline: v.discipline as Discipline,
      })),
    held: ctx.held.map((v) => ({
      visitId: v.id,
      patientId: v.patient_id,
      patientName: `${v.last_name} ${v.first_name}`,
      discipline: v.discipline as Discipline,
      staffName: v.staff_name,
      reason: v.status_reason,
    })),
    measures: planMeasures(
      timed,
      assigned.map((v) => ({ staffId: v.staff_id, keyWorkerId: keyWorkerFor(ctx, v) })),
      ctx.visits.length,
    ),
    travelSource: ctx.matrix.source,
    mapTileUrl: ctx.mapTileUrl,
  };
}

export async function dispatchBoard(deps: AppDeps, ctx: RequestContext, date: string | undefined) {
  if (!can(ctx.actor, 'rota:read')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(deps.db, orgId);
  const day = date ?? localDate(deps.clock(), settings.timeZone);
  const dc = await dayContext(deps.db, orgId, day);
  await deps.db.transaction().execute(async (trx) => {
    for (const pid of new Set(dc.visits.map((v) => v.patient_id)))
      await recordAudit(trx, deps, ctx, orgId, {
        action: 'dispatch.read',
        entityType: 'visit',
        patientId: pid,
      });
  });
  return withSheetNotes(
    buildBoard(dc, settings.base),
    dc.visits,
    await visits.notesOf(
      deps.db,
      orgId,
      dc.visits.map((v) => v.id),
    ),
  );
}

/** What the route sheet's notes column shows: the visit's reason, the way in, the latest documentation. */
function withSheetNotes(
  board: ReturnType<typeof buildBoard>,
  rows: VisitRow[],
  notes: Awaited<ReturnType<typeof visits.notesOf>>,
) {
  const byId = new Map(rows.map((v) => [v.id, v]));
  // notes come oldest first: the last one of a visit is its current documentation
  const latest = new Map(notes.map((n) => [n.visit_id, n.content]));
  const documentationOf = (visitId: string) => {
    const d = latest.get(visitId);
    if (!d) return null;
    return [d.notes, d.nextSteps].filter(Boolean).join(' · ') || d.done;
  };
  return {
    ...board,
    routes: board.routes.map((r) => ({
      ...r,
      stops: r.stops.map((s) => ({
        ...s,
        reason: byId.get(s.visitId)?.reason ?? null,
        accessNotes: byId.get(s.visitId)?.access_notes ?? null,
        documentation: documentationOf(s.visitId),
      })),
    })),
  };
}

/**
 * Drag and drop on the board: the visit goes to another staff member and/or day at a position,
 * both routes are re-timed (starts follow the new order and travel) and the board answers with
 * its warnings (windows, skills, overtime). Visits already under way cannot move.
 */
type MoveBody = { staffId: string; date: string; position?: number | undefined };

async function checkMove(deps: AppDeps, ctx: RequestContext, body: MoveBody) {
  if (!can(ctx.actor, 'visit:schedule')) throw forbidden('Only a coordinator moves visits.');
  const settings = await loadSettings(deps.db, ctx.actor.organizationId);
  if (body.date < localDate(deps.clock(), settings.timeZone))
    throw new DomainError('VALIDATION', 'A visit cannot be moved to a day that has passed.', {
      fields: [{ field: 'body.date', message: 'in the past' }],
    });
  return settings;
}

export async function moveVisit(deps: AppDeps, ctx: RequestContext, id: string, body: MoveBody) {
  const settings = await checkMove(deps, ctx, body);
  const orgId = ctx.actor.organizationId;
  const patientId = await deps.db
    .transaction()
    .execute((trx) => applyMove(deps, ctx, trx, id, body, settings));
  await publishVisit(deps, orgId, id, patientId);
  return buildBoard(await dayContext(deps.db, orgId, body.date), settings.base);
}

/** Thrown to roll a previewed move back once its result is known. */
class PreviewRollback extends Error {
  constructor(readonly preview: MovePreview) {
    super('preview');
  }
}

/**
 * The same move inside a transaction that is rolled back: the board after it, who is affected
 * and which warnings it adds, computed by exactly the code that saves a move, with nothing kept
 * (no visit, notification or audit row; the preview itself is audited as a read).
 */
export async function previewMove(deps: AppDeps, ctx: RequestContext, id: string, body: MoveBody) {
  const settings = await checkMove(deps, ctx, body);
  const orgId = ctx.actor.organizationId;
  let preview: MovePreview | null = null;
  let patientId: string | null = null;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const current = await visits.findVisit(trx, orgId, id);
      const dates = [...new Set([body.date, ...(current ? [current.visit_date] : [])])];
      const before = await Promise.all(dates.map((d) => dayContext(trx, orgId, d)));
      patientId = await applyMove(deps, ctx, trx, id, body, settings);
      const after = await Promise.all(dates.map((d) => dayContext(trx, orgId, d)));
      const boardsBefore = before.map((c) => buildBoard(c, settings.base));
      const boardsAfter = after.map((c) => buildBoard(c, settings.base));
      throw new PreviewRollback({
        board: boardsAfter[0]!,
        ...compareBoards(boardsBefore, boardsAfter),
        warnings: newWarnings(boardsBefore, boardsAfter),
      });
    });
  } catch (e) {
    if (!(e instanceof PreviewRollback)) throw e;
    preview = e.preview;
  }
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, deps, ctx, orgId, {
      action: 'visit.move.preview',
      entityType: 'visit',
      entityId: id,
      patientId,
    }),
  );
  return preview!;
}

type Board = ReturnType<typeof buildBoard>;
const stopsOf = (boards: Board[]) =>
  new Map(
    boards.flatMap((b) =>
      b.routes.flatMap((r) =>
        r.stops.map((s) => [s.visitId, { ...s, staffName: r.staffName, date: b.date }] as const),
      ),
    ),
  );

/** Every visit whose person, day or start changes between two sets of boards. */
function compareBoards(before: Board[], after: Board[]): Pick<MovePreview, 'changes'> {
  const was = stopsOf(before);
  const changes: MovePreview['changes'] = [];
  for (const [visitId, s] of stopsOf(after)) {
    const w = was.get(visitId);
    if (w && w.staffName === s.staffName && w.date === s.date && w.start === s.start) continue;
    changes.push({
      visitId,
      patientName: s.patientName,
      fromStaffName: w?.staffName ?? null,
      toStaffName: s.staffName,
      fromDate: w?.date ?? s.date,
      toDate: s.date,
      fromStart: w?.start ?? null,
      toStart: s.start,
    });
  }
  return { changes };
}

/** Warnings present after the move that were not there before (late for a window, overtime…). */
function newWarnings(before: Board[], after: Board[]): MovePreview['warnings'] {
  const key = (date: string, staffName: string, w: { code: string; visitId?: string | undefined }) =>
    `${date}|${staffName}|${w.code}|${w.visitId ?? ''}`;
  const had = new Set(
    before.flatMap((b) =>
      b.routes.flatMap((r) =>
        [...r.warnings, ...r.stops.flatMap((s) => s.warnings)].map((w) => key(b.date, r.staffName, w)),
      ),
    ),
  );
  const out: MovePreview['warnings'] = [];
  for (const b of after) {
    for (const r of b.routes) {
      const names = new Map(r.stops.map((s) => [s.visitId, s.patientName]));
      const all = [...r.warnings.filter((w) => !w.visitId), ...r.stops.flatMap((s) => s.warnings)];
      for (const w of all) {
        if (had.has(key(b.date, r.staffName, w))) continue;
        had.add(key(b.date, r.staffName, w));
        out.push({
          ...w,
          staffName: r.staffName,
          patientName: w.visitId ? (names.get(w.visitId) ?? null) : null,
        });
      }
    }
  }
  return out;
}

/** Moves a visit and re-times both routes, in the caller's transaction; returns the patient. */
async function applyMove(
  deps: AppDeps,
  ctx: RequestContext,
  trx: Conn,
  id: string,
  body: MoveBody,
  settings: Awaited<ReturnType<typeof loadSettings>>,
): Promise<string> {
  const orgId = ctx.actor.organizationId;
  {
    const v = await visits.lockVisit(trx, orgId, id);
    if (!v) throw notFound('The visit');
    await loadPatientFor(deps, ctx, 'visit:read', v.patient_id, trx);
    if (v.status !== 'scheduled' && v.status !== 'requested')
      throw conflict(
        `Only a scheduled or requested visit can be moved; this one is ${v.status.replaceAll('_', ' ')}.`,
      );
    const staff = await visits.activeStaff(trx, orgId, clinicalRoles);
    if (!staff.some((s) => s.id === body.staffId)) throw notFound('The staff member');
    const now = deps.clock();
    const fromDate = v.visit_date;
    const fromStaff = v.staff_id;
    await visits.updateVisit(trx, orgId, id, {
      staff_id: body.staffId,
      visit_date: body.date,
      status: 'scheduled',
      updated_at: now,
    });
    if (v.status === 'requested')
      await visits.insertEvent(trx, {
        id: randomUUID(),
        organization_id: orgId,
        visit_id: id,
        from_status: 'requested',
        to_status: 'scheduled',
        reason: null,
        by_user_id: ctx.actor.userId,
        at: now,
        client_id: null,
      });
    // re-time the target route with the moved visit at its position, then the route it left
    const target = await dayContext(trx, orgId, body.date);
    const others = target.visits
      .filter((x) => x.staff_id === body.staffId && x.id !== id && x.status !== 'requested')
      .sort(byStart);
    const moved = target.visits.find((x) => x.id === id)!;
    const position = Math.min(
      body.position ?? others.filter((x) => (x.start_min ?? 0) <= (v.start_min ?? 0)).length,
      others.length,
    );
    const ordered = [...others.slice(0, position), moved, ...others.slice(position)];
    await retime(trx, orgId, target, body.staffId, ordered, now, settings.timeZone);
    if (fromStaff && (fromStaff !== body.staffId || fromDate !== body.date)) {
      const source = await dayContext(trx, orgId, fromDate);
      const left = source.visits
        .filter((x) => x.staff_id === fromStaff && x.status !== 'requested')
        .sort(byStart);
      await retime(trx, orgId, source, fromStaff, left, now, settings.timeZone);
    }
    const after = await visits.findVisit(trx, orgId, id);
    const when = `${body.date} ${hhmmOf(after?.start_min ?? 0)}`;
    await notifyVisitPeople(
      trx,
      orgId,
      { id, patient_id: v.patient_id, staff_id: body.staffId },
      {
        kind: 'visit.assigned',
        params: { patient: `${after?.last_name ?? ''} ${after?.first_name ?? ''}`, when },
        title: 'Visit assigned to you',
        body: `${after?.last_name ?? ''} ${after?.first_name ?? ''}, ${when}`,
      },
      fromDate !== body.date
        ? { kind: 'visit.moved', params: { when }, title: 'Visit moved', body: when }
        : null,
      now,
    );
    if (fromStaff && fromStaff !== body.staffId)
      await notifyUsers(
        trx,
        orgId,
        [fromStaff],
        {
          kind: 'visit.to-colleague',
          params: { when },
          title: 'Visit moved to a colleague',
          body: when,
          entityType: 'visit',
          entityId: id,
        },
        now,
      );
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'visit.move',
      entityType: 'visit',
      entityId: id,
      patientId: v.patient_id,
    });
    return v.patient_id;
  }
}

async function retime(
  trx: Conn,
  orgId: string,
  dc: DayContext,
  staffId: string,
  ordered: VisitRow[],
  now: Date,
  timeZone: string,
) {
  const shift = dc.shifts.find((s) => s.user_id === staffId);
  // today, nobody can leave before now: re-timing never moves a visit into the past
  const earliest = dc.date === localDate(now, timeZone) ? Math.ceil(localMinutes(now, timeZone) / 5) * 5 : 0;
  const timed = timeRoute({
    staffDisciplines: [dc.staff.find((s) => s.id === staffId)?.role ?? ''],
    shift: shift ? { start: Math.max(shift.start_min, earliest), end: shift.end_min } : null,
    stops: ordered.map((v) => stopOf(v, dc.places, false)),
    legs: legsFor(
      dc.matrix,
      ordered.map((v) => dc.places.of(v.patient_id, v.lat, v.lon)),
    ),
  });
  for (const [i, t] of timed.stops.entries()) {
    const v = ordered[i]!;
    if (startedStatuses.includes(v.status)) continue;
    if (v.start_min !== Math.round(t.start) || v.sequence !== i)
      await visits.updateVisit(trx, orgId, v.id, {
        start_min: Math.round(t.start),
        sequence: i,
        updated_at: now,
      });
  }
}

// ---- planning runs ----

interface WeekInput {
  weekStart: string;
  requirements: (VisitRequirement & {
    patientName: string;
    address: string;
    lat: number | null;
    lon: number | null;
  })[];
}

interface StoredResult {
  routes: BoardRoute[];
  unassigned: PlanRun['unassigned'];
  measures: PlanRun['measures'];
  capacity?: PlanRun['capacity'];
  changes: PlanRun['changes'];
  /** What publishing creates or changes. */
  assignments: { key: string; staffId: string; date: string; start: number; sequence: number }[];
  sameDayVisit?: PlanRun['sameDayVisit'];
  againstPublished?: PlanRun['againstPublished'];
}

function toPlanRun(
  row: NonNullable<Awaited<ReturnType<typeof repo.findRun>>>,
  now: Date,
  timeLimit: number,
): PlanRun {
  const result = row.result as unknown as StoredResult | null;
  const progress = live.get(row.id);
  const stale =
    row.status === 'running' &&
    !progress &&
    now.getTime() - row.created_at.getTime() > (timeLimit + 60) * 1000;
  return {
    id: row.id,
    kind: row.kind,
    status: stale ? 'failed' : row.status,
    weekStart: row.week_start,
    progress: progress
      ? {
          fraction: progress.fraction,
          seconds: progress.seconds,
          iterations: progress.iterations,
          bestCost: Number.isFinite(progress.bestCost) ? progress.bestCost : null,
        }
      : { fraction: row.status === 'running' ? 0 : 1, seconds: 0, iterations: 0, bestCost: null },
    routes: result?.routes ?? [],
    unassigned: result?.unassigned ?? [],
    measures: result?.measures ?? null,
    capacity: result?.capacity ?? null,
    changes: result?.changes ?? [],
    sameDayVisit: result?.sameDayVisit ?? null,
    againstPublished: result?.againstPublished ?? null,
    error: stale ? 'The server stopped while planning; start again.' : row.error,
    createdAt: row.created_at.toISOString(),
  };
}

export async function getRun(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(deps.db, orgId);
  const row = await repo.findRun(deps.db, orgId, id);
  if (!row) throw notFound('The planning run');
  return toPlanRun(row, deps.clock(), settings.planningTimeLimitSeconds);
}

/** Which days of the horizon have someone of each discipline on the rota. */
function workingDaysByDiscipline(shifts: { role: string | undefined; day: number }[]) {
  const out: Partial<Record<Discipline, number[]>> = {};
  for (const sh of shifts) {
    if (!sh.role || !disciplines.includes(sh.role as Discipline)) continue;
    const list = out[sh.role as Discipline] ?? [];
    if (!list.includes(sh.day)) out[sh.role as Discipline] = [...list, sh.day];
  }
  return out;
}

const weekdayOf = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * Starts planning a week: the care plans' visit requirements for the week (minus visits already
 * planned), the rota's shifts, the families' windows and key workers go to the planner in a
 * worker thread. Answers at once with the running run; progress is polled (and an event says when
 * it is ready). Visits already scheduled that week stay where they are.
 */
export async function planWeek(deps: AppDeps, ctx: RequestContext, weekStart: string) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(deps.db, orgId);
  const days = Array.from({ length: 7 }, (_, d) => addDays(weekStart, d));
  const weekEnd = days[6]!;
  const [plans, existing, last, shifts, staff] = await Promise.all([
    currentPlans(deps.db, orgId),
    visits.visitsBetween(deps.db, orgId, weekStart, weekEnd),
    visits.lastVisitDays(deps.db, orgId, weekStart),
    visits.shiftsBetween(deps.db, orgId, weekStart, weekEnd),
    visits.activeStaff(deps.db, orgId, clinicalRoles),
  ]);
  const kept = existing.filter(
    (v) => v.status !== 'cancelled' && v.status !== 'requested' && v.status !== 'on_hold' && v.staff_id,
  );
  const dayIndex = (date: string) => Math.round((Date.parse(date) - Date.parse(weekStart)) / 86_400_000);
  const requirements = weekRequirements(
    plans.map((p) => ({
      patientId: p.patient_id,
      content: p.content as CarePlanContent,
      lastVisitDay: Object.fromEntries(
        last
          .filter((l) => l.patient_id === p.patient_id)
          .map((l) => [l.discipline, dayIndex(String(l.last_date))]),
      ),
      alreadyInWeek: kept
        .filter((v) => v.patient_id === p.patient_id)
        .reduce<Partial<Record<Discipline, number>>>((acc, v) => {
          const d = v.discipline as Discipline;
          acc[d] = (acc[d] ?? 0) + 1;
          return acc;
        }, {}),
    })),
    days.map(weekdayOf),
    weekStart,
    workingDaysByDiscipline(
      shifts.map((sh) => ({
        role: staff.find((s) => s.id === sh.user_id)?.role,
        day: dayIndex(sh.shift_date),
      })),
    ),
  );
  const byPatient = new Map(plans.map((p) => [p.patient_id, p]));
  // days already past are not planned; today only from now on
  const now = deps.clock();
  const todayIndex = dayIndex(localDate(now, settings.timeZone));
  const nowMin = Math.ceil(localMinutes(now, settings.timeZone) / 15) * 15;
  const ahead = requirements.flatMap((r) => {
    const open = r.days.filter((d) => d >= todayIndex);
    if (open.length === 0) return [];
    const count = Math.min(r.count, open.length);
    return [
      {
        ...r,
        days: open,
        count,
        minGapDays:
          count > 1
            ? Math.min(r.minGapDays, Math.floor((open[open.length - 1]! - open[0]!) / (count - 1)) || 1)
            : 1,
      },
    ];
  });
  const input: WeekInput = {
    weekStart,
    requirements: ahead.map((r) => {
      const p = byPatient.get(r.patientId)!;
      // continuity is about the same person of the discipline: the key worker counts for their own
      const keyWorkerId =
        staff.find((s) => s.id === r.keyWorkerId)?.role === r.discipline ? r.keyWorkerId : null;
      return {
        ...r,
        keyWorkerId,
        patientName: `${p.last_name} ${p.first_name}`,
        address: p.address,
        lat: p.lat,
        lon: p.lon,
      };
    }),
  };
  const places = new Places(settings.base);
  for (const r of input.requirements) places.of(r.patientId, r.lat, r.lon);
  for (const v of kept) places.of(v.patient_id, v.lat, v.lon);
  const matrix = await travelMatrix(places.points, settings.travel);

  const adapterStaff: AdapterStaff[] = staff.map((s) => ({
    id: s.id,
    disciplines: [s.role],
    shifts: shifts
      .filter((sh) => sh.user_id === s.id && dayIndex(sh.shift_date) >= todayIndex)
      .map((sh) => {
        const day = dayIndex(sh.shift_date);
        return {
          day,
          start: day === todayIndex ? Math.max(sh.start_min, nowMin) : sh.start_min,
          end: sh.end_min,
        };
      })
      .filter((sh) => sh.start < sh.end),
  }));
  const adapterVisits: AdapterVisit[] = [
    ...input.requirements.map((r) => ({
      id: r.id,
      location: places.of(r.patientId, r.lat, r.lon),
      discipline: r.discipline,
      durationMinutes: r.durationMinutes,
      window: r.window,
      days: r.days,
      count: r.count,
      minGapDays: r.minGapDays,
      keyWorkerId: r.keyWorkerId,
    })),
    ...kept
      .filter(
        (v) =>
          v.status === 'scheduled' &&
          v.start_min !== null &&
          (dayIndex(v.visit_date) > todayIndex ||
            (dayIndex(v.visit_date) === todayIndex && v.start_min >= nowMin)),
      )
      .map((v) => ({
        id: `kept:${v.id}`,
        location: places.of(v.patient_id, v.lat, v.lon),
        discipline: v.discipline,
        durationMinutes: v.duration_min,
        window: null,
        days: [dayIndex(v.visit_date)],
        fixed: { staffId: v.staff_id!, day: dayIndex(v.visit_date), start: v.start_min! },
      })),
  ];
  const problem = toProblem({
    name: `week ${weekStart}`,
    days: 7,
    minutes: matrix.minutes,
    km: matrix.km,
    staff: adapterStaff,
    visits: adapterVisits,
    weights: { balance: settings.planningBalanceWeight, overtime: settings.planningOvertimeWeight },
  });

  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertRun(trx, {
      id,
      organization_id: orgId,
      kind: 'week',
      status: 'running',
      week_start: weekStart,
      input,
      result: null,
      error: null,
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
      finished_at: null,
      published_at: null,
      published_by: null,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'planning.start',
      entityType: 'plan_run',
      entityId: id,
    });
  });

  const finish = (plan: Plan) => {
    const result = fromPlan(plan);
    const req = new Map(input.requirements.map((r) => [r.id, r]));
    const keptById = new Map(kept.map((v) => [`kept:${v.id}`, v]));
    const assignments: StoredResult['assignments'] = [];
    const routes: BoardRoute[] = [];
    const timed: TimedRoute[] = [];
    const visitsForMeasures: { staffId: string | null; keyWorkerId: string | null }[] = [];
    let keptPlanned = 0;
    const capacityRoutes: CapacityInput['routes'] = [];
    // continuity counts the key worker of the visit's own discipline, for kept visits too
    const keyWorkerOf = (patientId: string, discipline: string) => {
      const k = (byPatient.get(patientId)?.content as CarePlanContent | undefined)?.keyWorkerId ?? null;
      return staff.find((s) => s.id === k)?.role === discipline ? k : null;
    };
    const groups = new Map<string, typeof result.assignments>();
    for (const a of result.assignments) {
      const k = `${a.staffId}|${a.day}`;
      groups.set(k, [...(groups.get(k) ?? []), a]);
    }
    for (const [k, list] of groups) {
      const [staffId, dayStr] = k.split('|') as [string, string];
      const date = days[Number(dayStr)]!;
      const person = staff.find((s) => s.id === staffId)!;
      const shift = shifts.find((sh) => sh.user_id === staffId && sh.shift_date === date);
      // an engine start that is not a number (seen once in a re-plan) must never reach start_min:
      // such a stop is timed by the route instead, and its assignment takes the route's start
      const untimed = new Map<number, (typeof assignments)[number]>();
      const stops: StopInfo[] = list
        .sort((a, b) => a.sequence - b.sequence)
        .map((a, index) => {
          const r = req.get(a.visitId);
          const fixedStart = Number.isFinite(a.start) ? a.start : undefined;
          if (r) {
            const key = `${a.visitId}#${a.occurrence}`;
            const assignment = { key, staffId, date, start: Math.round(a.start), sequence: a.sequence };
            if (fixedStart === undefined) untimed.set(index, assignment);
            assignments.push(assignment);
            visitsForMeasures.push({ staffId, keyWorkerId: r.keyWorkerId });
            return {
              visitId: key,
              discipline: r.discipline,
              durationMinutes: r.durationMinutes,
              window: r.window,
              location: places.of(r.patientId, r.lat, r.lon),
              patientId: r.patientId,
              patientName: r.patientName,
              address: r.address,
              coordinates: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
              kind: 'planned',
              status: 'proposed',
              ...(fixedStart === undefined ? {} : { fixedStart }),
            };
          }
          const v = keptById.get(a.visitId)!;
          visitsForMeasures.push({ staffId, keyWorkerId: keyWorkerOf(v.patient_id, v.discipline) });
          keptPlanned++;
          return { ...stopOf(v, places), ...(fixedStart === undefined ? {} : { fixedStart }) };
        });
      const b = boardRoute(
        person,
        date,
        shift ? { start: shift.start_min, end: shift.end_min } : null,
        stops,
        matrix,
      );
      for (const [index, assignment] of untimed) assignment.start = Math.round(b.timed.stops[index]!.start);
      routes.push(b.route);
      timed.push(b.timed);
      capacityRoutes.push({
        discipline: person.role as Discipline,
        date,
        visitMinutes: stops.reduce((sum, st) => sum + st.durationMinutes, 0),
        travelMinutes: b.timed.travelMinutes,
        visits: stops.length,
      });
    }
    routes.sort((a, b) => a.date.localeCompare(b.date) || a.staffName.localeCompare(b.staffName));
    const againstPublished = comparePublished(routes, adapterVisits.filter((v) => v.fixed).length);
    const unassigned = result.unassigned
      .filter((u) => req.has(u.visitId))
      .map((u) => {
        const r = req.get(u.visitId)!;
        visitsForMeasures.push({ staffId: null, keyWorkerId: r.keyWorkerId });
        return {
          patientId: r.patientId,
          patientName: r.patientName,
          discipline: r.discipline,
          reason: u.reason,
          code: u.code,
          dates: r.days.map((d) => days[d]!),
        };
      });
    // Visits already scheduled that week are part of the week's work: counting their driving but
    // not the visits themselves showed re-plans after publishing as "8 / 43" at 448 min a visit.
    const required = input.requirements.reduce((s, r) => s + r.count, 0) + keptPlanned;
    const capacity = capacityTable({
      shifts: adapterStaff.flatMap((s) =>
        s.shifts.map((sh) => ({
          discipline: s.disciplines[0] as Discipline,
          date: days[sh.day]!,
          minutes: sh.end - sh.start,
        })),
      ),
      routes: capacityRoutes,
      unplanned: result.unassigned.flatMap((u) => {
        const r = req.get(u.visitId);
        return r
          ? [
              {
                discipline: r.discipline,
                code: u.code,
                minutes: r.durationMinutes,
                dates: r.days.map((d) => days[d]!),
              },
            ]
          : [];
      }),
    });
    const stored: StoredResult = {
      routes,
      unassigned,
      capacity,
      measures: planMeasures(timed, visitsForMeasures, required),
      changes: [],
      assignments,
      againstPublished,
    };
    return stored;
  };
  startSolve(deps, orgId, id, { problem, timeLimitSeconds: settings.planningTimeLimitSeconds }, finish);
  return getRun(deps, ctx, id);
}

/**
 * What publishing a week plan changes against the visits already published for that week: the
 * visits it adds, and the published visits still to come, which it plans around and keeps as
 * they are (a week plan never moves or removes a published visit; that is done on the board).
 */
function comparePublished(
  routes: BoardRoute[],
  publishedAhead: number,
): NonNullable<PlanRun['againstPublished']> {
  // the new visits are the routes' proposed stops, with the times the preview shows
  const added = routes.flatMap((r) =>
    r.stops
      .filter((st) => st.status === 'proposed')
      .map((st) => ({
        patientName: st.patientName,
        discipline: st.discipline,
        staffName: r.staffName,
        date: r.date,
        start: st.start,
      })),
  );
  added.sort((x, y) => x.date.localeCompare(y.date) || x.start.localeCompare(y.start));
  return { kept: publishedAhead, added };
}

function startSolve(
  deps: AppDeps,
  orgId: string,
  id: string,
  job: Parameters<typeof runPlanner>[0],
  finish: (plan: Plan) => StoredResult,
) {
  live.set(id, { fraction: 0, seconds: 0, iterations: 0, bestCost: Number.NaN });
  const task = runPlanner(job, (p) => live.set(id, p))
    .then(async (plan) => {
      const result = finish(plan);
      await repo.updateRun(deps.db, orgId, id, { status: 'ready', result, finished_at: deps.clock() });
    })
    .catch(async (err: unknown) => {
      await repo.updateRun(deps.db, orgId, id, {
        status: 'failed',
        error: `The planner could not plan this: ${err instanceof Error ? err.message : String(err)}`.slice(
          0,
          2000,
        ),
        finished_at: deps.clock(),
      });
    })
    .finally(async () => {
      live.delete(id);
      pending.delete(task);
      await deps.events.publish({
        organizationId: orgId,
        type: 'planning.updated',
        entityId: id,
        roles: audience,
      });
    });
  pending.add(task);
}

interface UrgentInput {
  date: string;
  patientId: string;
  discipline: Discipline;
  durationMinutes: number;
  reason: string;
  alertId: string | null;
  /** The patient's visit later today that the urgent visit takes the place of (brought forward). */
  mergeVisitId?: string | null;
}

/** How long past the end of a shift an urgent visit may keep someone. */
const urgentOvertimeMinutes = 120;

/**
 * Urgent visit: re-plans today with the new visit (mandatory) inserted where it disturbs the
 * least; visits already under way or done keep their person and time, and the others keep their
 * families' agreed windows (hard, not at a cost). When the patient already has a visit of that
 * discipline later today, the urgent visit takes its place (brought forward) unless the
 * coordinator asks for both. Nothing changes until the coordinator accepts the preview.
 */
export async function previewUrgent(
  deps: AppDeps,
  ctx: RequestContext,
  body: {
    patientId: string;
    discipline: Discipline;
    durationMinutes: number;
    reason: string;
    alertId?: string | undefined;
    sameDayVisit?: 'merge' | 'keep' | undefined;
  },
) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const patient = await loadPatientFor(deps, ctx, 'visit:schedule', body.patientId);
  const orgId = ctx.actor.organizationId;
  if (body.alertId) {
    const alert = await findAlertView(deps.db, orgId, body.alertId);
    if (!alert || alert.patient_id !== patient.id) throw notFound('The alert');
  }
  const settings = await loadSettings(deps.db, orgId);
  const now = deps.clock();
  const date = localDate(now, settings.timeZone);
  const nowMin = localMinutes(now, settings.timeZone);
  const dc = await dayContext(deps.db, orgId, date);
  const urgentLoc = dc.places.of(patient.id, patient.lat, patient.lon);
  if (urgentLoc === dc.places.points.length - 1 || !dc.matrix.minutes[urgentLoc])
    Object.assign(dc, { matrix: await travelMatrix(dc.places.points, settings.travel) });
  const sameDayId = sameDayVisitToMerge(
    dc.visits.map((v) => ({
      id: v.id,
      patientId: v.patient_id,
      discipline: v.discipline,
      status: v.status,
      startMin: v.start_min,
    })),
    patient.id,
    body.discipline,
  )?.id;
  const sameDay = dc.visits.find((v) => v.id === sameDayId) ?? null;
  const merged = sameDay !== null && body.sameDayVisit !== 'keep';
  // the visit being brought forward is not planned around: the urgent visit is that visit
  const assigned = dc.visits.filter(
    (v) => v.staff_id && v.status !== 'requested' && !(merged && v.id === sameDay.id),
  );
  const adapterStaff: AdapterStaff[] = dc.staff.map((s) => ({
    id: s.id,
    disciplines: [s.role],
    shifts: dc.shifts
      .filter((sh) => sh.user_id === s.id)
      .map((sh) => ({ day: 0, start: sh.start_min, end: sh.end_min })),
    // an urgent visit late in a shift is still made: the person stays on (the board shows the
    // overtime) rather than the visit being refused because it would end after the shift
    maxOvertime: urgentOvertimeMinutes,
  }));
  const onShift = new Set(dc.shifts.map((s) => s.user_id));
  const adapterVisits: AdapterVisit[] = assigned
    .filter((v) => onShift.has(v.staff_id!))
    .map((v) => {
      const started = startedStatuses.includes(v.status);
      return {
        id: v.id,
        location: dc.places.of(v.patient_id, v.lat, v.lon),
        discipline: v.discipline,
        durationMinutes: v.duration_min,
        window: started
          ? null
          : keptWindowToday(
              { windowStart: v.window_start, windowEnd: v.window_end, startMin: v.start_min },
              nowMin,
            ),
        days: [0],
        mandatory: true,
        ...(started && v.start_min !== null
          ? { fixed: { staffId: v.staff_id!, day: 0, start: v.start_min } }
          : {}),
      };
    });
  adapterVisits.push({
    id: 'urgent',
    location: urgentLoc,
    discipline: body.discipline,
    durationMinutes: body.durationMinutes,
    window: { start: nowMin, end: 1439 },
    days: [0],
    mandatory: true,
    priority: 100,
  });
  const problem = toProblem({
    name: `urgent ${date}`,
    days: 1,
    minutes: dc.matrix.minutes,
    km: dc.matrix.km,
    staff: adapterStaff,
    visits: adapterVisits,
    weights: { balance: settings.planningBalanceWeight, overtime: settings.planningOvertimeWeight },
  });
  const previous = previousPlan(
    [...onShift].map((staffId) => ({
      staffId,
      day: 0,
      visitIds: assigned
        .filter((v) => v.staff_id === staffId)
        .sort(byStart)
        .map((v) => v.id),
    })),
  );
  const input: UrgentInput = {
    date,
    patientId: patient.id,
    discipline: body.discipline,
    durationMinutes: body.durationMinutes,
    reason: body.reason,
    alertId: body.alertId ?? null,
    mergeVisitId: merged ? sameDay.id : null,
  };
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertRun(trx, {
      id,
      organization_id: orgId,
      kind: 'urgent',
      status: 'running',
      week_start: date,
      input,
      result: null,
      error: null,
      created_by: ctx.actor.userId,
      created_at: now,
      finished_at: null,
      published_at: null,
      published_by: null,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'planning.urgent-preview',
      entityType: 'plan_run',
      entityId: id,
      patientId: patient.id,
    });
  });
  const finish = (plan: Plan): StoredResult => {
    const result = fromPlan(plan);
    const byId = new Map(assigned.map((v) => [v.id, v]));
    const staffName = (sid: string | null) => dc.staff.find((s) => s.id === sid)?.name ?? null;
    const routes: BoardRoute[] = [];
    const assignments: StoredResult['assignments'] = [];
    const changes: PlanRun['changes'] = [];
    for (const s of dc.staff) {
      const list = result.assignments
        .filter((a) => a.staffId === s.id)
        .sort((a, b) => a.sequence - b.sequence);
      if (list.length === 0 && !onShift.has(s.id)) continue;
      const stops: StopInfo[] = list.map((a) => {
        if (a.visitId === 'urgent')
          return {
            visitId: 'urgent',
            discipline: body.discipline,
            durationMinutes: body.durationMinutes,
            window: null,
            location: urgentLoc,
            patientId: patient.id,
            patientName: `${patient.last_name} ${patient.first_name}`,
            address: patient.address,
            coordinates:
              patient.lat !== null && patient.lon !== null ? { lat: patient.lat, lon: patient.lon } : null,
            kind: 'urgent',
            status: 'proposed',
            fixedStart: a.start,
          };
        return { ...stopOf(byId.get(a.visitId)!, dc.places), fixedStart: a.start };
      });
      const shift = dc.shifts.find((sh) => sh.user_id === s.id);
      const b = boardRoute(
        s,
        date,
        shift ? { start: shift.start_min, end: shift.end_min } : null,
        stops,
        dc.matrix,
      );
      routes.push(b.route);
      for (const [i, a] of list.entries()) {
        const start = Math.round(b.timed.stops[i]!.start);
        assignments.push({ key: a.visitId, staffId: s.id, date, start, sequence: i });
        const before = byId.get(a.visitId);
        if (
          before &&
          !startedStatuses.includes(before.status) &&
          (before.staff_id !== s.id || Math.abs((before.start_min ?? 0) - start) >= 5)
        )
          changes.push({
            visitId: before.id,
            patientName: `${before.last_name} ${before.first_name}`,
            fromStaffName: staffName(before.staff_id),
            toStaffName: s.name,
            fromStart: before.start_min === null ? null : hhmmOf(before.start_min),
            toStart: hhmmOf(start),
          });
      }
    }
    const unplaced = result.unassigned.find((u) => u.visitId === 'urgent');
    return {
      routes,
      unassigned: unplaced
        ? [
            {
              patientId: patient.id,
              patientName: `${patient.last_name} ${patient.first_name}`,
              discipline: body.discipline,
              reason: unplaced.reason,
            },
          ]
        : [],
      measures: null,
      changes,
      assignments,
      sameDayVisit: sameDay
        ? {
            visitId: sameDay.id,
            staffName: staffName(sameDay.staff_id),
            start: sameDay.start_min === null ? null : hhmmOf(sameDay.start_min),
            merged,
          }
        : null,
    };
  };
  startSolve(
    deps,
    orgId,
    id,
    { problem, previous, timeLimitSeconds: Math.min(settings.planningTimeLimitSeconds, 3) },
    finish,
  );
  return getRun(deps, ctx, id);
}

/** Publishes a reviewed week plan, or accepts an urgent insertion. */
export async function publishRun(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const touched: string[] = [];
  let alertId: string | null = null;
  let familyUserIds: string[] = [];
  await deps.db.transaction().execute(async (trx) => {
    const run = await repo.lockRun(trx, orgId, id);
    if (!run) throw notFound('The planning run');
    if (run.status === 'running')
      throw conflict('The planner is still working; wait until the plan is ready.');
    if (run.status !== 'ready') throw conflict(`This plan is ${run.status} and cannot be published.`);
    const result = run.result as unknown as StoredResult;
    const now = deps.clock();
    if (run.kind === 'week')
      touched.push(
        ...(await publishWeek(trx, ctx, orgId, run.id, run.input as unknown as WeekInput, result, now)),
      );
    else {
      const input = run.input as unknown as UrgentInput;
      alertId = input.alertId;
      touched.push(...(await acceptUrgent(trx, ctx, orgId, run.id, input, result, now)));
    }
    await repo.updateRun(trx, orgId, id, {
      status: 'published',
      published_at: now,
      published_by: ctx.actor.userId,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: `planning.publish-${run.kind}`,
      entityType: 'plan_run',
      entityId: id,
    });
    const patientIds = [...new Set(touched.map((t) => t.split('|')[1]!))];
    await recordAudits(
      trx,
      deps,
      ctx,
      orgId,
      patientIds.map((pid) => ({ action: 'visit.plan', entityType: 'visit', patientId: pid })),
    );
    familyUserIds = [...new Set((await visits.familyUsersOf(trx, orgId, patientIds)).map((f) => f.user_id))];
  });
  // dispatched from an alert: the alert is answered with "urgent visit" (unless someone already answered it)
  if (alertId && can(ctx.actor, 'alert:handle')) {
    try {
      await resolveAlert(deps, ctx, alertId, {
        outcome: 'urgent_visit_requested',
        note: 'Urgent visit dispatched',
      });
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'CONFLICT')) throw err;
    }
  }
  await publishVisits(deps, orgId, id, familyUserIds);
  await deps.events.publish({
    organizationId: orgId,
    type: 'planning.updated',
    entityId: id,
    roles: audience,
  });
  return getRun(deps, ctx, id);
}

const newVisitRow = (
  orgId: string,
  runId: string,
  by: string,
  now: Date,
  v: {
    patientId: string;
    discipline: string;
    kind: 'planned' | 'urgent';
    staffId: string;
    date: string;
    start: number;
    duration: number;
    window: { start: number; end: number } | null;
    sequence: number;
    reason: string | null;
  },
) => ({
  id: randomUUID(),
  organization_id: orgId,
  patient_id: v.patientId,
  discipline: v.discipline,
  kind: v.kind,
  status: 'scheduled' as const,
  staff_id: v.staffId,
  visit_date: v.date,
  start_min: v.start,
  duration_min: v.duration,
  window_start: v.window?.start ?? null,
  window_end: v.window?.end ?? null,
  reason: v.reason,
  status_reason: null,
  plan_run_id: runId,
  sequence: v.sequence,
  checked_in_at: null,
  check_in_lat: null,
  check_in_lon: null,
  completed_at: null,
  created_by: by,
  created_at: now,
  updated_at: now,
});

async function publishWeek(
  trx: Conn,
  ctx: RequestContext,
  orgId: string,
  runId: string,
  input: WeekInput,
  result: StoredResult,
  now: Date,
) {
  const req = new Map(input.requirements.map((r) => [r.id, r]));
  const rows = result.assignments.map((a) => {
    const r = req.get(a.key.split('#')[0]!)!;
    return newVisitRow(orgId, runId, ctx.actor.userId, now, {
      patientId: r.patientId,
      discipline: r.discipline,
      kind: 'planned',
      staffId: a.staffId,
      date: a.date,
      start: a.start,
      duration: r.durationMinutes,
      window: r.window,
      sequence: a.sequence,
      reason: null,
    });
  });
  await visits.insertVisits(trx, rows);
  await visits.insertEvents(
    trx,
    rows.map((row) => ({
      id: randomUUID(),
      organization_id: orgId,
      visit_id: row.id,
      from_status: null,
      to_status: 'scheduled',
      reason: 'Weekly plan',
      by_user_id: ctx.actor.userId,
      at: now,
      client_id: null,
    })),
  );
  const staffIds = [...new Set(rows.map((r) => r.staff_id))];
  if (staffIds.length > 0)
    await notifyUsers(
      trx,
      orgId,
      staffIds,
      {
        kind: 'plan.ready',
        params: { week: input.weekStart },
        title: 'Your visits are planned',
        body: `Week of ${input.weekStart}`,
        entityType: 'plan_run',
        entityId: runId,
      },
      now,
    );
  const family = await visits.familyUsersOf(trx, orgId, [...new Set(rows.map((r) => r.patient_id))]);
  const familyIds = [...new Set(family.map((f) => f.user_id))];
  if (familyIds.length > 0)
    await notifyUsers(
      trx,
      orgId,
      familyIds,
      {
        kind: 'plan.family-week',
        params: { week: input.weekStart },
        title: 'Visits planned for the week',
        body: `Week of ${input.weekStart}`,
      },
      now,
    );
  return rows.map((r) => `${r.id}|${r.patient_id}`);
}

async function acceptUrgent(
  trx: Conn,
  ctx: RequestContext,
  orgId: string,
  runId: string,
  input: UrgentInput,
  result: StoredResult,
  now: Date,
) {
  const urgent = result.assignments.find((a) => a.key === 'urgent');
  if (!urgent)
    throw new DomainError('CONFLICT', 'Nobody on shift today can take this visit; it cannot be dispatched.');
  const row = input.mergeVisitId
    ? await bringForward(trx, ctx, orgId, input, input.mergeVisitId, urgent, now)
    : await insertUrgent(trx, ctx, orgId, runId, input, urgent, now);
  const touched = [`${row.id}|${row.patient_id}`];
  // visits that moved: only those still just scheduled (one may have set off since the preview)
  for (const a of result.assignments) {
    if (a.key === 'urgent') continue;
    const v = await visits.lockVisit(trx, orgId, a.key);
    if (v?.status !== 'scheduled') continue;
    if (v.staff_id !== a.staffId || v.start_min !== a.start || v.sequence !== a.sequence) {
      await visits.updateVisit(trx, orgId, v.id, {
        staff_id: a.staffId,
        start_min: a.start,
        sequence: a.sequence,
        updated_at: now,
      });
      if (v.staff_id !== a.staffId) {
        await notifyUsers(
          trx,
          orgId,
          [a.staffId],
          {
            kind: 'visit.reassigned',
            params: { when: `${input.date} ${hhmmOf(a.start)}` },
            title: 'Visit reassigned to you',
            body: `${input.date} ${hhmmOf(a.start)}`,
            entityType: 'visit',
            entityId: v.id,
          },
          now,
        );
        if (v.staff_id)
          await notifyUsers(
            trx,
            orgId,
            [v.staff_id],
            {
              kind: 'visit.to-colleague',
              params: { when: input.date },
              title: 'Visit moved to a colleague',
              body: `${input.date}`,
              entityType: 'visit',
              entityId: v.id,
            },
            now,
          );
      }
      touched.push(`${v.id}|${v.patient_id}`);
    }
  }
  await notifyVisitPeople(
    trx,
    orgId,
    { id: row.id, patient_id: input.patientId, staff_id: urgent.staffId },
    { title: 'Urgent visit', body: `${input.date} ${hhmmOf(urgent.start)}: ${input.reason}` },
    input.mergeVisitId
      ? { title: 'Your visit today comes earlier', body: `Expected around ${hhmmOf(urgent.start)}` }
      : { title: 'An urgent visit is on its way', body: `Expected around ${hhmmOf(urgent.start)}` },
    now,
  );
  return touched;
}

type UrgentPlace = StoredResult['assignments'][number];

async function insertUrgent(
  trx: Conn,
  ctx: RequestContext,
  orgId: string,
  runId: string,
  input: UrgentInput,
  urgent: UrgentPlace,
  now: Date,
) {
  const row = newVisitRow(orgId, runId, ctx.actor.userId, now, {
    patientId: input.patientId,
    discipline: input.discipline,
    kind: 'urgent',
    staffId: urgent.staffId,
    date: input.date,
    start: urgent.start,
    duration: input.durationMinutes,
    window: null,
    sequence: urgent.sequence,
    reason: input.reason,
  });
  await visits.insertVisits(trx, [row]);
  for (const [from, to] of [
    [null, 'requested'],
    ['requested', 'scheduled'],
  ] as const)
    await visits.insertEvent(trx, {
      id: randomUUID(),
      organization_id: orgId,
      visit_id: row.id,
      from_status: from,
      to_status: to,
      reason: to === 'requested' ? input.reason : 'Urgent dispatch',
      by_user_id: ctx.actor.userId,
      at: now,
      client_id: null,
    });
  return row;
}

/**
 * The patient's later visit becomes the urgent one: same visit (the family sees it come
 * earlier, not a second one appear), now with the urgent reason, person and time. The person
 * who had it is told it went to a colleague.
 */
async function bringForward(
  trx: Conn,
  ctx: RequestContext,
  orgId: string,
  input: UrgentInput,
  visitId: string,
  urgent: UrgentPlace,
  now: Date,
) {
  const v = await visits.lockVisit(trx, orgId, visitId);
  if (!v || (v.status !== 'scheduled' && v.status !== 'requested') || v.visit_date !== input.date)
    throw conflict(
      'The visit to bring forward has changed since the preview; preview the urgent visit again.',
    );
  await visits.updateVisit(trx, orgId, v.id, {
    kind: 'urgent',
    status: 'scheduled',
    staff_id: urgent.staffId,
    start_min: urgent.start,
    sequence: urgent.sequence,
    duration_min: input.durationMinutes,
    window_start: null,
    window_end: null,
    reason: input.reason,
    updated_at: now,
  });
  await visits.insertEvent(trx, {
    id: randomUUID(),
    organization_id: orgId,
    visit_id: v.id,
    from_status: v.status,
    to_status: 'scheduled',
    reason:
      `Brought forward as an urgent visit (was ${v.start_min === null ? 'unscheduled' : hhmmOf(v.start_min)}): ${input.reason}`.slice(
        0,
        500,
      ),
    by_user_id: ctx.actor.userId,
    at: now,
    client_id: null,
  });
  if (v.staff_id && v.staff_id !== urgent.staffId)
    await notifyUsers(
      trx,
      orgId,
      [v.staff_id],
      {
        kind: 'visit.to-colleague',
        params: { when: input.date },
        title: 'Visit moved to a colleague',
        body: `${input.date}`,
        entityType: 'visit',
        entityId: v.id,
      },
      now,
    );
  return { id: v.id, patient_id: v.patient_id };
}

export async function discardRun(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  await deps.db.transaction().execute(async (trx) => {
    const run = await repo.lockRun(trx, orgId, id);
    if (!run) throw notFound('The planning run');
    if (run.status === 'published')
      throw conflict('A published plan cannot be discarded; move or cancel its visits.');
    await repo.updateRun(trx, orgId, id, { status: 'discarded' });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'planning.discard',
      entityType: 'plan_run',
      entityId: id,
    });
  });
  return getRun(deps, ctx, id);
}

export const disciplineList = disciplines;

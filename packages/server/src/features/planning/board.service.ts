import { type BoardRoute, can, forbidden, type LatLon, planMeasures, type TimedRoute } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate } from '../../platform/time.ts';
import * as visits from '../visits/visits.repository.ts';
import {
  boardRoute,
  byStart,
  type DayContext,
  dayContext,
  keyWorkerFor,
  stopOf,
  type VisitRow,
} from './day-context.ts';

export function buildBoard(ctx: DayContext, base: LatLon) {
  const onShift = new Set(ctx.shifts.map((s) => s.userId));
  const withVisits = new Set(ctx.visits.flatMap((v) => (v.staffId ? [v.staffId] : [])));
  const routes: BoardRoute[] = [];
  const timed: TimedRoute[] = [];
  for (const s of ctx.staff) {
    if (!onShift.has(s.id) && !withVisits.has(s.id)) continue;
    const shift = ctx.shifts.find((x) => x.userId === s.id);
    const stops = ctx.visits
      .filter((v) => v.staffId === s.id && v.status !== 'requested')
      .sort(byStart)
      .map((v) => stopOf(v, ctx.places));
    const r = boardRoute(
      s,
      ctx.date,
      shift ? { start: shift.startMin, end: shift.endMin } : null,
      stops,
      ctx.matrix,
    );
    routes.push(r.route);
    timed.push(r.timed);
  }
  const assigned = ctx.visits.filter((v) => v.staffId && v.status !== 'requested');
  return {
    date: ctx.date,
    base,
    routes,
    unassigned: ctx.visits
      .filter((v) => !v.staffId || v.status === 'requested')
      .map((v) => ({
        visitId: v.id,
        patientName: `${v.lastName} ${v.firstName}`,
        discipline: v.discipline,
      })),
    held: ctx.held.map((v) => ({
      visitId: v.id,
      patientId: v.patientId,
      patientName: `${v.lastName} ${v.firstName}`,
      discipline: v.discipline,
      staffName: v.staffName,
      reason: v.statusReason,
    })),
    measures: planMeasures(
      timed,
      assigned.map((v) => ({ staffId: v.staffId, keyWorkerId: keyWorkerFor(ctx, v) })),
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
  await inEnvelope(deps, ctx, {}, async ({ audit }) => {
    for (const pid of new Set(dc.visits.map((v) => v.patientId)))
      await audit({ action: 'dispatch.read', entityType: 'visit', patientId: pid });
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
export function withSheetNotes(
  board: ReturnType<typeof buildBoard>,
  rows: VisitRow[],
  notes: Awaited<ReturnType<typeof visits.notesOf>>,
) {
  const byId = new Map(rows.map((v) => [v.id, v]));
  // notes come oldest first: the last one of a visit is its current documentation
  const latest = new Map(notes.map((n) => [n.visitId, n.content]));
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
        accessNotes: byId.get(s.visitId)?.accessNotes ?? null,
        documentation: documentationOf(s.visitId),
      })),
    })),
  };
}

export type Board = ReturnType<typeof buildBoard>;

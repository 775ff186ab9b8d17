/** Moving a visit on the board (drag and drop or keyboard), with a preview that keeps nothing. */
import { randomUUID } from 'node:crypto';
import {
  because,
  can,
  clinicalRoles,
  conflict,
  forbidden,
  hhmmOf,
  invalidField,
  type MovePreview,
  notFound,
  startedStatuses,
  timeRoute,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { loadPatientFor } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate, localMinutes } from '../../platform/time.ts';
import * as visits from '../visits/visits.repository.ts';
import { notifyVisitPeople, publish as publishVisit } from '../visits/visits.service.ts';
import { type Board, buildBoard } from './board.service.ts';
import { byStart, type DayContext, dayContext, legsFor, stopOf, type VisitRow } from './day-context.ts';
import { notifyMovedToColleague } from './visit-notices.ts';

/**
 * Drag and drop on the board: the visit goes to another staff member and/or day at a position,
 * both routes are re-timed (starts follow the new order and travel) and the board answers with
 * its warnings (windows, skills, overtime). Visits already under way cannot move.
 */
type MoveBody = { staffId: string; date: string; position?: number | undefined };

async function checkMove(deps: AppDeps, ctx: RequestContext, body: MoveBody) {
  if (!can(ctx.actor, 'visit:schedule'))
    throw forbidden('Only a coordinator moves visits.', because('planning.moveCoordinatorOnly'));
  const settings = await loadSettings(deps.db, ctx.actor.organizationId);
  if (body.date < localDate(deps.clock(), settings.timeZone))
    throw invalidField(
      because('planning.moveDayPassed'),
      'A visit cannot be moved to a day that has passed.',
      'body.date',
      'in the past',
    );
  return settings;
}

export async function moveVisit(deps: AppDeps, ctx: RequestContext, id: string, body: MoveBody) {
  const settings = await checkMove(deps, ctx, body);
  const orgId = ctx.actor.organizationId;
  const patientId = await inEnvelope(deps, ctx, {}, ({ trx }) =>
    applyMove(deps, ctx, trx, id, body, settings),
  );
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
      const dates = [...new Set([body.date, ...(current ? [current.visitDate] : [])])];
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
  await inEnvelope(deps, ctx, {}, ({ audit }) =>
    audit({ action: 'visit.move.preview', entityType: 'visit', entityId: id, patientId }),
  );
  return preview!;
}

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
    if (!v) throw notFound('visit');
    await loadPatientFor(deps, ctx, 'visit:read', v.patientId, trx);
    if (v.status !== 'scheduled' && v.status !== 'requested')
      throw conflict(
        `Only a scheduled or requested visit can be moved; this one is ${v.status.replaceAll('_', ' ')}.`,
        undefined,
        because('planning.visitNotMovable', { status: v.status }),
      );
    const staff = await visits.activeStaff(trx, orgId, clinicalRoles);
    if (!staff.some((s) => s.id === body.staffId)) throw notFound('staffMember');
    const now = deps.clock();
    const fromDate = v.visitDate;
    const fromStaff = v.staffId;
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
      .filter((x) => x.staffId === body.staffId && x.id !== id && x.status !== 'requested')
      .sort(byStart);
    const moved = target.visits.find((x) => x.id === id)!;
    const position = Math.min(
      body.position ?? others.filter((x) => (x.startMin ?? 0) <= (v.startMin ?? 0)).length,
      others.length,
    );
    const ordered = [...others.slice(0, position), moved, ...others.slice(position)];
    await retime(trx, orgId, target, body.staffId, ordered, now, settings.timeZone);
    if (fromStaff && (fromStaff !== body.staffId || fromDate !== body.date)) {
      const source = await dayContext(trx, orgId, fromDate);
      const left = source.visits
        .filter((x) => x.staffId === fromStaff && x.status !== 'requested')
        .sort(byStart);
      await retime(trx, orgId, source, fromStaff, left, now, settings.timeZone);
    }
    const after = await visits.findVisit(trx, orgId, id);
    const when = `${body.date} ${hhmmOf(after?.startMin ?? 0)}`;
    await notifyVisitPeople(
      trx,
      orgId,
      { id, patientId: v.patientId, staffId: body.staffId },
      {
        kind: 'visit.assigned',
        params: { patient: `${after?.lastName ?? ''} ${after?.firstName ?? ''}`, when },
        title: 'Visit assigned to you',
        body: `${after?.lastName ?? ''} ${after?.firstName ?? ''}, ${when}`,
      },
      fromDate !== body.date
        ? { kind: 'visit.moved', params: { when }, title: 'Visit moved', body: when }
        : null,
      now,
    );
    if (fromStaff && fromStaff !== body.staffId)
      await notifyMovedToColleague(trx, orgId, fromStaff, id, when, now);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'visit.move',
      entityType: 'visit',
      entityId: id,
      patientId: v.patientId,
    });
    return v.patientId;
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
  const shift = dc.shifts.find((s) => s.userId === staffId);
  // today, nobody can leave before now: re-timing never moves a visit into the past
  const earliest = dc.date === localDate(now, timeZone) ? Math.ceil(localMinutes(now, timeZone) / 5) * 5 : 0;
  const timed = timeRoute({
    staffDisciplines: [dc.staff.find((s) => s.id === staffId)?.role ?? ''],
    shift: shift ? { start: Math.max(shift.startMin, earliest), end: shift.endMin } : null,
    stops: ordered.map((v) => stopOf(v, dc.places, false)),
    legs: legsFor(
      dc.matrix,
      ordered.map((v) => dc.places.of(v.patientId, v.lat, v.lon)),
    ),
  });
  for (const [i, t] of timed.stops.entries()) {
    const v = ordered[i]!;
    if (startedStatuses.includes(v.status)) continue;
    if (v.startMin !== Math.round(t.start) || v.sequence !== i)
      await visits.updateVisit(trx, orgId, v.id, {
        start_min: Math.round(t.start),
        sequence: i,
        updated_at: now,
      });
  }
}

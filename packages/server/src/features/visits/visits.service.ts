import { randomUUID } from 'node:crypto';
import {
  assertVisitTransition,
  because,
  can,
  clinicalRoles,
  conflict,
  DomainError,
  disciplines,
  forbidden,
  hhmmOf,
  invalidField,
  minutesOf,
  notFound,
  type Visit,
  type VisitDocumentation,
  type VisitRequestBody,
  type VisitTransitionBody,
  type visitScheduleBodySchema,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import type { AuditInput } from '../../platform/audit/audit.service.ts';
import { type Envelope, inEnvelope } from '../../platform/envelope.ts';
import type { HearthEventDraft } from '../../platform/events/event-bus.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { addDays, localDate } from '../../platform/time.ts';
import * as repo from './visits.repository.ts';

const dayMs = 86_400_000;

type Row = repo.VisitDetailRecord;

/** Builds the API shape of visits, with their history and documentation. */
export async function assembleVisits(db: Conn, orgId: string, rows: Row[]): Promise<Visit[]> {
  const ids = rows.map((r) => r.id);
  const [events, notes] = await Promise.all([repo.eventsOf(db, orgId, ids), repo.notesOf(db, orgId, ids)]);
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patientId,
    patientName: `${r.lastName} ${r.firstName}`,
    address: r.address,
    coordinates: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
    discipline: r.discipline,
    kind: r.kind,
    status: r.status,
    staffId: r.staffId,
    staffName: r.staffName,
    date: r.visitDate,
    start: r.startMin === null ? null : hhmmOf(r.startMin),
    durationMinutes: r.durationMin,
    windowFrom: r.windowStart === null ? null : hhmmOf(r.windowStart),
    windowTo: r.windowEnd === null ? null : hhmmOf(r.windowEnd),
    reason: r.reason,
    statusReason: r.statusReason,
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    completedAt: r.completedAt?.toISOString() ?? null,
    history: events
      .filter((e) => e.visitId === r.id)
      .map((e) => ({
        from: e.fromStatus,
        to: e.toStatus,
        reason: e.reason,
        byName: e.byName,
        at: e.at.toISOString(),
      })),
    notes: notes
      .filter((n) => n.visitId === r.id)
      .map((n) => ({ id: n.id, ...n.content, byName: n.byName, at: n.at.toISOString() })),
  }));
}

/** Tells the visiting staff member and the patient's family about a visit. */
/** A notification about a visit: its kind and params (rendered in the reader's language) and English text. */
type VisitText = { kind?: string; params?: Record<string, string>; title: string; body: string };

export async function notifyVisitPeople(
  trx: Conn,
  orgId: string,
  visit: { id: string; patientId: string; staffId: string | null },
  staffText: VisitText | null,
  familyText: VisitText | null,
  at: Date,
) {
  if (staffText && visit.staffId)
    await notifyUsers(
      trx,
      orgId,
      [visit.staffId],
      { kind: 'visit', ...staffText, entityType: 'visit', entityId: visit.id },
      at,
    );
  if (familyText) {
    const family = await repo.familyUsersOf(trx, orgId, [visit.patientId]);
    if (family.length > 0)
      await notifyUsers(
        trx,
        orgId,
        family.map((f) => f.userId),
        { kind: 'visit', ...familyText, entityType: 'visit', entityId: visit.id },
        at,
      );
  }
}

export async function listPatientVisits(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  from: string | undefined,
  to: string | undefined,
) {
  const read = {
    patient: { id: patientId, action: 'visit:read' },
    audit: { action: 'visit.list', entityType: 'visit' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const settings = await loadSettings(trx, orgId);
    const today = localDate(deps.clock(), settings.timeZone);
    const rows = await repo.visitsOfPatient(
      trx,
      orgId,
      patientId,
      from ?? addDays(today, -14),
      to ?? addDays(today, 28),
    );
    return forReader(ctx, await assembleVisits(trx, orgId, rows));
  });
}

/**
 * The family portal shows visits (DOMAIN.md roles: "sees only their patient: visits, ...") but not
 * the clinicians' documentation: findings and notes are clinical records the team shares with the
 * family in conversation, so a family member gets each visit without its notes.
 */
export const forReader = (ctx: RequestContext, visits: Visit[]): Visit[] =>
  ctx.actor.role === 'family' ? visits.map((v) => ({ ...v, notes: [] })) : visits;

export async function requestVisit(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: VisitRequestBody,
) {
  const gate = { patient: { id: patientId, action: 'visit:request' } } as const;
  const id = randomUUID();
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
    if (
      (body.windowFrom === undefined) !== (body.windowTo === undefined) ||
      (body.windowFrom && body.windowTo && minutesOf(body.windowTo) <= minutesOf(body.windowFrom))
    )
      throw invalidField(
        because('visit.windowInvalid'),
        'Give both ends of the time window, the end after the start.',
        'body.windowTo',
        'invalid window',
      );
    const now = deps.clock();
    await repo.insertVisits(trx, [
      {
        id,
        organization_id: orgId,
        patient_id: patientId,
        discipline: body.discipline,
        kind: body.kind,
        status: 'requested',
        staff_id: null,
        visit_date: body.date,
        start_min: null,
        duration_min: body.durationMinutes,
        window_start: body.windowFrom ? minutesOf(body.windowFrom) : null,
        window_end: body.windowTo ? minutesOf(body.windowTo) : null,
        reason: body.reason,
        status_reason: null,
        plan_run_id: null,
        sequence: null,
        checked_in_at: null,
        check_in_lat: null,
        check_in_lon: null,
        completed_at: null,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      },
    ]);
    await repo.insertEvent(
      trx,
      eventRow(orgId, id, null, 'requested', body.reason, ctx.actor.userId, now, null),
    );
    await audit({ action: 'visit.request', entityType: 'visit', entityId: id });
    publish(visitUpdated(id, patientId));
  });
  return getVisit(deps, ctx, id);
}

const eventRow = (
  orgId: string,
  visitId: string,
  from: string | null,
  to: string,
  reason: string | null,
  by: string,
  at: Date,
  clientId: string | null,
) => ({
  id: randomUUID(),
  organization_id: orgId,
  visit_id: visitId,
  from_status: from,
  to_status: to,
  reason,
  by_user_id: by,
  at,
  client_id: clientId,
});

/** Families per live event: a NOTIFY payload is limited to 8000 bytes, about 37 per user id. */
const familyUsersPerEvent = 100;

/**
 * Many visits changed at once (a published plan or an accepted urgent insertion): one event for
 * the team and one for the family accounts of the patients concerned (in groups), instead of an
 * event per visit. A family hears of its own patients' visits only.
 */
export async function publishMany(
  deps: AppDeps,
  organizationId: string,
  entityId: string,
  familyUserIds: readonly string[],
) {
  await deps.events.publish({
    organizationId,
    type: 'visit.updated',
    entityId,
    roles: ['coordinator', 'admin', ...disciplines],
  });
  for (let i = 0; i < familyUserIds.length; i += familyUsersPerEvent)
    await deps.events.publish({
      organizationId,
      type: 'visit.updated',
      entityId,
      roles: ['family'],
      userIds: familyUserIds.slice(i, i + familyUsersPerEvent),
    });
}

/** The staff, and the family of the visit's patient (no other family), hear that a visit changed. */
const visitUpdated = (visitId: string, patientId: string): HearthEventDraft => ({
  type: 'visit.updated',
  entityId: visitId,
  roles: ['coordinator', 'admin', 'family', ...disciplines],
  patientId,
});

/** Publishes `visitUpdated` outside an envelope (for a caller that has already committed). */
export const publish = (deps: AppDeps, organizationId: string, visitId: string, patientId: string) =>
  deps.events.publish({ organizationId, ...visitUpdated(visitId, patientId) });

type VisitRow = repo.VisitDetailRecord;

/**
 * The envelope for a call about one visit: the visit must exist ("not found" otherwise), then
 * its patient passes the gate for reading visits; the work gets the visit as first read.
 */
async function inVisitEnvelope<T>(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  audit: AuditInput | undefined,
  work: (env: Envelope, visit: VisitRow) => Promise<T>,
) {
  const row = await repo.findVisit(deps.db, ctx.actor.organizationId, id);
  if (!row) throw notFound('visit');
  const options = {
    patient: { id: row.patientId, action: 'visit:read' as const },
    ...(audit ? { audit } : {}),
  };
  return inEnvelope(deps, ctx, options, (env) => work(env, row));
}

export async function getVisit(deps: AppDeps, ctx: RequestContext, id: string) {
  const audit = { action: 'visit.read', entityType: 'visit', entityId: id };
  return inVisitEnvelope(deps, ctx, id, audit, async ({ trx, organizationId }, row) => {
    return forReader(ctx, await assembleVisits(trx, organizationId, [row]))[0]!;
  });
}

export async function scheduleVisit(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof visitScheduleBodySchema>,
) {
  if (!can(ctx.actor, 'visit:schedule'))
    throw forbidden('Only a coordinator schedules visits.', because('visit.scheduleCoordinatorOnly'));
  await inVisitEnvelope(
    deps,
    ctx,
    id,
    undefined,
    async ({ trx, organizationId: orgId, audit, publish }, row) => {
      const v = await repo.lockVisit(trx, orgId, id);
      if (!v) throw notFound('visit');
      if (v.status !== 'scheduled') assertVisitTransition(v.status, 'scheduled');
      const staff = await repo.activeStaff(trx, orgId, clinicalRoles);
      if (!staff.some((s) => s.id === body.staffId)) throw notFound('staffMember');
      const now = deps.clock();
      await repo.updateVisit(trx, orgId, id, {
        status: 'scheduled',
        staff_id: body.staffId,
        visit_date: body.date,
        start_min: minutesOf(body.start),
        updated_at: now,
      });
      if (v.status !== 'scheduled')
        await repo.insertEvent(
          trx,
          eventRow(orgId, id, v.status, 'scheduled', null, ctx.actor.userId, now, null),
        );
      await notifyVisitPeople(
        trx,
        orgId,
        { id, patientId: v.patientId, staffId: body.staffId },
        {
          kind: 'visit.scheduled-staff',
          params: { patient: `${row.lastName} ${row.firstName}`, when: `${body.date} ${body.start}` },
          title: 'Visit scheduled',
          body: `${row.lastName} ${row.firstName}, ${body.date} ${body.start}`,
        },
        {
          kind: 'visit.scheduled',
          params: { when: `${body.date} ${body.start}` },
          title: 'Visit scheduled',
          body: `${body.date} ${body.start}`,
        },
        now,
      );
      await audit({ action: 'visit.schedule', entityType: 'visit', entityId: id });
      publish(visitUpdated(id, row.patientId));
    },
  );
  return getVisit(deps, ctx, id);
}

function assertMayPerform(ctx: RequestContext, v: { staffId: string | null }) {
  if (!can(ctx.actor, 'visit:perform')) throw forbidden();
  const coordinator = ctx.actor.role === 'coordinator' || ctx.actor.role === 'admin';
  if (!coordinator && v.staffId !== ctx.actor.userId)
    throw forbidden(
      'Only the staff member doing this visit (or a coordinator) can record it.',
      because('visit.recordOwnOnly'),
    );
}

/** When it happened: the device's time if given (an offline phone sends later), never in the future. */
const happenedAt = (deps: AppDeps, at: string | undefined) => {
  const now = deps.clock();
  if (!at) return now;
  const t = new Date(at);
  return t.getTime() > now.getTime() ? now : t;
};

export async function transitionVisit(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: VisitTransitionBody,
) {
  await inVisitEnvelope(
    deps,
    ctx,
    id,
    undefined,
    async ({ trx, organizationId: orgId, audit, publish }, visit) => {
      // a repeated command (same client id) changes nothing but is announced like the first
      publish(visitUpdated(id, visit.patientId));
      if (body.clientId && (await repo.eventByClientId(trx, orgId, body.clientId))) return;
      const v = await repo.lockVisit(trx, orgId, id);
      if (!v) throw notFound('visit');
      assertMayPerform(ctx, v);
      assertVisitTransition(v.status, body.to);
      const at = happenedAt(deps, body.at);
      await repo.updateVisit(trx, orgId, id, {
        status: body.to,
        status_reason: body.reason ?? v.statusReason,
        updated_at: deps.clock(),
        ...(body.to === 'checked_in'
          ? {
              checked_in_at: at,
              check_in_lat: body.location?.lat ?? null,
              check_in_lon: body.location?.lon ?? null,
            }
          : {}),
      });
      await repo.insertEvent(
        trx,
        eventRow(
          orgId,
          id,
          v.status,
          body.to,
          body.reason ?? null,
          ctx.actor.userId,
          at,
          body.clientId ?? null,
        ),
      );
      if (body.to === 'on_the_way')
        await notifyVisitPeople(
          trx,
          orgId,
          v,
          null,
          { kind: 'visit.on-the-way', title: 'The team is on the way', body: 'Your visitor has set off.' },
          at,
        );
      if (body.to === 'cancelled' || body.to === 'missed')
        await notifyVisitPeople(
          trx,
          orgId,
          v,
          {
            kind: `visit.${body.to}`,
            params: { reason: body.reason ?? '' },
            title: `Visit ${body.to}`,
            body: body.reason ?? '',
          },
          {
            kind: `visit.${body.to}`,
            params: { reason: body.reason ?? '' },
            title: body.to === 'cancelled' ? 'Visit cancelled' : 'Visit missed',
            body: body.reason ?? '',
          },
          at,
        );
      await audit({ action: `visit.${body.to}`, entityType: 'visit', entityId: id });
    },
  );
  return getVisit(deps, ctx, id);
}

/** Checks out: the visit is completed with its documentation, in one step (one command offline). */
export async function completeVisit(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: { documentation: VisitDocumentation; at?: string | undefined; clientId?: string | undefined },
) {
  await inVisitEnvelope(
    deps,
    ctx,
    id,
    undefined,
    async ({ trx, organizationId: orgId, audit, publish }, visit) => {
      // a repeated command (same client id) changes nothing but is announced like the first
      publish(visitUpdated(id, visit.patientId));
      if (body.clientId && (await repo.noteByClientId(trx, orgId, body.clientId))) return;
      const v = await repo.lockVisit(trx, orgId, id);
      if (!v) throw notFound('visit');
      assertMayPerform(ctx, v);
      assertVisitTransition(v.status, 'completed');
      const at = happenedAt(deps, body.at);
      await repo.updateVisit(trx, orgId, id, {
        status: 'completed',
        completed_at: at,
        updated_at: deps.clock(),
      });
      await repo.insertEvent(
        trx,
        eventRow(orgId, id, v.status, 'completed', null, ctx.actor.userId, at, null),
      );
      await repo.insertNote(trx, {
        id: randomUUID(),
        organization_id: orgId,
        visit_id: id,
        patient_id: v.patientId,
        content: body.documentation,
        by_user_id: ctx.actor.userId,
        at,
        client_id: body.clientId ?? null,
      });
      await audit({ action: 'visit.completed', entityType: 'visit', entityId: id });
    },
  );
  return getVisit(deps, ctx, id);
}

/** A correction or addition to a completed visit's documentation: a new version, nothing overwritten. */
export async function addVisitNote(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: { documentation: VisitDocumentation; clientId?: string | undefined },
) {
  await inVisitEnvelope(deps, ctx, id, undefined, async ({ trx, organizationId: orgId, audit }) => {
    if (body.clientId && (await repo.noteByClientId(trx, orgId, body.clientId))) return;
    const v = await repo.lockVisit(trx, orgId, id);
    if (!v) throw notFound('visit');
    assertMayPerform(ctx, v);
    if (v.status !== 'completed' && v.status !== 'checked_in')
      throw conflict(
        'Documentation is added to a visit that has started or finished.',
        undefined,
        because('visit.notStarted'),
      );
    await repo.insertNote(trx, {
      id: randomUUID(),
      organization_id: orgId,
      visit_id: id,
      patient_id: v.patientId,
      content: body.documentation,
      by_user_id: ctx.actor.userId,
      at: deps.clock(),
      client_id: body.clientId ?? null,
    });
    await audit({ action: 'visit.document', entityType: 'visit', entityId: id });
  });
  return getVisit(deps, ctx, id);
}

/** The signed-in staff member's visits for a day (the phone view). */
export async function myDay(deps: AppDeps, ctx: RequestContext, date: string | undefined) {
  if (!can(ctx.actor, 'visit:perform')) throw forbidden();
  // several patients' visits: no one patient's gate; each visit read is audited for its patient
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const settings = await loadSettings(trx, orgId);
    const day = date ?? localDate(deps.clock(), settings.timeZone);
    const rows = await repo.visitsOfStaff(trx, orgId, ctx.actor.userId, day);
    for (const r of rows)
      await audit({ action: 'visit.read', entityType: 'visit', entityId: r.id, patientId: r.patientId });
    return { date: day, visits: await assembleVisits(trx, orgId, rows) };
  });
}

// ---- the rota ----

export async function listShifts(deps: AppDeps, ctx: RequestContext, from: string, to: string) {
  if (!can(ctx.actor, 'rota:read')) throw forbidden();
  if (to < from || Date.parse(to) - Date.parse(from) > 62 * dayMs)
    throw new DomainError(
      'VALIDATION',
      'Ask for at most two months of the rota, the end after the start.',
      undefined,
      because('rota.rangeInvalid'),
    );
  const rows = await repo.shiftsBetween(deps.db, ctx.actor.organizationId, from, to);
  return rows.map((r) => ({
    id: r.id,
    staffId: r.userId,
    staffName: r.staffName,
    role: r.role,
    date: r.shiftDate,
    start: hhmmOf(r.startMin),
    end: hhmmOf(r.endMin),
  }));
}

export async function addShift(
  deps: AppDeps,
  ctx: RequestContext,
  body: { staffId: string; date: string; start: string; end: string },
) {
  if (!can(ctx.actor, 'rota:manage')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  if (minutesOf(body.end) <= minutesOf(body.start))
    throw invalidField(
      because('rota.shiftEndsBeforeStart'),
      'The shift must end after it starts.',
      'body.end',
      'before start',
    );
  const staff = await repo.activeStaff(deps.db, orgId, clinicalRoles);
  if (!staff.some((s) => s.id === body.staffId)) throw notFound('staffMember');
  const existing = await repo.shiftsBetween(deps.db, orgId, body.date, body.date);
  const overlaps = existing.some(
    (s) => s.userId === body.staffId && s.startMin < minutesOf(body.end) && minutesOf(body.start) < s.endMin,
  );
  if (overlaps)
    throw conflict('This person already has a shift at that time.', undefined, because('rota.shiftOverlaps'));
  const id = randomUUID();
  await inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    await repo.insertShifts(trx, [
      {
        id,
        organization_id: orgId,
        user_id: body.staffId,
        shift_date: body.date,
        start_min: minutesOf(body.start),
        end_min: minutesOf(body.end),
        created_by: ctx.actor.userId,
        created_at: deps.clock(),
        cancelled_at: null,
      },
    ]);
    await audit({ action: 'rota.add', entityType: 'staff_shift', entityId: id });
  });
  return (await listShifts(deps, ctx, body.date, body.date)).find((s) => s.id === id)!;
}

export async function cancelShift(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'rota:manage')) throw forbidden();
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId, audit }) => {
    const r = await repo.cancelShift(trx, organizationId, id, deps.clock());
    if (!r.numUpdatedRows) throw notFound('shift');
    await audit({ action: 'rota.cancel', entityType: 'staff_shift', entityId: id });
  });
  return { ok: true as const };
}

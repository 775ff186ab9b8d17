import { randomUUID } from 'node:crypto';
import {
  type AlertAudience,
  because,
  type callLogBodySchema,
  can,
  DomainError,
  forbidden,
  invalidField,
  isPortalRole,
  notFound,
  type OnCallShift,
  onCallChain,
  type onCallShiftBodySchema,
  rotaGaps,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import * as repo from './oncall.repository.ts';

/**
 * Who owns an alert of this audience at `at`, in escalation order: index 0 owns it, a missed
 * deadline moves it to index 1, and so on.
 * - clinical: primary on call, backup on call, medical leads (physicians marked lead); with no
 *   rota and no lead, every physician.
 * - psychosocial: psychologists (leads first), then the coordinators' leads, then medical leads.
 * - coordination: coordinators (leads first), then medical leads.
 */
export async function escalationChain(
  db: Conn,
  organizationId: string,
  audience: AlertAudience,
  at: Date,
): Promise<string[]> {
  const physicians = await repo.activeStaff(db, organizationId, ['physician']);
  const medicalLeads = physicians.filter((p) => p.isLead).map((p) => p.id);
  if (audience === 'clinical') {
    const shifts = await repo.shiftsBetween(db, organizationId, at, new Date(at.getTime() + 1));
    const activeIds = new Set(physicians.map((p) => p.id));
    return onCallChain(
      shifts.map((s) => ({ userId: s.userId, startsAt: s.startsAt, endsAt: s.endsAt, position: s.position })),
      medicalLeads,
      [...activeIds],
      at,
    );
  }
  const coordinators = await repo.activeStaff(db, organizationId, ['coordinator']);
  const first =
    audience === 'psychosocial'
      ? [
          ...(await repo.activeStaff(db, organizationId, ['psychologist'])).map((u) => u.id),
          ...coordinators.filter((c) => c.isLead).map((c) => c.id),
        ]
      : coordinators.map((c) => c.id);
  return [...new Set([...first, ...medicalLeads])];
}

const toShift = (r: repo.RotaShiftRecord): OnCallShift => ({
  id: r.id,
  userId: r.userId,
  userName: r.userName,
  userPhone: r.userPhone,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  position: r.position,
  handoverNote: r.handoverNote,
  handoverAt: r.handoverAt?.toISOString() ?? null,
});

/** The rota between two moments, with the hours nobody is on call as primary. */
export async function getRota(deps: AppDeps, ctx: RequestContext, from: Date, to: Date) {
  if (!can(ctx.actor, 'oncall:read')) throw forbidden();
  if (to.getTime() - from.getTime() > 62 * 24 * 3600_000 || to <= from) {
    throw new DomainError(
      'VALIDATION',
      'Choose a range of up to two months.',
      undefined,
      because('oncall.rangeTooLong'),
    );
  }
  const rows = await repo.shiftsBetween(deps.db, ctx.actor.organizationId, from, to);
  const gaps = rotaGaps(
    rows.map((s) => ({ userId: s.userId, startsAt: s.startsAt, endsAt: s.endsAt, position: s.position })),
    from,
    to,
  );
  return {
    shifts: rows.map(toShift),
    gaps: gaps.map((g) => ({ from: g.from.toISOString(), to: g.to.toISOString() })),
  };
}

/** Who answers clinical alerts right now, in escalation order, with phone numbers. */
export async function onCallNow(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'oncall:read')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const at = deps.clock();
  const chain = await escalationChain(deps.db, orgId, 'clinical', at);
  const staff = await repo.activeStaff(deps.db, orgId, ['physician']);
  const shifts = await repo.shiftsBetween(deps.db, orgId, at, new Date(at.getTime() + 1));
  return {
    at: at.toISOString(),
    chain: chain.map((id) => ({
      userId: id,
      name: staff.find((s) => s.id === id)?.name ?? shifts.find((s) => s.userId === id)?.userName ?? '',
      phone: shifts.find((s) => s.userId === id)?.userPhone ?? null,
    })),
  };
}

export async function addShift(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.infer<typeof onCallShiftBodySchema>,
) {
  if (!can(ctx.actor, 'oncall:manage')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  await inEnvelope(deps, ctx, {}, async ({ trx, audit, publish }) => {
    const user = await repo.findStaffUser(trx, orgId, body.userId);
    if (user?.status !== 'active' || isPortalRole(user.role as 'family')) {
      throw invalidField(because('activeStaffRequired'), 'Choose an active member of staff.', 'body.userId');
    }
    await repo.insertShift(trx, {
      id,
      organization_id: orgId,
      user_id: body.userId,
      starts_at: new Date(body.startsAt),
      ends_at: new Date(body.endsAt),
      position: body.position,
      handover_note: null,
      handover_by: null,
      handover_at: null,
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
      cancelled_at: null,
    });
    await audit({ action: 'oncall.add-shift', entityType: 'on_call_shift', entityId: id });
    publish({ type: 'oncall.updated', entityId: id, roles: ['coordinator', 'admin', 'physician', 'nurse'] });
  });
  const rows = await repo.shiftsBetween(deps.db, orgId, new Date(body.startsAt), new Date(body.endsAt));
  return toShift(rows.find((r) => r.id === id)!);
}

export async function cancelShift(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'oncall:manage')) throw forbidden();
  await inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    const shift = await repo.findShift(trx, orgId, id);
    if (!shift || shift.cancelledAt) throw notFound('shift');
    await repo.updateShift(trx, orgId, id, { cancelled_at: deps.clock() });
    await audit({ action: 'oncall.cancel-shift', entityType: 'on_call_shift', entityId: id });
  });
}

/** The outgoing person's handover note for the next shift (who is unwell, what to watch). */
export async function writeHandover(deps: AppDeps, ctx: RequestContext, id: string, note: string) {
  const orgId = ctx.actor.organizationId;
  const shift = await inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const shift = await repo.findShift(trx, orgId, id);
    if (!shift || shift.cancelledAt) throw notFound('shift');
    if (shift.userId !== ctx.actor.userId && !can(ctx.actor, 'oncall:manage')) throw forbidden();
    await repo.updateShift(trx, orgId, id, {
      handover_note: note,
      handover_by: ctx.actor.userId,
      handover_at: deps.clock(),
    });
    await audit({ action: 'oncall.handover', entityType: 'on_call_shift', entityId: id });
    return shift;
  });
  const rows = await repo.shiftsBetween(deps.db, orgId, shift.startsAt, shift.endsAt);
  return toShift(rows.find((r) => r.id === id)!);
}

// ---------------------------------------------------------------------------------------------
// Call log

const toCall = (r: repo.CallRecord) => ({
  id: r.id,
  patientId: r.patientId,
  patientName: r.patientLastName ? `${r.patientLastName} ${r.patientFirstName}` : null,
  callerType: r.callerType,
  callerName: r.callerName,
  reason: r.reason,
  receivedAt: r.receivedAt.toISOString(),
  answeredAt: r.answeredAt?.toISOString() ?? null,
  answeredByName: r.answeredByName,
  responseSeconds: r.answeredAt ? Math.round((r.answeredAt.getTime() - r.receivedAt.getTime()) / 1000) : null,
  outcome: r.outcome,
  ambulanceCalledFirst: r.ambulanceCalledFirst,
  alertId: r.alertId,
});

export async function logCall(deps: AppDeps, ctx: RequestContext, body: z.infer<typeof callLogBodySchema>) {
  if (!can(ctx.actor, 'call:record')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  // a call about a patient passes the patient gate; a call about no one has none
  const gate = body.patientId ? { patient: { id: body.patientId, action: 'call:record' as const } } : {};
  const id = randomUUID();
  await inEnvelope(deps, ctx, gate, async ({ trx, audit }) => {
    if (body.alertId) {
      const alert = await repo.findAlertPatient(trx, orgId, body.alertId);
      if (!alert || (body.patientId && alert.patientId !== body.patientId)) {
        throw invalidField(
          because('oncall.alertOfOtherPatient'),
          'The linked alert is not this patient’s.',
          'body.alertId',
          'Choose an alert of this patient.',
        );
      }
    }
    await repo.insertCall(trx, {
      id,
      organization_id: orgId,
      patient_id: body.patientId ?? null,
      caller_type: body.callerType,
      caller_name: body.callerName ?? null,
      reason: body.reason,
      received_at: new Date(body.receivedAt),
      answered_at: body.answeredAt ? new Date(body.answeredAt) : null,
      answered_by: ctx.actor.userId,
      outcome: body.outcome,
      ambulance_called_first: body.ambulanceCalledFirst,
      alert_id: body.alertId ?? null,
      created_at: deps.clock(),
    });
    await audit({ action: 'call.log', entityType: 'call_log', entityId: id });
  });
  const rows = await repo.listCalls(deps.db, orgId, body.patientId, 200);
  return toCall(rows.find((r) => r.id === id)!);
}

export async function listCalls(
  deps: AppDeps,
  ctx: RequestContext,
  query: { patientId?: string | undefined; limit: number; ambulanceFirst?: boolean },
) {
  if (!can(ctx.actor, 'call:read')) throw forbidden();
  const gate = query.patientId ? { patient: { id: query.patientId, action: 'call:read' as const } } : {};
  return inEnvelope(deps, ctx, gate, async ({ trx, audit, organizationId: orgId }) => {
    const rows = await repo.listCalls(trx, orgId, query.patientId, query.limit, query.ambulanceFirst);
    await audit({ action: 'call.list', entityType: 'call_log' });
    return { items: rows.map(toCall) };
  });
}

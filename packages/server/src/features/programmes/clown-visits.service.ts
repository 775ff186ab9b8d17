import { randomUUID } from 'node:crypto';
import {
  type Because,
  because,
  type ClownVisit,
  clownPhaseFreshDays,
  type clownVisitBodySchema,
  clownVisitDecision,
  type clownVisitStatusBodySchema,
  conflict,
  isChild,
  notFound,
  phaseForClownVisit,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import * as repo from './programmes.repository.ts';
import { need, programmeEvent, today } from './programmes-common.ts';

const toClown = (c: repo.ClownVisitRecord): ClownVisit => ({
  id: c.id,
  patientId: c.patientId,
  childFirstName: c.childFirstName,
  scheduledAt: c.scheduledAt.toISOString(),
  familyWish: c.familyWish,
  phase: c.phase,
  phaseSource: c.phaseSource,
  status: c.status,
  notes: c.notes,
  outcome: c.outcome,
  closedAt: c.closedAt?.toISOString() ?? null,
});

const clownRefusal = {
  family_declined: {
    message: 'The family declined clown-doctor visits.',
    why: because('programmes.clownFamilyDeclined'),
  },
  terminal_phase: {
    message:
      'No clown-doctor visit in the terminal phase unless the family asks for it. Record that the family asked, if they did.',
    why: because('programmes.clownTerminalPhase'),
  },
  bereaved: {
    message: 'The child has died; no clown-doctor visit.',
    why: because('programmes.clownBereaved'),
  },
  phase_unknown: {
    message: `No phase of illness recorded in the last ${clownPhaseFreshDays} days. Ask the child's nurse or physician to record the phase first.`,
    why: because('programmes.clownPhaseUnknown', { days: clownPhaseFreshDays }),
  },
} as const satisfies Record<string, { message: string; why: Because }>;

/** A refused clown visit: `details.reason` keeps the domain's word for why, as before the reason codes. */
const refuseClownVisit = (reason: keyof typeof clownRefusal) =>
  conflict(clownRefusal[reason].message, { reason }, clownRefusal[reason].why);

/**
 * Schedules a clown-doctor visit to a child under care. The phase of illness is the latest
 * phase-of-illness assessment, if a clinician recorded it recently; without one the visit is
 * refused (the domain's `clownVisitDecision` explains why an unknown phase is never "stable").
 */
export async function scheduleClownVisit(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.output<typeof clownVisitBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  const gate = { patient: { id: body.patientId, action: 'patient:read' as const } };
  await inEnvelope(deps, ctx, gate, async ({ trx, patient, audit, publish }) => {
    if (!isChild(patient!.dateOfBirth, await today(deps, trx, orgId)))
      throw conflict(
        'Clown doctors visit children under care.',
        undefined,
        because('programmes.clownForChildren'),
      );
    if (patient!.status === 'deceased') throw refuseClownVisit('bereaved');
    const phase = phaseForClownVisit(await repo.latestPhase(trx, orgId, body.patientId), deps.clock());
    const decision = clownVisitDecision(phase, body.familyWish);
    if (!decision.allowed) throw refuseClownVisit(decision.reason);
    if (!phase) throw new Error('an allowed clown visit always has a phase');
    await repo.insertClownVisit(trx, {
      id,
      organization_id: orgId,
      patient_id: body.patientId,
      scheduled_at: new Date(body.scheduledAt),
      family_wish: body.familyWish,
      phase,
      phase_source: 'assessment',
      status: 'scheduled',
      notes: body.notes ?? null,
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
    });
    await audit({ action: 'clown-visit.schedule', entityType: 'clown_visit', entityId: id });
    publish(programmeEvent(id));
  });
  const row = await repo.findClownVisit(deps.db, orgId, id);
  return toClown(row!);
}

export async function listClownVisits(deps: AppDeps, ctx: RequestContext, limit: number) {
  need(ctx, 'programme:read');
  const orgId = ctx.actor.organizationId;
  return inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const rows = await repo.listClownVisits(
      trx,
      orgId,
      new Date(deps.clock().getTime() - 30 * 86_400_000),
      limit,
    );
    await audit({ action: 'clown-visit.list', entityType: 'clown_visit' });
    return rows.map(toClown);
  });
}

/** Closes a scheduled visit as done (how it went) or cancelled (why), once. */
export async function closeClownVisit(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof clownVisitStatusBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  return inEnvelope(deps, ctx, {}, async ({ trx, audit, publish }) => {
    const row = await repo.findClownVisit(trx, orgId, id);
    if (!row) throw notFound('visit');
    if (row.status !== 'scheduled')
      throw conflict('This visit is already closed.', undefined, because('programmes.visitClosed'));
    const now = deps.clock();
    if (body.status === 'done' && row.scheduledAt > now)
      throw conflict(
        'A visit can be recorded as done once its time has come.',
        undefined,
        because('programmes.visitNotDue'),
      );
    await repo.updateClownVisit(trx, orgId, id, {
      status: body.status,
      outcome: body.outcome,
      closed_at: now,
      closed_by: ctx.actor.userId,
    });
    await audit({
      action: `clown-visit.${body.status}`,
      entityType: 'clown_visit',
      entityId: id,
      patientId: row.patientId,
    });
    publish(programmeEvent(id));
    return toClown({
      ...row,
      status: body.status,
      outcome: body.outcome,
      closedAt: now,
      closedBy: ctx.actor.userId,
    });
  });
}

// Summer camp places: an application takes a place or joins the waiting list; a withdrawal frees it.
import { randomUUID } from 'node:crypto';
import {
  because,
  type campApplicationBodySchema,
  conflict,
  isChild,
  notFound,
  placeApplication,
  promoteFromWaitlist,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { getApplication } from './camp-applications.service.ts';
import * as repo from './programmes.repository.ts';
import { lockedSession, need, programmeEvent, today } from './programmes-common.ts';

const loadOf = (
  s: { capacity: number; familyCapacity: number | null },
  apps: repo.CampApplicationRecord[],
) => {
  const accepted = apps.filter((a) => a.status === 'accepted');
  return {
    capacity: s.capacity,
    familyCapacity: s.familyCapacity,
    children: accepted.length,
    familyMembers: accepted.reduce((n, a) => n + a.familyMembers, 0),
  };
};

/**
 * A child's application to a camp shift: a place while there is room for the child and their
 * family members, otherwise the waiting list.
 */
export async function applyToCamp(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string,
  body: z.output<typeof campApplicationBodySchema>,
) {
  need(ctx, 'programme:manage');
  const id = randomUUID();
  const gate = { patient: { id: body.patientId, action: 'patient:read' as const } };
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, patient, audit, publish }) => {
    const s = await lockedSession(trx, orgId, sessionId);
    if (s.kind !== 'summer_camp')
      throw conflict(
        'Applications are for summer camp shifts.',
        undefined,
        because('programmes.notACampShift'),
      );
    if (!isChild(patient!.dateOfBirth, await today(deps, trx, orgId)))
      throw conflict(
        'The summer camp is for children under care.',
        undefined,
        because('programmes.campForChildren'),
      );
    const apps = await repo.applicationsOf(trx, orgId, [sessionId]);
    if (apps.some((a) => a.patientId === body.patientId && a.status !== 'withdrawn'))
      throw conflict(
        'This child has already applied to this shift.',
        undefined,
        because('programmes.alreadyApplied'),
      );
    const status = placeApplication(
      loadOf(s, apps),
      body.familyMembers,
      apps.some((a) => a.status === 'waitlisted'),
    );
    const now = deps.clock();
    await repo.insertApplication(trx, {
      id,
      organization_id: orgId,
      session_id: sessionId,
      patient_id: body.patientId,
      family_members: body.familyMembers,
      queue_no: apps.reduce((n, a) => Math.max(n, a.queueNo), 0) + 1,
      status,
      notes: body.notes ?? null,
      applied_by: ctx.actor.userId,
      applied_at: now,
      updated_at: now,
    });
    await audit({ action: 'camp.apply', entityType: 'camp_application', entityId: id });
    publish(programmeEvent(sessionId));
  });
  return getApplication(deps, ctx, id);
}

/** A family withdraws; the freed place goes to the waiting list in order. */
export async function withdrawApplication(deps: AppDeps, ctx: RequestContext, id: string) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  await inEnvelope(deps, ctx, {}, async ({ trx, audit, publish }) => {
    const a = await repo.findApplication(trx, orgId, id);
    if (!a) throw notFound('application');
    const s = await lockedSession(trx, orgId, a.sessionId);
    if (a.status === 'withdrawn')
      throw conflict(
        'This application is already withdrawn.',
        undefined,
        because('programmes.alreadyWithdrawn'),
      );
    const now = deps.clock();
    await repo.updateApplication(trx, orgId, id, { status: 'withdrawn', updated_at: now });
    const apps = await repo.applicationsOf(trx, orgId, [a.sessionId]);
    const promoted = promoteFromWaitlist(
      loadOf(s, apps),
      apps.filter((x) => x.status === 'waitlisted'),
    );
    for (const p of promoted)
      await repo.updateApplication(trx, orgId, p.id, { status: 'accepted', updated_at: now });
    await audit({
      action: 'camp.withdraw',
      entityType: 'camp_application',
      entityId: id,
      patientId: a.patientId,
    });
    for (const p of promoted)
      await audit({
        action: 'camp.promote',
        entityType: 'camp_application',
        entityId: p.id,
        patientId: p.patientId,
      });
    publish(programmeEvent(a.sessionId));
  });
  return getApplication(deps, ctx, id);
}

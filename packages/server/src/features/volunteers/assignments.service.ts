import { randomUUID } from 'node:crypto';
import { assertAssignable, because, conflict, notFound } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { getRequest } from './requests.service.ts';
import * as repo from './volunteers.repository.ts';
import { changeEvents, mustFind, need, userOfVolunteer } from './volunteers-common.ts';

/**
 * Offers the request to one volunteer. Only an active volunteer (screened and trained) may be
 * assigned; the request must be open and not already offered to someone who has not answered.
 */
export async function assign(deps: AppDeps, ctx: RequestContext, requestId: string, volunteerId: string) {
  need(ctx, 'volunteer:manage');
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const r = await repo.findRequestForUpdate(trx, orgId, requestId);
    if (!r) throw notFound('request');
    const v = await mustFind(trx, orgId, volunteerId, true);
    assertAssignable(v.status, 'be assigned');
    if (r.status !== 'open')
      throw conflict('This request is no longer open.', undefined, because('volunteers.requestNotOpen'));
    const current = await repo.assignmentsOfRequests(trx, orgId, [requestId]);
    if (current.some((a) => a.status === 'offered' || a.status === 'accepted'))
      throw conflict(
        'This request is already offered to a volunteer.',
        undefined,
        because('volunteers.requestAlreadyOffered'),
      );
    const now = deps.clock();
    const id = randomUUID();
    await repo.insertAssignment(trx, {
      id,
      organization_id: orgId,
      request_id: requestId,
      volunteer_id: volunteerId,
      status: 'offered',
      offered_by: ctx.actor.userId,
      offered_at: now,
      responded_at: null,
      decline_reason: null,
    });
    await repo.updateRequest(trx, orgId, requestId, { status: 'assigned', updated_at: now });
    if (v.userId)
      await notifyUsers(
        trx,
        orgId,
        [v.userId],
        {
          kind: 'volunteer.offer',
          title: 'A new request for you',
          body: 'The volunteer coordinator has a request for you. Please accept or decline it.',
          entityType: 'volunteer_assignment',
          entityId: id,
        },
        now,
      );
    await audit({
      action: 'volunteer-request.assign',
      entityType: 'volunteer_assignment',
      entityId: id,
      patientId: r.patientId,
    });
    for (const event of changeEvents('volunteers.request', requestId, v.userId)) publish(event);
  });
  return getRequest(deps, ctx, requestId);
}

export async function cancelAssignment(
  deps: AppDeps,
  ctx: RequestContext,
  requestId: string,
  assignmentId: string,
) {
  need(ctx, 'volunteer:manage');
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const a = await repo.findAssignmentForUpdate(trx, orgId, assignmentId);
    if (!a || a.requestId !== requestId) throw notFound('assignment');
    if (a.status !== 'offered' && a.status !== 'accepted')
      throw conflict('This assignment is already closed.', undefined, because('volunteers.assignmentClosed'));
    const now = deps.clock();
    await repo.updateAssignment(trx, orgId, assignmentId, { status: 'cancelled', responded_at: now });
    await repo.updateRequest(trx, orgId, requestId, { status: 'open', updated_at: now });
    await audit({
      action: 'volunteer-request.unassign',
      entityType: 'volunteer_assignment',
      entityId: assignmentId,
    });
    const volunteerUserId = await userOfVolunteer(trx, orgId, a.volunteerId);
    for (const event of changeEvents('volunteers.request', requestId, volunteerUserId)) publish(event);
  });
  return getRequest(deps, ctx, requestId);
}

/**
 * Closes an accepted assignment once the help has been given: the assignment is completed and
 * the family's request done. The volunteer may still log hours afterwards for days up to the
 * day of closing (hours often come in late), never for days after it.
 */
export async function closeAssignment(
  deps: AppDeps,
  ctx: RequestContext,
  requestId: string,
  assignmentId: string,
  body: { note?: string | undefined },
) {
  need(ctx, 'volunteer:manage');
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const a = await repo.findAssignmentForUpdate(trx, orgId, assignmentId);
    if (!a || a.requestId !== requestId) throw notFound('assignment');
    if (a.status === 'offered')
      throw conflict(
        'The volunteer has not accepted yet; withdraw the offer instead of closing it.',
        undefined,
        because('volunteers.notAcceptedYet'),
      );
    if (a.status !== 'accepted')
      throw conflict('This assignment is already closed.', undefined, because('volunteers.assignmentClosed'));
    const r = await repo.findRequestForUpdate(trx, orgId, requestId);
    const now = deps.clock();
    if (r && r.startsAt > now)
      throw conflict(
        'The help has not been given yet: the request starts later.',
        undefined,
        because('volunteers.helpNotGivenYet'),
      );
    await repo.updateAssignment(trx, orgId, assignmentId, {
      status: 'completed',
      closed_at: now,
      closed_by: ctx.actor.userId,
      close_note: body.note ?? null,
    });
    await repo.updateRequest(trx, orgId, requestId, { status: 'done', updated_at: now });
    await audit({
      action: 'volunteer-request.close',
      entityType: 'volunteer_assignment',
      entityId: assignmentId,
      patientId: r?.patientId ?? null,
    });
    const volunteerUserId = await userOfVolunteer(trx, orgId, a.volunteerId);
    for (const event of changeEvents('volunteers.request', requestId, volunteerUserId)) publish(event);
  });
  return getRequest(deps, ctx, requestId);
}

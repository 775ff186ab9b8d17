import { because, conflict, type HoursEntry, notFound } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { pageOfRows, timeCursorAfter, timeCursorOf } from '../../http/pagination.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import * as repo from './volunteers.repository.ts';
import { changeEvents, need, userOfVolunteer } from './volunteers-common.ts';

// The coordinator approves or rejects the hours volunteers log.
const toHours = (h: repo.HoursEntryRecord): HoursEntry => ({
  id: h.id,
  assignmentId: h.assignmentId,
  volunteerId: h.volunteerId,
  volunteerName: h.volunteerName,
  kind: h.kind,
  on: h.on,
  minutes: h.minutes,
  note: h.note,
  status: h.status,
  loggedAt: h.loggedAt.toISOString(),
  decidedByName: h.decidedByName,
  rejectReason: h.rejectReason,
});

export async function listHours(
  deps: AppDeps,
  ctx: RequestContext,
  query: { status?: string | undefined; cursor?: string | undefined; limit: number },
) {
  need(ctx, 'volunteer:read');
  const orgId = ctx.actor.organizationId;
  const rows = await repo.listHours(
    deps.db,
    orgId,
    query.status,
    timeCursorAfter(query.cursor),
    query.limit + 1,
  );
  const { page, nextCursor } = pageOfRows(rows, query.limit, (l) => timeCursorOf(l.loggedAt, l.id));
  return { items: page.map(toHours), nextCursor };
}

export async function decideHours(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: { approve: boolean; reason?: string | undefined },
) {
  need(ctx, 'volunteer:manage');
  const entry = await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const h = await repo.findHoursForUpdate(trx, orgId, id);
    if (!h) throw notFound('hoursEntry');
    if (h.status !== 'submitted')
      throw conflict(
        'These hours have already been decided.',
        undefined,
        because('volunteers.hoursAlreadyDecided'),
      );
    const now = deps.clock();
    await repo.updateHours(trx, orgId, id, {
      status: body.approve ? 'approved' : 'rejected',
      decided_by: ctx.actor.userId,
      decided_at: now,
      reject_reason: body.approve ? null : (body.reason ?? null),
    });
    await audit({
      action: body.approve ? 'volunteer-hours.approve' : 'volunteer-hours.reject',
      entityType: 'volunteer_hours',
      entityId: id,
    });
    const decided = (await repo.findHoursEntry(trx, orgId, id))!;
    const volunteerUserId = await userOfVolunteer(trx, orgId, decided.volunteerId);
    for (const event of changeEvents('volunteers.hours', id, volunteerUserId)) publish(event);
    return decided;
  });
  return toHours(entry);
}

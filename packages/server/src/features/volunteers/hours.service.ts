import { because, conflict, type HoursEntry, notFound, type RequestKind } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { pageOfRows, timeCursorAfter, timeCursorOf } from '../../http/pagination.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import * as repo from './volunteers.repository.ts';
import { changeEvents, need, userOfVolunteer } from './volunteers-common.ts';

// The coordinator approves or rejects the hours volunteers log.
type HoursRow = NonNullable<Awaited<ReturnType<typeof repo.findHoursEntry>>>;
const toHours = (h: HoursRow): HoursEntry => ({
  id: h.id,
  assignmentId: h.assignment_id,
  volunteerId: h.volunteer_id,
  volunteerName: h.volunteer_name,
  kind: h.kind as RequestKind,
  on: h.on_date,
  minutes: h.minutes,
  note: h.note,
  status: h.status,
  loggedAt: h.logged_at.toISOString(),
  decidedByName: h.decided_by_name,
  rejectReason: h.reject_reason,
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
  const { page, nextCursor } = pageOfRows(rows, query.limit, (l) => timeCursorOf(l.logged_at, l.id));
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
    const volunteerUserId = await userOfVolunteer(trx, orgId, decided.volunteer_id);
    for (const event of changeEvents('volunteers.hours', id, volunteerUserId)) publish(event);
    return decided;
  });
  return toHours(entry);
}

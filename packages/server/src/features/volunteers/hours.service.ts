import { because, conflict, type HoursEntry, notFound, type RequestKind } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { pageOfRows, timeCursorAfter, timeCursorOf } from '../../http/pagination.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import * as repo from './volunteers.repository.ts';
import { need, publish, userOfVolunteer } from './volunteers-common.ts';

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
  const orgId = ctx.actor.organizationId;
  const entry = await deps.db.transaction().execute(async (trx) => {
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
    await recordAudit(trx, deps, ctx, orgId, {
      action: body.approve ? 'volunteer-hours.approve' : 'volunteer-hours.reject',
      entityType: 'volunteer_hours',
      entityId: id,
    });
    return (await repo.findHoursEntry(trx, orgId, id))!;
  });
  await publish(
    deps,
    orgId,
    'volunteers.hours',
    id,
    await userOfVolunteer(deps.db, orgId, entry.volunteer_id),
  );
  return toHours(entry);
}

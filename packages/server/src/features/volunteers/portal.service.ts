import { because, conflict, localWeekMinute, notFound, type PortalAssignment } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as repo from './volunteers.repository.ts';
import { changeEvents, need } from './volunteers-common.ts';

// The volunteer's own portal: only their assignments, only the minimum about the family.
async function ownVolunteer(db: Conn, ctx: RequestContext) {
  need(ctx, 'volunteer:portal');
  return repo.findVolunteerByUser(db, ctx.actor.organizationId, ctx.actor.userId);
}

async function toPortal(
  db: Conn,
  orgId: string,
  rows: repo.VolunteerJobRecord[],
): Promise<PortalAssignment[]> {
  const [hours, settings] = await Promise.all([
    repo.hoursOfAssignments(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    loadSettings(db, orgId),
  ]);
  return rows.map((a) => ({
    id: a.id,
    status: a.status,
    kind: a.kind,
    startsAt: a.startsAt.toISOString(),
    durationMinutes: a.durationMinutes,
    familyFirstName: a.familyFirstName,
    // the address only once the volunteer has accepted the visit
    address: a.status === 'accepted' || a.status === 'completed' ? a.familyAddress : null,
    whatToBring: a.whatToBring,
    coordinatorPhone: settings.servicePhone,
    closedOn: a.closedAt ? localWeekMinute(a.closedAt, settings.timeZone).date : null,
    hours: hours
      .filter((h) => h.assignmentId === a.id)
      .map((h) => ({ id: h.id, on: h.on, minutes: h.minutes, status: h.status })),
  }));
}

export async function myAssignments(deps: AppDeps, ctx: RequestContext) {
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const v = await ownVolunteer(trx, ctx);
    if (!v) return { volunteerName: null, items: [] };
    const rows = await repo.assignmentsOfVolunteer(trx, orgId, v.id, 100);
    await audit({
      action: 'volunteer-portal.list',
      entityType: 'volunteer_assignment',
    });
    return { volunteerName: v.name, items: await toPortal(trx, orgId, rows) };
  });
}

export async function ownAssignment(trx: Conn, ctx: RequestContext, assignmentId: string) {
  const v = await ownVolunteer(trx, ctx);
  // someone else's assignment answers exactly like one that does not exist
  const a = v && (await repo.findAssignmentOfVolunteer(trx, ctx.actor.organizationId, v.id, assignmentId));
  if (!v || !a) throw notFound('assignment');
  return { v, a };
}

export async function myAssignment(deps: AppDeps, ctx: RequestContext, assignmentId: string) {
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const { a } = await ownAssignment(trx, ctx, assignmentId);
    await audit({
      action: 'volunteer-portal.read',
      entityType: 'volunteer_assignment',
      entityId: assignmentId,
      patientId: a.patientId,
    });
    return (await toPortal(trx, orgId, [a]))[0]!;
  });
}

export async function respond(
  deps: AppDeps,
  ctx: RequestContext,
  assignmentId: string,
  body: { accept: boolean; reason?: string | undefined },
) {
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const { a } = await ownAssignment(trx, ctx, assignmentId);
    if (a.status !== 'offered')
      throw conflict(
        'You have already answered this request.',
        undefined,
        because('volunteers.alreadyAnswered'),
      );
    const now = deps.clock();
    await repo.findAssignmentForUpdate(trx, orgId, assignmentId);
    await repo.updateAssignment(trx, orgId, assignmentId, {
      status: body.accept ? 'accepted' : 'declined',
      responded_at: now,
      decline_reason: body.accept ? null : (body.reason ?? null),
    });
    // a declined request goes back to the coordinator's open list for the next volunteer
    if (!body.accept) await repo.updateRequest(trx, orgId, a.requestId, { status: 'open', updated_at: now });
    await audit({
      action: body.accept ? 'volunteer-portal.accept' : 'volunteer-portal.decline',
      entityType: 'volunteer_assignment',
      entityId: assignmentId,
      patientId: a.patientId,
    });
    for (const event of changeEvents('volunteers.request', assignmentId, ctx.actor.userId)) publish(event);
  });
  return myAssignment(deps, ctx, assignmentId);
}

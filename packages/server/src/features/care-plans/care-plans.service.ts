import { randomUUID } from 'node:crypto';
import {
  ageInYears,
  because,
  type CarePlanChangeBody,
  type CarePlanContent,
  type CarePlanVersion,
  can,
  conflict,
  type Discipline,
  DomainError,
  disciplines,
  forbidden,
  invalidField,
  type MeetingCreateBody,
  missingDisciplines,
  notFound,
  reviewDue,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate } from '../../platform/time.ts';
import { findPatient } from '../patients/patients.repository.ts';
import * as repo from './care-plans.repository.ts';

const toVersion = (r: repo.CarePlanVersionRecord): CarePlanVersion => ({
  id: r.id,
  patientId: r.patientId,
  version: r.version,
  content: r.content,
  reason: r.reason,
  meetingId: r.meetingId,
  changedById: r.changedBy,
  changedByName: r.changedByName,
  changedAt: r.createdAt.toISOString(),
});

const disciplineOfRole = (role: string) => ((disciplines as readonly string[]).includes(role) ? role : null);

async function checkPeople(db: Conn, orgId: string, content: CarePlanContent) {
  const ids = [
    ...(content.keyWorkerId ? [content.keyWorkerId] : []),
    ...content.items.flatMap((i) => (i.ownerId ? [i.ownerId] : [])),
  ];
  const found = await repo.usersByIds(db, orgId, [...new Set(ids)]);
  const ok = new Set(found.filter((u) => u.status === 'active' && disciplineOfRole(u.role)).map((u) => u.id));
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length > 0)
    throw new DomainError(
      'VALIDATION',
      'The key worker and owners must be active members of the care team.',
      { fields: [{ field: 'body.content.keyWorkerId', message: 'not a member of the care team' }] },
      because('carePlan.teamMembersOnly'),
    );
}

/** Adds the next version of a patient's care plan (never overwrites one). */
export async function addVersion(
  trx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  ctx: RequestContext,
  patientId: string,
  content: CarePlanContent,
  reason: string,
  meetingId: string | null,
  baseVersion?: number,
): Promise<number> {
  const orgId = ctx.actor.organizationId;
  await checkPeople(trx, orgId, content);
  const latest = await repo.latestVersion(trx, orgId, patientId);
  const current = latest?.version ?? 0;
  if (baseVersion !== undefined && baseVersion !== current)
    throw conflict(
      `The care plan was changed by someone else (now version ${current}). Reload it and make your change again.`,
      { currentVersion: current },
      because('carePlan.changedMeanwhile', { version: current }),
    );
  const version = current + 1;
  const id = randomUUID();
  await repo.insertVersion(trx, {
    id,
    organizationId: orgId,
    patientId,
    version,
    content,
    reason,
    meetingId,
    changedBy: ctx.actor.userId,
    at: deps.clock(),
  });
  await recordAudit(trx, deps, ctx, orgId, {
    action: 'careplan.change',
    entityType: 'care_plan_version',
    entityId: id,
    patientId,
  });
  return version;
}

export async function getCarePlan(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'careplan:read' },
    audit: { action: 'careplan.read', entityType: 'care_plan' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const settings = await loadSettings(trx, orgId);
    const latest = await repo.latestVersion(trx, orgId, patientId);
    const keyWorker = latest?.keyWorkerId
      ? (await repo.usersByIds(trx, orgId, [latest.keyWorkerId]))[0]
      : undefined;
    const today = localDate(deps.clock(), settings.timeZone);
    return {
      patientId,
      current: latest ? toVersion(latest) : null,
      keyWorkerName: keyWorker?.name ?? null,
      reviewDue: latest ? latest.reviewDate <= today : true,
    };
  });
}

/**
 * The active members of the mobile team: whoever may change a care plan or sit in a team
 * meeting picks the key worker, owners and attendees from it (the staff directory itself is
 * only for coordinators).
 */
export async function careTeam(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'careplan:write') && !can(ctx.actor, 'meeting:read')) throw forbidden();
  const rows = await repo.activeTeam(deps.db, ctx.actor.organizationId, disciplines);
  return rows.map((r) => ({ id: r.id, name: r.name, discipline: r.role as Discipline }));
}

export async function listVersions(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'careplan:read' },
    audit: { action: 'careplan.read-history', entityType: 'care_plan' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId }) =>
    (await repo.versionsOf(trx, organizationId, patientId)).map(toVersion),
  );
}

export async function changeCarePlan(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: CarePlanChangeBody,
) {
  await inEnvelope(deps, ctx, { patient: { id: patientId, action: 'careplan:write' } }, async (env) => {
    await addVersion(env.trx, deps, ctx, patientId, body.content, body.reason, null, body.baseVersion);
    env.publish({
      type: 'careplan.updated',
      entityId: patientId,
      roles: ['coordinator', 'admin', 'family', ...disciplines],
      patientId,
    });
  });
  return getCarePlan(deps, ctx, patientId);
}

/** Patients due for the interdisciplinary team review on a day. */
export async function duePatients(deps: AppDeps, ctx: RequestContext, date: string | undefined) {
  if (!can(ctx.actor, 'meeting:read')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(deps.db, orgId);
  const today = date ?? localDate(deps.clock(), settings.timeZone);
  return inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const [plans, reviews, history] = await Promise.all([
      repo.currentPlans(trx, orgId),
      repo.lastReviews(trx, orgId),
      repo.phaseHistory(trx, orgId),
    ]);
    const lastReview = new Map(reviews.map((r) => [r.patientId, r.heldOn]));
    const phaseSince = new Map<string, { phase: string; since: Date }>();
    for (const h of history) {
      const cur = phaseSince.get(h.patientId);
      if (!cur || cur.phase !== h.phase) phaseSince.set(h.patientId, { phase: h.phase, since: h.createdAt });
    }
    await audit({ action: 'meeting.due-list', entityType: 'team_meeting' });
    return plans
      .map((p) => {
        const since = phaseSince.get(p.patientId);
        const r = reviewDue(
          {
            lastReviewOn: lastReview.get(p.patientId) ?? null,
            phase: p.content.phase,
            phaseSince: since ? localDate(since.since, settings.timeZone) : null,
          },
          today,
        );
        return {
          patientId: p.patientId,
          patientName: `${p.patientLastName} ${p.patientFirstName}`,
          patientAgeYears: ageInYears(p.dateOfBirth, today),
          patientArea: p.area,
          lastReviewOn: lastReview.get(p.patientId) ?? null,
          daysSinceReview: r.daysSinceReview,
          dueOn: r.dueOn,
          due: r.due,
          reason: r.reason,
          phase: p.content.phase,
        };
      })
      .filter((p) => p.due)
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.patientName.localeCompare(b.patientName))
      .map(({ due: _due, ...p }) => p);
  });
}

async function assembleMeetings(db: Conn, orgId: string, rows: repo.MeetingRecord[]) {
  const reviews = await repo.reviewsOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((m) => ({
    id: m.id,
    heldOn: m.heldOn,
    notes: m.notes,
    attendees: m.attendees,
    missingDisciplines: missingDisciplines(m.attendees.map((a) => a.discipline)),
    reviews: reviews
      .filter((r) => r.meetingId === m.id)
      .map((r) => ({
        patientId: r.patientId,
        patientName: `${r.patientLastName} ${r.patientFirstName}`,
        summary: r.summary,
        carePlanVersion: r.carePlanVersion,
        ownerId: r.ownerId,
        ownerName: r.ownerName,
      })),
    createdAt: m.createdAt.toISOString(),
  }));
}

/**
 * Records a team meeting: attendance by discipline (a missing required discipline is reported,
 * not refused, so the record stays true to what happened) and, for each reviewed patient, the
 * decision, its owner and the care-plan change it made as a new version.
 */
export async function recordMeeting(deps: AppDeps, ctx: RequestContext, body: MeetingCreateBody) {
  if (!can(ctx.actor, 'meeting:manage')) throw forbidden();
  const id = randomUUID();
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const users = await repo.usersByIds(trx, orgId, [...new Set(body.attendeeIds)]);
    if (users.length !== new Set(body.attendeeIds).size || users.some((u) => u.status !== 'active'))
      throw invalidField(
        because('meeting.attendeesStaffOnly'),
        'Every attendee must be an active member of staff.',
        'body.attendeeIds',
        'unknown attendee',
      );
    await repo.insertMeeting(trx, {
      id,
      organization_id: orgId,
      held_on: body.heldOn,
      notes: body.notes,
      attendees: users.map((u) => ({ userId: u.id, name: u.name, discipline: u.role })),
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
    });
    const seen = new Set<string>();
    for (const review of body.reviews) {
      if (seen.has(review.patientId))
        throw conflict('A patient is reviewed once per meeting.', undefined, because('meeting.patientTwice'));
      seen.add(review.patientId);
      const patient = await findPatient(trx, orgId, review.patientId);
      if (!patient) throw notFound('patient');
      if (review.ownerId) {
        const owner = await repo.usersByIds(trx, orgId, [review.ownerId]);
        if (owner.length === 0) throw notFound('owner');
      }
      const version = review.carePlan
        ? await addVersion(
            trx,
            deps,
            ctx,
            review.patientId,
            review.carePlan,
            `Team meeting ${body.heldOn}: ${review.summary}`.slice(0, 1000),
            id,
          )
        : null;
      await repo.insertReview(trx, {
        id: randomUUID(),
        organization_id: orgId,
        meeting_id: id,
        patient_id: review.patientId,
        held_on: body.heldOn,
        summary: review.summary,
        care_plan_version: version,
        owner_id: review.ownerId,
      });
      await audit({
        action: 'meeting.review',
        entityType: 'team_meeting',
        entityId: id,
        patientId: review.patientId,
      });
    }
    await audit({ action: 'meeting.record', entityType: 'team_meeting', entityId: id });
  });
  return getMeeting(deps, ctx, id);
}

export async function getMeeting(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'meeting:read')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const row = await repo.findMeeting(trx, orgId, id);
    if (!row) throw notFound('meeting');
    await audit({ action: 'meeting.read', entityType: 'team_meeting', entityId: id });
    return (await assembleMeetings(trx, orgId, [row]))[0]!;
  });
}

export async function listMeetings(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'meeting:read')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const rows = await repo.listMeetings(trx, orgId, 50);
    await audit({ action: 'meeting.list', entityType: 'team_meeting' });
    return assembleMeetings(trx, orgId, rows);
  });
}

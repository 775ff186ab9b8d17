import { randomUUID } from 'node:crypto';
import {
  assertAssignable,
  can,
  checkVolunteerTransition,
  conflict,
  DomainError,
  forbidden,
  type HoursEntry,
  hoursDayProblem,
  hoursLimitProblem,
  type LiveEventType,
  localWeekMinute,
  type Match,
  missingModules,
  notFound,
  type PortalAssignment,
  type RequestKind,
  rankVolunteers,
  type ScreeningBody,
  type TrainingModule,
  type Volunteer,
  type VolunteerBody,
  type VolunteerDetail,
  type VolunteerReport,
  type VolunteerRequest,
  type VolunteerRequestBody,
  type VolunteerStatus,
  type volunteerNoteBodySchema,
  type volunteerPatchSchema,
  volunteerShare,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import {
  nameCursorAfter,
  nameCursorOf,
  pageOfRows,
  timeCursorAfter,
  timeCursorOf,
} from '../../http/pagination.ts';
import { loadPatientFor } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { createInvitedUser } from '../staff/invitations.ts';
import * as repo from './volunteers.repository.ts';

const audience = ['volunteer_coordinator', 'admin'] as const;

/** Tells the coordinators and, when named, the one volunteer the change concerns (no other). */
async function publish(
  deps: AppDeps,
  organizationId: string,
  type: Extract<LiveEventType, `volunteers.${string}`>,
  entityId: string,
  volunteerUserId: string | null = null,
) {
  await deps.events.publish({ organizationId, type, entityId, roles: audience });
  if (volunteerUserId)
    await deps.events.publish({
      organizationId,
      type,
      entityId,
      roles: ['volunteer'],
      userIds: [volunteerUserId],
    });
}

/** The login of a volunteer, if they have one: the account a change about them is sent to. */
async function userOfVolunteer(db: Conn, organizationId: string, volunteerId: string) {
  return (await repo.findVolunteer(db, organizationId, volunteerId))?.user_id ?? null;
}

function need(ctx: RequestContext, action: 'volunteer:read' | 'volunteer:manage' | 'volunteer:portal') {
  if (!can(ctx.actor, action)) throw forbidden();
}

type VolunteerRow = NonNullable<Awaited<ReturnType<typeof repo.findVolunteer>>>;

const toVolunteer = (r: VolunteerRow): Volunteer => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  email: r.email,
  address: r.address,
  home: { lat: r.lat, lon: r.lon },
  maxDistanceKm: r.max_distance_km,
  areas: r.areas,
  languages: r.languages,
  skills: r.skills,
  availability: r.availability,
  notes: r.notes,
  status: r.status,
  hasLogin: r.user_id !== null,
  createdAt: r.created_at.toISOString(),
});

async function mustFind(db: Conn, orgId: string, id: string, forUpdate = false) {
  const row = forUpdate
    ? await repo.findVolunteerForUpdate(db, orgId, id)
    : await repo.findVolunteer(db, orgId, id);
  if (!row) throw notFound('The volunteer');
  return row;
}

type VolunteerColumns = Omit<
  Parameters<typeof repo.insertVolunteer>[1],
  'id' | 'organization_id' | 'user_id' | 'status' | 'created_by' | 'created_at' | 'updated_at'
>;

/** Body fields to columns; on a patch, absent fields stay undefined so the update leaves them. */
function volunteerColumns(body: VolunteerBody): VolunteerColumns;
function volunteerColumns(body: Partial<VolunteerBody>): Partial<VolunteerColumns>;
function volunteerColumns(body: Partial<VolunteerBody>): Partial<VolunteerColumns> {
  return {
    name: body.name,
    phone: body.phone,
    email: body.email,
    address: body.address,
    lat: body.home?.lat,
    lon: body.home?.lon,
    max_distance_km: body.maxDistanceKm,
    areas: body.areas,
    languages: body.languages && [...new Set(body.languages)],
    skills: body.skills && [...new Set(body.skills)],
    availability: body.availability,
    notes: body.notes,
  };
}

export async function createVolunteer(deps: AppDeps, ctx: RequestContext, body: VolunteerBody) {
  need(ctx, 'volunteer:manage');
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock();
    await repo.insertVolunteer(trx, {
      id,
      organization_id: orgId,
      user_id: null,
      ...volunteerColumns(body),
      email: body.email ?? null,
      notes: body.notes ?? null,
      status: 'applicant',
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await repo.insertStatusHistory(trx, {
      id: randomUUID(),
      organization_id: orgId,
      volunteer_id: id,
      from_value: null,
      to_value: 'applicant',
      reason: null,
      by_user_id: ctx.actor.userId,
      at: now,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer.create',
      entityType: 'volunteer',
      entityId: id,
    });
  });
  await publish(deps, orgId, 'volunteers.updated', id);
  return getVolunteer(deps, ctx, id);
}

/**
 * One write to a volunteer's record: the record is locked, written, audited in the same
 * transaction, the change announced, and the updated record returned.
 */
async function writeVolunteer(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  action: string,
  write: (trx: Conn, v: VolunteerRow, orgId: string) => Promise<unknown>,
) {
  need(ctx, 'volunteer:manage');
  const orgId = ctx.actor.organizationId;
  await deps.db.transaction().execute(async (trx) => {
    const v = await mustFind(trx, orgId, id, true);
    await write(trx, v, orgId);
    await recordAudit(trx, deps, ctx, orgId, { action, entityType: 'volunteer', entityId: id });
  });
  await publish(deps, orgId, 'volunteers.updated', id);
  return getVolunteer(deps, ctx, id);
}

export const updateVolunteer = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof volunteerPatchSchema>,
) =>
  writeVolunteer(deps, ctx, id, 'volunteer.update', (trx, _v, orgId) =>
    repo.updateVolunteer(trx, orgId, id, { ...volunteerColumns(body), updated_at: deps.clock() }),
  );

export async function listVolunteers(
  deps: AppDeps,
  ctx: RequestContext,
  query: {
    status?: VolunteerStatus | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  need(ctx, 'volunteer:read');
  const orgId = ctx.actor.organizationId;
  const after = nameCursorAfter(query.cursor);
  return deps.db.transaction().execute(async (trx) => {
    const rows = await repo.listVolunteers(trx, orgId, query, after, query.limit + 1);
    const { page, nextCursor } = pageOfRows(rows, query.limit, (last) => nameCursorOf(last.name, last.id));
    await recordAudit(trx, deps, ctx, orgId, { action: 'volunteer.list', entityType: 'volunteer' });
    return { items: page.map(toVolunteer), nextCursor };
  });
}

async function facts(db: Conn, orgId: string, v: VolunteerRow) {
  const [screening, training] = await Promise.all([
    repo.latestScreening(db, orgId, v.id),
    repo.trainingOf(db, orgId, v.id),
  ]);
  return {
    screening,
    training,
    facts: {
      status: v.status,
      screening: screening
        ? {
            interviewOn: screening.interview_on,
            backgroundCheckOn: screening.background_check_on,
            backgroundCheckResult: screening.background_check_result,
            consentSignedOn: screening.consent_signed_on,
            confidentialitySignedOn: screening.confidentiality_signed_on,
          }
        : null,
      completedModules: training.map((t) => t.module as TrainingModule),
    },
  };
}

export async function getVolunteer(deps: AppDeps, ctx: RequestContext, id: string): Promise<VolunteerDetail> {
  need(ctx, 'volunteer:read');
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const v = await mustFind(trx, orgId, id);
    const [{ screening, training, facts: f }, notes, history] = await Promise.all([
      facts(trx, orgId, v),
      repo.notesOf(trx, orgId, id),
      repo.statusHistoryOf(trx, orgId, id),
    ]);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer.read',
      entityType: 'volunteer',
      entityId: id,
    });
    return {
      ...toVolunteer(v),
      screening: screening
        ? {
            interviewOn: screening.interview_on,
            interviewNotes: screening.interview_notes,
            backgroundCheckOn: screening.background_check_on,
            backgroundCheckResult: screening.background_check_result,
            consentSignedOn: screening.consent_signed_on,
            confidentialitySignedOn: screening.confidentiality_signed_on,
            recordedAt: screening.recorded_at.toISOString(),
            recordedByName: screening.recorded_by_name,
          }
        : null,
      training: training.map((t) => ({
        module: t.module as TrainingModule,
        completedOn: t.completed_on,
        recordedByName: t.recorded_by_name,
      })),
      missingModules: missingModules(f.completedModules),
      supervision: notes.map((n) => ({
        id: n.id,
        kind: n.kind,
        on: n.on_date,
        body: n.body,
        byName: n.by_name,
        at: n.at.toISOString(),
      })),
      history: history.map((h) => ({
        from: h.from_value,
        to: h.to_value,
        reason: h.reason,
        at: h.at.toISOString(),
      })),
    };
  });
}

/** Screening is saved as a new version each time; the latest counts. */
export const recordScreening = (deps: AppDeps, ctx: RequestContext, id: string, body: ScreeningBody) =>
  writeVolunteer(deps, ctx, id, 'volunteer.screening', async (trx, _v, orgId) => {
    const previous = await repo.latestScreening(trx, orgId, id);
    await repo.insertScreening(trx, {
      id: randomUUID(),
      organization_id: orgId,
      volunteer_id: id,
      version: (previous?.version ?? 0) + 1,
      interview_on: body.interviewOn ?? null,
      interview_notes: body.interviewNotes ?? null,
      background_check_on: body.backgroundCheckOn ?? null,
      background_check_result: body.backgroundCheckResult,
      consent_signed_on: body.consentSignedOn ?? null,
      confidentiality_signed_on: body.confidentialitySignedOn ?? null,
      recorded_by: ctx.actor.userId,
      recorded_at: deps.clock(),
    });
  });

export const recordTraining = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: { module: TrainingModule; completedOn: string },
) =>
  writeVolunteer(deps, ctx, id, 'volunteer.training', (trx, _v, orgId) =>
    repo.insertTraining(trx, {
      id: randomUUID(),
      organization_id: orgId,
      volunteer_id: id,
      module: body.module,
      completed_on: body.completedOn,
      recorded_by: ctx.actor.userId,
      recorded_at: deps.clock(),
    }),
  );

/** Supervision and debrief notes, kept in order; they are never edited. */
export const addNote = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof volunteerNoteBodySchema>,
) =>
  writeVolunteer(deps, ctx, id, 'volunteer.note', (trx, _v, orgId) =>
    repo.insertNote(trx, {
      id: randomUUID(),
      organization_id: orgId,
      volunteer_id: id,
      kind: body.kind,
      on_date: body.on,
      body: body.body,
      by_user_id: ctx.actor.userId,
      at: deps.clock(),
    }),
  );

const missingText: Record<string, string> = {
  interview: 'the interview',
  background_check: 'a clear background check',
  consent: 'the signed consent',
  confidentiality_agreement: 'the signed confidentiality agreement',
};

export const changeStatus = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: { to: VolunteerStatus; reason?: string | undefined },
) =>
  writeVolunteer(deps, ctx, id, 'volunteer.status', async (trx, v, orgId) => {
    const { facts: f } = await facts(trx, orgId, v);
    const check = checkVolunteerTransition(f, body.to);
    if (!check.ok) {
      if (check.reason === 'transition')
        throw conflict(`A volunteer cannot go from ${v.status} to ${body.to}.`, {
          from: v.status,
          to: body.to,
        });
      const words = check.missing.map((m) => missingText[m] ?? `the ${m.replaceAll('_', ' ')} module`);
      throw conflict(`Still missing: ${words.join(', ')}.`, { missing: check.missing });
    }
    const now = deps.clock();
    await repo.updateVolunteer(trx, orgId, id, { status: body.to, updated_at: now });
    await repo.insertStatusHistory(trx, {
      id: randomUUID(),
      organization_id: orgId,
      volunteer_id: id,
      from_value: v.status,
      to_value: body.to,
      reason: body.reason ?? null,
      by_user_id: ctx.actor.userId,
      at: now,
    });
  });

/** Gives a volunteer a portal login of the volunteer role (a one-time invitation link). */
export async function createLogin(deps: AppDeps, ctx: RequestContext, id: string, email: string) {
  need(ctx, 'volunteer:manage');
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const v = await mustFind(trx, orgId, id, true);
    if (v.user_id) throw conflict('This volunteer already has a login.');
    const invitation = await createInvitedUser(trx, deps.clock(), {
      organizationId: orgId,
      email,
      name: v.name,
      role: 'volunteer',
      phone: v.phone,
    });
    await repo.updateVolunteer(trx, orgId, id, { user_id: invitation.userId, updated_at: deps.clock() });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer.login',
      entityType: 'volunteer',
      entityId: id,
    });
    return invitation;
  });
}

// ---- families' requests, matching and assignments ----

type RequestRow = NonNullable<Awaited<ReturnType<typeof repo.findRequest>>>;

async function assembleRequests(db: Conn, orgId: string, rows: RequestRow[]): Promise<VolunteerRequest[]> {
  const assignments = await repo.assignmentsOfRequests(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    kind: r.kind as RequestKind,
    status: r.status,
    startsAt: r.starts_at.toISOString(),
    durationMinutes: r.duration_minutes,
    language: r.language,
    whatToBring: r.what_to_bring,
    details: r.details,
    createdAt: r.created_at.toISOString(),
    assignments: assignments
      .filter((a) => a.request_id === r.id)
      .map((a) => ({
        id: a.id,
        volunteerId: a.volunteer_id,
        volunteerName: a.volunteer_name,
        status: a.status,
        offeredAt: a.offered_at.toISOString(),
        respondedAt: a.responded_at?.toISOString() ?? null,
        declineReason: a.decline_reason,
        closedAt: a.closed_at?.toISOString() ?? null,
        closeNote: a.close_note,
      })),
  }));
}

export async function createRequest(deps: AppDeps, ctx: RequestContext, body: VolunteerRequestBody) {
  need(ctx, 'volunteer:manage');
  await loadPatientFor(deps, ctx, 'patient:read', body.patientId);
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock();
    await repo.insertRequest(trx, {
      id,
      organization_id: orgId,
      patient_id: body.patientId,
      kind: body.kind,
      status: 'open',
      starts_at: new Date(body.startsAt),
      duration_minutes: body.durationMinutes,
      language: body.language,
      what_to_bring: body.whatToBring ?? null,
      details: body.details ?? null,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-request.create',
      entityType: 'volunteer_request',
      entityId: id,
      patientId: body.patientId,
    });
  });
  await publish(deps, orgId, 'volunteers.request', id);
  return getRequest(deps, ctx, id);
}

export async function listRequests(
  deps: AppDeps,
  ctx: RequestContext,
  query: { status?: string | undefined; cursor?: string | undefined; limit: number },
) {
  need(ctx, 'volunteer:read');
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const rows = await repo.listRequests(
      trx,
      orgId,
      query.status,
      timeCursorAfter(query.cursor),
      query.limit + 1,
    );
    const { page, nextCursor } = pageOfRows(rows, query.limit, (l) => timeCursorOf(l.starts_at, l.id));
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-request.list',
      entityType: 'volunteer_request',
    });
    return { items: await assembleRequests(trx, orgId, page), nextCursor };
  });
}

export async function getRequest(deps: AppDeps, ctx: RequestContext, id: string) {
  need(ctx, 'volunteer:read');
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findRequest(trx, orgId, id);
    if (!row) throw notFound('The request');
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-request.read',
      entityType: 'volunteer_request',
      entityId: id,
      patientId: row.patient_id,
    });
    return (await assembleRequests(trx, orgId, [row]))[0]!;
  });
}

/** Volunteers ranked for a request; eligible (active, in range, free, shared language) first. */
export async function matchRequest(deps: AppDeps, ctx: RequestContext, id: string): Promise<Match[]> {
  need(ctx, 'volunteer:manage');
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const r = await repo.findRequest(trx, orgId, id);
    if (!r) throw notFound('The request');
    if (r.patient_lat === null || r.patient_lon === null)
      throw conflict('The family’s address has no coordinates yet; add them to the patient record first.');
    const settings = await loadSettings(trx, orgId);
    const local = localWeekMinute(r.starts_at, settings.timeZone);
    const end = new Date(r.starts_at.getTime() + r.duration_minutes * 60_000);
    const [candidates, busy] = await Promise.all([
      repo.volunteersByStatus(trx, orgId, ['screened', 'trained', 'active', 'paused']),
      repo.busyVolunteerIds(trx, orgId, r.starts_at, end),
    ]);
    const declined = new Set(
      (await repo.assignmentsOfRequests(trx, orgId, [id]))
        .filter((a) => a.status === 'declined')
        .map((a) => a.volunteer_id),
    );
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-request.match',
      entityType: 'volunteer_request',
      entityId: id,
      patientId: r.patient_id,
    });
    return rankVolunteers(
      {
        kind: r.kind as RequestKind,
        language: r.language,
        place: { lat: r.patient_lat, lon: r.patient_lon },
        weekday: local.weekday,
        startMinute: local.minute,
        durationMinutes: r.duration_minutes,
      },
      candidates
        .filter((c) => !declined.has(c.id))
        .map((c) => ({
          id: c.id,
          name: c.name,
          status: c.status,
          home: { lat: c.lat, lon: c.lon },
          maxDistanceKm: c.max_distance_km,
          languages: c.languages,
          skills: c.skills,
          availability: c.availability,
          busy: busy.includes(c.id),
        })),
    );
  });
}

/**
 * Offers the request to one volunteer. Only an active volunteer (screened and trained) may be
 * assigned; the request must be open and not already offered to someone who has not answered.
 */
export async function assign(deps: AppDeps, ctx: RequestContext, requestId: string, volunteerId: string) {
  need(ctx, 'volunteer:manage');
  const orgId = ctx.actor.organizationId;
  const volunteerUserId = await deps.db.transaction().execute(async (trx) => {
    const r = await repo.findRequestForUpdate(trx, orgId, requestId);
    if (!r) throw notFound('The request');
    const v = await mustFind(trx, orgId, volunteerId, true);
    assertAssignable(v.status, 'be assigned');
    if (r.status !== 'open') throw conflict('This request is no longer open.');
    const current = await repo.assignmentsOfRequests(trx, orgId, [requestId]);
    if (current.some((a) => a.status === 'offered' || a.status === 'accepted'))
      throw conflict('This request is already offered to a volunteer.');
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
    if (v.user_id)
      await notifyUsers(
        trx,
        orgId,
        [v.user_id],
        {
          kind: 'volunteer.offer',
          title: 'A new request for you',
          body: 'The volunteer coordinator has a request for you. Please accept or decline it.',
          entityType: 'volunteer_assignment',
          entityId: id,
        },
        now,
      );
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-request.assign',
      entityType: 'volunteer_assignment',
      entityId: id,
      patientId: r.patient_id,
    });
    return v.user_id;
  });
  await publish(deps, orgId, 'volunteers.request', requestId, volunteerUserId);
  return getRequest(deps, ctx, requestId);
}

export async function cancelAssignment(
  deps: AppDeps,
  ctx: RequestContext,
  requestId: string,
  assignmentId: string,
) {
  need(ctx, 'volunteer:manage');
  const orgId = ctx.actor.organizationId;
  const volunteerUserId = await deps.db.transaction().execute(async (trx) => {
    const a = await repo.findAssignmentForUpdate(trx, orgId, assignmentId);
    if (!a || a.request_id !== requestId) throw notFound('The assignment');
    if (a.status !== 'offered' && a.status !== 'accepted')
      throw conflict('This assignment is already closed.');
    const now = deps.clock();
    await repo.updateAssignment(trx, orgId, assignmentId, { status: 'cancelled', responded_at: now });
    await repo.updateRequest(trx, orgId, requestId, { status: 'open', updated_at: now });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-request.unassign',
      entityType: 'volunteer_assignment',
      entityId: assignmentId,
    });
    return userOfVolunteer(trx, orgId, a.volunteer_id);
  });
  await publish(deps, orgId, 'volunteers.request', requestId, volunteerUserId);
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
  const orgId = ctx.actor.organizationId;
  const volunteerUserId = await deps.db.transaction().execute(async (trx) => {
    const a = await repo.findAssignmentForUpdate(trx, orgId, assignmentId);
    if (!a || a.request_id !== requestId) throw notFound('The assignment');
    if (a.status === 'offered')
      throw conflict('The volunteer has not accepted yet; withdraw the offer instead of closing it.');
    if (a.status !== 'accepted') throw conflict('This assignment is already closed.');
    const r = await repo.findRequestForUpdate(trx, orgId, requestId);
    const now = deps.clock();
    if (r && r.starts_at > now) throw conflict('The help has not been given yet: the request starts later.');
    await repo.updateAssignment(trx, orgId, assignmentId, {
      status: 'completed',
      closed_at: now,
      closed_by: ctx.actor.userId,
      close_note: body.note ?? null,
    });
    await repo.updateRequest(trx, orgId, requestId, { status: 'done', updated_at: now });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-request.close',
      entityType: 'volunteer_assignment',
      entityId: assignmentId,
      patientId: r?.patient_id ?? null,
    });
    return userOfVolunteer(trx, orgId, a.volunteer_id);
  });
  await publish(deps, orgId, 'volunteers.request', requestId, volunteerUserId);
  return getRequest(deps, ctx, requestId);
}

// ---- the volunteer's own portal ----

async function ownVolunteer(db: Conn, ctx: RequestContext) {
  need(ctx, 'volunteer:portal');
  return repo.findVolunteerByUser(db, ctx.actor.organizationId, ctx.actor.userId);
}

type AssignmentRow = NonNullable<Awaited<ReturnType<typeof repo.findAssignmentOfVolunteer>>>;

async function toPortal(db: Conn, orgId: string, rows: AssignmentRow[]): Promise<PortalAssignment[]> {
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
    kind: a.kind as RequestKind,
    startsAt: a.starts_at.toISOString(),
    durationMinutes: a.duration_minutes,
    familyFirstName: a.family_first_name,
    // the address only once the volunteer has accepted the visit
    address: a.status === 'accepted' || a.status === 'completed' ? a.family_address : null,
    whatToBring: a.what_to_bring,
    coordinatorPhone: settings.servicePhone,
    closedOn: a.closed_at ? localWeekMinute(a.closed_at, settings.timeZone).date : null,
    hours: hours
      .filter((h) => h.assignment_id === a.id)
      .map((h) => ({ id: h.id, on: h.on_date, minutes: h.minutes, status: h.status })),
  }));
}

export async function myAssignments(deps: AppDeps, ctx: RequestContext) {
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const v = await ownVolunteer(trx, ctx);
    if (!v) return { volunteerName: null, items: [] };
    const rows = await repo.assignmentsOfVolunteer(trx, orgId, v.id, 100);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-portal.list',
      entityType: 'volunteer_assignment',
    });
    return { volunteerName: v.name, items: await toPortal(trx, orgId, rows) };
  });
}

async function ownAssignment(trx: Conn, ctx: RequestContext, assignmentId: string) {
  const v = await ownVolunteer(trx, ctx);
  // someone else's assignment answers exactly like one that does not exist
  const a = v && (await repo.findAssignmentOfVolunteer(trx, ctx.actor.organizationId, v.id, assignmentId));
  if (!v || !a) throw notFound('The assignment');
  return { v, a };
}

export async function myAssignment(deps: AppDeps, ctx: RequestContext, assignmentId: string) {
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const { a } = await ownAssignment(trx, ctx, assignmentId);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-portal.read',
      entityType: 'volunteer_assignment',
      entityId: assignmentId,
      patientId: a.patient_id,
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
  const orgId = ctx.actor.organizationId;
  await deps.db.transaction().execute(async (trx) => {
    const { a } = await ownAssignment(trx, ctx, assignmentId);
    if (a.status !== 'offered') throw conflict('You have already answered this request.');
    const now = deps.clock();
    await repo.findAssignmentForUpdate(trx, orgId, assignmentId);
    await repo.updateAssignment(trx, orgId, assignmentId, {
      status: body.accept ? 'accepted' : 'declined',
      responded_at: now,
      decline_reason: body.accept ? null : (body.reason ?? null),
    });
    // a declined request goes back to the coordinator's open list for the next volunteer
    if (!body.accept) await repo.updateRequest(trx, orgId, a.request_id, { status: 'open', updated_at: now });
    await recordAudit(trx, deps, ctx, orgId, {
      action: body.accept ? 'volunteer-portal.accept' : 'volunteer-portal.decline',
      entityType: 'volunteer_assignment',
      entityId: assignmentId,
      patientId: a.patient_id,
    });
  });
  await publish(deps, orgId, 'volunteers.request', assignmentId, ctx.actor.userId);
  return myAssignment(deps, ctx, assignmentId);
}

const hoursDayText = {
  future: 'Hours cannot be logged for a day in the future.',
  before_visit: 'Hours are logged from the day of the visit on.',
  after_close: 'The coordinator closed this request; hours can be logged up to the day it was closed.',
} as const;

const hoursText = (m: number) => `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;

/** Refuses a duplicate, more than the request allows on a day, or hours at overlapping times. */
async function checkHoursLimits(
  trx: Conn,
  orgId: string,
  volunteerId: string,
  assignmentId: string,
  a: { starts_at: Date; duration_minutes: number },
  body: { on: string; minutes: number },
) {
  const windowOf = (startsAt: Date, minutes: number) => ({
    start: startsAt.getTime(),
    end: startsAt.getTime() + minutes * 60_000,
  });
  const logged = (await repo.countingHoursOnDay(trx, orgId, volunteerId, body.on)).map((h) => ({
    assignmentId: h.assignment_id,
    minutes: h.minutes,
    window: windowOf(h.starts_at, h.duration_minutes),
  }));
  const problem = hoursLimitProblem(
    { assignmentId, minutes: body.minutes, window: windowOf(a.starts_at, a.duration_minutes) },
    logged,
  );
  if (!problem) return;
  const message =
    problem.kind === 'duplicate'
      ? `${hoursText(problem.minutes)} for ${body.on} on this request are already logged.`
      : problem.kind === 'over_request'
        ? `This request allows ${hoursText(problem.allowedMinutes)} a day and ${hoursText(problem.loggedMinutes)} are already logged for ${body.on}.`
        : `These hours overlap hours already logged for another request on ${body.on}: together at most ${hoursText(problem.allowedMinutes)}, and ${hoursText(problem.loggedMinutes)} are already logged.`;
  throw conflict(message, { reason: `hours_${problem.kind}`, ...problem });
}

export async function logHours(
  deps: AppDeps,
  ctx: RequestContext,
  assignmentId: string,
  body: { on: string; minutes: number; note?: string | undefined },
) {
  const orgId = ctx.actor.organizationId;
  await deps.db.transaction().execute(async (trx) => {
    const { v, a } = await ownAssignment(trx, ctx, assignmentId);
    if (a.status !== 'accepted' && a.status !== 'completed')
      throw conflict('Hours can be logged only for a request you have accepted.');
    const { timeZone } = await loadSettings(trx, orgId);
    const problem = hoursDayProblem(body.on, {
      today: localWeekMinute(deps.clock(), timeZone).date,
      visitDay: localWeekMinute(a.starts_at, timeZone).date,
      closedDay: a.closed_at ? localWeekMinute(a.closed_at, timeZone).date : null,
    });
    if (problem)
      throw new DomainError('VALIDATION', hoursDayText[problem], {
        fields: [{ field: 'body.on', message: problem.replace('_', ' ') }],
      });
    await repo.findAssignmentForUpdate(trx, orgId, assignmentId); // one log at a time per assignment
    await checkHoursLimits(trx, orgId, v.id, assignmentId, a, body);
    await repo.insertHours(trx, {
      id: randomUUID(),
      organization_id: orgId,
      assignment_id: assignmentId,
      volunteer_id: v.id,
      on_date: body.on,
      minutes: body.minutes,
      note: body.note ?? null,
      status: 'submitted',
      logged_by: ctx.actor.userId,
      logged_at: deps.clock(),
      decided_by: null,
      decided_at: null,
      reject_reason: null,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-portal.log-hours',
      entityType: 'volunteer_assignment',
      entityId: assignmentId,
    });
  });
  await publish(deps, orgId, 'volunteers.hours', assignmentId);
  return myAssignment(deps, ctx, assignmentId);
}

// ---- hours approval and the monthly report ----

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
    if (!h) throw notFound('The hours entry');
    if (h.status !== 'submitted') throw conflict('These hours have already been decided.');
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

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

export async function setPaidCareHours(
  deps: AppDeps,
  ctx: RequestContext,
  month: string,
  hours: number | null,
) {
  need(ctx, 'volunteer:manage');
  const orgId = ctx.actor.organizationId;
  await deps.db.transaction().execute(async (trx) => {
    if (hours === null) await repo.deletePaidCareHours(trx, orgId, month);
    else
      await repo.upsertPaidCareHours(trx, {
        organization_id: orgId,
        month,
        hours,
        entered_by: ctx.actor.userId,
        entered_at: deps.clock(),
      });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'volunteer-report.paid-hours',
      entityType: 'paid_care_hours',
    });
  });
  return report(deps, ctx, month);
}

/** Approved volunteer hours in a month, per volunteer and per kind, and their share of paid care hours. */
export async function report(deps: AppDeps, ctx: RequestContext, month: string): Promise<VolunteerReport> {
  need(ctx, 'volunteer:read');
  const orgId = ctx.actor.organizationId;
  const [rows, paid, settings, visits] = await Promise.all([
    repo.hoursBetween(deps.db, orgId, `${month}-01`, lastDayOf(month)),
    repo.findPaidCareHours(deps.db, orgId, month),
    loadSettings(deps.db, orgId),
    repo.completedVisitMinutes(deps.db, orgId, `${month}-01`, lastDayOf(month)),
  ]);
  const approved = rows.filter((r) => r.status === 'approved');
  const approvedMinutes = approved.reduce((s, r) => s + r.minutes, 0);
  const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
  const byVolunteer = new Map<string, { name: string; minutes: number }>();
  const byKind = new Map<RequestKind, number>();
  for (const r of approved) {
    const v = byVolunteer.get(r.volunteer_id) ?? { name: r.volunteer_name, minutes: 0 };
    v.minutes += r.minutes;
    byVolunteer.set(r.volunteer_id, v);
    byKind.set(r.kind as RequestKind, (byKind.get(r.kind as RequestKind) ?? 0) + r.minutes);
  }
  const volunteerHours = hoursOf(approvedMinutes);
  // a typed figure overrides the visits record (visits outside Hearth, a correction)
  const visitCareHours = hoursOf(visits.minutes);
  const paidCareHours = paid?.hours ?? (visits.visits > 0 ? visitCareHours : null);
  const paidCareHoursSource = paid ? 'entered' : visits.visits > 0 ? 'visits' : null;
  const benchmarkPercent = settings.volunteerHoursBenchmarkPercent;
  return {
    month,
    approvedMinutes,
    volunteerHours,
    paidCareHours,
    paidCareHoursSource,
    visitCareHours,
    completedVisits: visits.visits,
    enteredPaidCareHours: paid?.hours ?? null,
    benchmarkPercent,
    ...volunteerShare(volunteerHours, paidCareHours, benchmarkPercent),
    byVolunteer: [...byVolunteer.entries()]
      .map(([volunteerId, v]) => ({ volunteerId, name: v.name, hours: hoursOf(v.minutes) }))
      .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name)),
    byKind: [...byKind.entries()].map(([kind, minutes]) => ({ kind, hours: hoursOf(minutes) })),
    pendingEntries: rows.filter((r) => r.status === 'submitted').length,
  };
}

import { randomUUID } from 'node:crypto';
import {
  because,
  conflict,
  localWeekMinute,
  type Match,
  notFound,
  rankVolunteers,
  type VolunteerRequest,
  type VolunteerRequestBody,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows, timeCursorAfter, timeCursorOf } from '../../http/pagination.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as repo from './volunteers.repository.ts';
import { changeEvents, need } from './volunteers-common.ts';

async function assembleRequests(
  db: Conn,
  orgId: string,
  rows: repo.FamilyRequestRecord[],
): Promise<VolunteerRequest[]> {
  const assignments = await repo.assignmentsOfRequests(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patientId,
    patientName: r.patientName,
    kind: r.kind,
    status: r.status,
    startsAt: r.startsAt.toISOString(),
    durationMinutes: r.durationMinutes,
    language: r.language,
    whatToBring: r.whatToBring,
    details: r.details,
    createdAt: r.createdAt.toISOString(),
    assignments: assignments
      .filter((a) => a.requestId === r.id)
      .map((a) => ({
        id: a.id,
        volunteerId: a.volunteerId,
        volunteerName: a.volunteerName,
        status: a.status,
        offeredAt: a.offeredAt.toISOString(),
        respondedAt: a.respondedAt?.toISOString() ?? null,
        declineReason: a.declineReason,
        closedAt: a.closedAt?.toISOString() ?? null,
        closeNote: a.closeNote,
      })),
  }));
}

export async function createRequest(deps: AppDeps, ctx: RequestContext, body: VolunteerRequestBody) {
  need(ctx, 'volunteer:manage');
  const id = randomUUID();
  const gate = { patient: { id: body.patientId, action: 'patient:read' as const } };
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
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
    await audit({ action: 'volunteer-request.create', entityType: 'volunteer_request', entityId: id });
    for (const event of changeEvents('volunteers.request', id)) publish(event);
  });
  return getRequest(deps, ctx, id);
}

export async function listRequests(
  deps: AppDeps,
  ctx: RequestContext,
  query: { status?: string | undefined; cursor?: string | undefined; limit: number },
) {
  need(ctx, 'volunteer:read');
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const rows = await repo.listRequests(
      trx,
      orgId,
      query.status,
      timeCursorAfter(query.cursor),
      query.limit + 1,
    );
    const { page, nextCursor } = pageOfRows(rows, query.limit, (l) => timeCursorOf(l.startsAt, l.id));
    await audit({
      action: 'volunteer-request.list',
      entityType: 'volunteer_request',
    });
    return { items: await assembleRequests(trx, orgId, page), nextCursor };
  });
}

export async function getRequest(deps: AppDeps, ctx: RequestContext, id: string) {
  need(ctx, 'volunteer:read');
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const row = await repo.findRequest(trx, orgId, id);
    if (!row) throw notFound('request');
    await audit({
      action: 'volunteer-request.read',
      entityType: 'volunteer_request',
      entityId: id,
      patientId: row.patientId,
    });
    return (await assembleRequests(trx, orgId, [row]))[0]!;
  });
}

/** Volunteers ranked for a request; eligible (active, in range, free, shared language) first. */
export async function matchRequest(deps: AppDeps, ctx: RequestContext, id: string): Promise<Match[]> {
  need(ctx, 'volunteer:manage');
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const r = await repo.findRequest(trx, orgId, id);
    if (!r) throw notFound('request');
    if (r.patientLat === null || r.patientLon === null)
      throw conflict(
        'The family’s address has no coordinates yet; add them to the patient record first.',
        undefined,
        because('volunteers.familyNotLocated'),
      );
    const settings = await loadSettings(trx, orgId);
    const local = localWeekMinute(r.startsAt, settings.timeZone);
    const end = new Date(r.startsAt.getTime() + r.durationMinutes * 60_000);
    const [candidates, busy] = await Promise.all([
      repo.volunteersByStatus(trx, orgId, ['screened', 'trained', 'active', 'paused']),
      repo.busyVolunteerIds(trx, orgId, r.startsAt, end),
    ]);
    const declined = new Set(
      (await repo.assignmentsOfRequests(trx, orgId, [id]))
        .filter((a) => a.status === 'declined')
        .map((a) => a.volunteerId),
    );
    await audit({
      action: 'volunteer-request.match',
      entityType: 'volunteer_request',
      entityId: id,
      patientId: r.patientId,
    });
    return rankVolunteers(
      {
        kind: r.kind,
        language: r.language,
        place: { lat: r.patientLat, lon: r.patientLon },
        weekday: local.weekday,
        startMinute: local.minute,
        durationMinutes: r.durationMinutes,
      },
      candidates
        .filter((c) => !declined.has(c.id))
        .map((c) => ({
          id: c.id,
          name: c.name,
          status: c.status,
          home: c.home,
          maxDistanceKm: c.maxDistanceKm,
          languages: c.languages,
          skills: c.skills,
          availability: c.availability,
          busy: busy.includes(c.id),
        })),
    );
  });
}

import { randomUUID } from 'node:crypto';
import {
  notFound,
  type ProgrammeDetail,
  type ProgrammeSession,
  type programmeBodySchema,
  type sessionBodySchema,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows, timeCursorAfter, timeCursorOf } from '../../http/pagination.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import * as repo from './programmes.repository.ts';
import { need, programmeEvent } from './programmes-common.ts';

export async function createProgramme(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.output<typeof programmeBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  await inEnvelope(deps, ctx, {}, async ({ trx, audit, publish }) => {
    await repo.insertProgramme(trx, {
      id,
      organization_id: orgId,
      kind: body.kind,
      name: body.name,
      description: body.description ?? null,
      max_age_years: body.maxAgeYears ?? (body.kind === 'friends_club' ? 24 : null),
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
    });
    await audit({ action: 'programme.create', entityType: 'programme', entityId: id });
    publish(programmeEvent(id));
  });
  return getProgramme(deps, ctx, id);
}

export async function listProgrammes(
  deps: AppDeps,
  ctx: RequestContext,
  query: { kind?: string | undefined; cursor?: string | undefined; limit: number },
) {
  need(ctx, 'programme:read');
  const orgId = ctx.actor.organizationId;
  const rows = await repo.listProgrammes(
    deps.db,
    orgId,
    query.kind,
    timeCursorAfter(query.cursor),
    query.limit + 1,
  );
  const { page, nextCursor } = pageOfRows(rows, query.limit, (l) => timeCursorOf(l.createdAt, l.id));
  return {
    items: page.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      description: p.description,
      maxAgeYears: p.maxAgeYears,
      sessionCount: p.sessionCount,
      createdAt: p.createdAt.toISOString(),
    })),
    nextCursor,
  };
}

async function assembleSessions(db: Conn, orgId: string, programmeId: string): Promise<ProgrammeSession[]> {
  const sessions = await repo.sessionsOf(db, orgId, programmeId);
  const ids = sessions.map((s) => s.id);
  const [roster, participants, applications, enrolments] = await Promise.all([
    repo.rosterOf(db, orgId, ids),
    repo.participantsOf(db, orgId, ids),
    repo.applicationsOf(db, orgId, ids),
    repo.enrolmentsOf(db, orgId, programmeId),
  ]);
  return sessions.map((s) => {
    const apps = applications.filter((a) => a.sessionId === s.id);
    const accepted = apps.filter((a) => a.status === 'accepted');
    const own = participants.filter((p) => p.sessionId === s.id);
    return {
      id: s.id,
      programmeId: s.programmeId,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      place: s.place,
      capacity: s.capacity,
      familyCapacity: s.familyCapacity,
      taken: own.length + accepted.length + enrolments.length,
      familyTaken: accepted.reduce((n, a) => n + a.familyMembers, 0),
      waiting: apps.filter((a) => a.status === 'waitlisted').length,
      roster: roster
        .filter((r) => r.sessionId === s.id)
        .map((r) => ({
          id: r.id,
          userId: r.userId,
          volunteerId: r.volunteerId,
          name: r.userName ?? r.volunteerName ?? '',
          role: r.role,
        })),
      participants: own.map((p) => ({ id: p.id, name: p.name, patientId: p.patientId })),
    };
  });
}

export async function getProgramme(deps: AppDeps, ctx: RequestContext, id: string): Promise<ProgrammeDetail> {
  need(ctx, 'programme:read');
  const orgId = ctx.actor.organizationId;
  return inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const p = await repo.findProgramme(trx, orgId, id);
    if (!p) throw notFound('programme');
    const sessions = await assembleSessions(trx, orgId, id);
    await audit({ action: 'programme.read', entityType: 'programme', entityId: id });
    return {
      id: p.id,
      kind: p.kind,
      name: p.name,
      description: p.description,
      maxAgeYears: p.maxAgeYears,
      sessionCount: sessions.length,
      createdAt: p.createdAt.toISOString(),
      sessions,
    };
  });
}

export async function addSession(
  deps: AppDeps,
  ctx: RequestContext,
  programmeId: string,
  body: z.output<typeof sessionBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  await inEnvelope(deps, ctx, {}, async ({ trx, audit, publish }) => {
    const p = await repo.findProgramme(trx, orgId, programmeId);
    if (!p) throw notFound('programme');
    const id = randomUUID();
    await repo.insertSession(trx, {
      id,
      organization_id: orgId,
      programme_id: programmeId,
      title: body.title,
      starts_at: new Date(body.startsAt),
      ends_at: new Date(body.endsAt),
      place: body.place,
      capacity: body.capacity,
      family_capacity: p.kind === 'summer_camp' ? (body.familyCapacity ?? 0) : null,
      created_at: deps.clock(),
    });
    await audit({ action: 'programme.add-session', entityType: 'programme_session', entityId: id });
    publish(programmeEvent(programmeId));
  });
  return getProgramme(deps, ctx, programmeId);
}

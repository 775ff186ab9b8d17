import { randomUUID } from 'node:crypto';
import {
  because,
  conflict,
  missingModules,
  type VolunteerBody,
  type VolunteerDetail,
  type VolunteerStatus,
  type volunteerPatchSchema,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { nameCursorAfter, nameCursorOf, pageOfRows } from '../../http/pagination.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { createInvitedUser } from '../staff/invitations.ts';
import * as repo from './volunteers.repository.ts';
import { changeEvents, mustFind, need, toVolunteer } from './volunteers-common.ts';

type VolunteerFields = Omit<
  repo.VolunteerRecord,
  'id' | 'userId' | 'status' | 'createdBy' | 'createdAt' | 'updatedAt'
>;

/** Body fields to the record's; on a patch, absent fields stay undefined so the update leaves them. */
function volunteerFields(body: VolunteerBody): Omit<VolunteerFields, 'email' | 'notes'>;
function volunteerFields(body: Partial<VolunteerBody>): Partial<VolunteerFields>;
function volunteerFields(body: Partial<VolunteerBody>): Partial<VolunteerFields> {
  return {
    name: body.name,
    phone: body.phone,
    email: body.email,
    address: body.address,
    home: body.home,
    maxDistanceKm: body.maxDistanceKm,
    areas: body.areas,
    languages: body.languages && [...new Set(body.languages)],
    skills: body.skills && [...new Set(body.skills)],
    availability: body.availability,
    notes: body.notes,
  };
}

export async function createVolunteer(deps: AppDeps, ctx: RequestContext, body: VolunteerBody) {
  need(ctx, 'volunteer:manage');
  const id = randomUUID();
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const now = deps.clock();
    await repo.insertVolunteer(trx, orgId, {
      id,
      userId: null,
      ...volunteerFields(body),
      email: body.email ?? null,
      notes: body.notes ?? null,
      status: 'applicant',
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
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
    await audit({ action: 'volunteer.create', entityType: 'volunteer', entityId: id });
    for (const event of changeEvents('volunteers.updated', id)) publish(event);
  });
  return getVolunteer(deps, ctx, id);
}

/**
 * One write to a volunteer's record: the record is locked, written, audited in the same
 * transaction, the change announced, and the updated record returned.
 */
export async function writeVolunteer(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  action: string,
  write: (trx: Conn, v: repo.VolunteerRecord, orgId: string) => Promise<unknown>,
) {
  need(ctx, 'volunteer:manage');
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const v = await mustFind(trx, orgId, id, true);
    await write(trx, v, orgId);
    await audit({ action, entityType: 'volunteer', entityId: id });
    for (const event of changeEvents('volunteers.updated', id)) publish(event);
  });
  return getVolunteer(deps, ctx, id);
}

export const updateVolunteer = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof volunteerPatchSchema>,
) =>
  writeVolunteer(deps, ctx, id, 'volunteer.update', (trx, _v, orgId) =>
    repo.updateVolunteer(trx, orgId, id, { ...volunteerFields(body), updatedAt: deps.clock() }),
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
  const after = nameCursorAfter(query.cursor);
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const rows = await repo.listVolunteers(trx, orgId, query, after, query.limit + 1);
    const { page, nextCursor } = pageOfRows(rows, query.limit, (last) => nameCursorOf(last.name, last.id));
    await audit({ action: 'volunteer.list', entityType: 'volunteer' });
    return { items: page.map(toVolunteer), nextCursor };
  });
}

export async function facts(db: Conn, orgId: string, v: repo.VolunteerRecord) {
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
            interviewOn: screening.interviewOn,
            backgroundCheckOn: screening.backgroundCheckOn,
            backgroundCheckResult: screening.backgroundCheckResult,
            consentSignedOn: screening.consentSignedOn,
            confidentialitySignedOn: screening.confidentialitySignedOn,
          }
        : null,
      completedModules: training.map((t) => t.module),
    },
  };
}

export async function getVolunteer(deps: AppDeps, ctx: RequestContext, id: string): Promise<VolunteerDetail> {
  need(ctx, 'volunteer:read');
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const v = await mustFind(trx, orgId, id);
    const [{ screening, training, facts: f }, notes, history] = await Promise.all([
      facts(trx, orgId, v),
      repo.notesOf(trx, orgId, id),
      repo.statusHistoryOf(trx, orgId, id),
    ]);
    await audit({
      action: 'volunteer.read',
      entityType: 'volunteer',
      entityId: id,
    });
    return {
      ...toVolunteer(v),
      screening: screening
        ? {
            interviewOn: screening.interviewOn,
            interviewNotes: screening.interviewNotes,
            backgroundCheckOn: screening.backgroundCheckOn,
            backgroundCheckResult: screening.backgroundCheckResult,
            consentSignedOn: screening.consentSignedOn,
            confidentialitySignedOn: screening.confidentialitySignedOn,
            recordedAt: screening.recordedAt.toISOString(),
            recordedByName: screening.recordedByName,
          }
        : null,
      training: training.map((t) => ({
        module: t.module,
        completedOn: t.completedOn,
        recordedByName: t.recordedByName,
      })),
      missingModules: missingModules(f.completedModules),
      supervision: notes.map((n) => ({
        id: n.id,
        kind: n.kind,
        on: n.on,
        body: n.body,
        byName: n.byName,
        at: n.at.toISOString(),
      })),
      history: history.map((h) => ({
        from: h.from,
        to: h.to,
        reason: h.reason,
        at: h.at.toISOString(),
      })),
    };
  });
}

/** Gives a volunteer a portal login of the volunteer role (a one-time invitation link). */
export async function createLogin(deps: AppDeps, ctx: RequestContext, id: string, email: string) {
  need(ctx, 'volunteer:manage');
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const v = await mustFind(trx, orgId, id, true);
    if (v.userId)
      throw conflict('This volunteer already has a login.', undefined, because('volunteers.alreadyHasLogin'));
    const invitation = await createInvitedUser(trx, deps.clock(), {
      organizationId: orgId,
      email,
      name: v.name,
      role: 'volunteer',
      phone: v.phone,
    });
    await repo.updateVolunteer(trx, orgId, id, { userId: invitation.userId, updatedAt: deps.clock() });
    await audit({
      action: 'volunteer.login',
      entityType: 'volunteer',
      entityId: id,
    });
    return invitation;
  });
}

/** A volunteer's status, or null when there is no such volunteer: what another feature checks before giving them work. */
export async function volunteerStatus(db: Conn, orgId: string, id: string): Promise<VolunteerStatus | null> {
  return (await repo.findVolunteer(db, orgId, id))?.status ?? null;
}

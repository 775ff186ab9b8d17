import { randomUUID } from 'node:crypto';
import {
  because,
  can,
  conflict,
  forbidden,
  invalidField,
  notFound,
  type Referral,
  type referralBodySchema,
  type referralListQuerySchema,
  type referralSources,
  type referralUpdateSchema,
  routingItems,
  type routingUpdateSchema,
  type SupportDiscipline,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import type { HearthEventDraft } from '../../platform/events/event-bus.ts';
import { coordinatorLeads, notifyUsers } from '../../platform/notifications/notifications.service.ts';
import * as repo from './support.repository.ts';

const audience = ['psychologist', 'social_worker', 'chaplain', 'coordinator'] as const;

async function assemble(db: Conn, orgId: string, rows: repo.ReferralListRecord[]): Promise<Referral[]> {
  const ids = rows.map((r) => r.id);
  const [notes, routing] = await Promise.all([repo.notesOf(db, orgId, ids), repo.routingOf(db, orgId, ids)]);
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patientId,
    patientName: r.patientName,
    discipline: r.discipline,
    status: r.status,
    source: r.source as Referral['source'],
    reason: r.reason,
    forWhom: r.forWhom,
    respiteOffered: r.respiteOffered,
    assignedUserId: r.assignedUserId,
    assignedName: r.assignedName,
    outcome: r.outcome,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
    notes: notes
      .filter((n) => n.referralId === r.id)
      .map((n) => ({ id: n.id, text: n.text, at: n.at.toISOString(), byName: n.byName })),
    routing: routingItems
      .map((item) => routing.find((x) => x.referralId === r.id && x.item === item))
      .filter((x) => x !== undefined)
      .map((x) => ({
        item: x.item as Referral['routing'][number]['item'],
        status: x.status as Referral['routing'][number]['status'],
        note: x.note,
        updatedAt: x.updatedAt?.toISOString() ?? null,
        updatedByName: x.updatedByName,
      })),
  }));
}

export interface OpenReferral {
  patientId: string;
  discipline: SupportDiscipline;
  source: (typeof referralSources)[number];
  reason: string;
  forWhom?: string | undefined;
  respiteOffered?: boolean;
  createdBy: string;
}

/**
 * Opens a referral inside the caller's transaction (used by staff, caregiver burden and
 * bereavement). An automatic referral joins an open one of the same discipline instead of
 * duplicating it. The discipline's staff are notified; a respite offer also goes to the
 * coordinators, who arrange it.
 */
export async function openReferral(trx: Conn, deps: AppDeps, orgId: string, input: OpenReferral) {
  const now = deps.clock();
  const existing =
    input.source === 'staff'
      ? undefined
      : await repo.openReferralOf(trx, orgId, input.patientId, input.discipline);
  let id: string;
  if (existing) {
    id = existing.id;
    await repo.updateReferral(trx, orgId, id, {
      respite_offered: existing.respiteOffered || Boolean(input.respiteOffered),
      updated_at: now,
    });
    await repo.insertNote(trx, {
      id: randomUUID(),
      organization_id: orgId,
      referral_id: id,
      text: input.reason,
      by_user_id: input.createdBy,
      at: now,
    });
  } else {
    id = randomUUID();
    await repo.insertReferral(trx, {
      id,
      organization_id: orgId,
      patient_id: input.patientId,
      discipline: input.discipline,
      status: 'open',
      source: input.source,
      reason: input.reason,
      for_whom: input.forWhom ?? null,
      respite_offered: Boolean(input.respiteOffered),
      assigned_user_id: null,
      outcome: null,
      created_by: input.createdBy,
      created_at: now,
      updated_at: now,
      closed_at: null,
    });
    if (input.discipline === 'social_worker') {
      await repo.insertRoutingItems(
        trx,
        routingItems.map((item) => ({
          organization_id: orgId,
          referral_id: id,
          item,
          status: 'to_do',
          note: null,
          updated_by: null,
          updated_at: null,
        })),
      );
    }
  }
  const staff = (await repo.activeUsersOfRole(trx, orgId, input.discipline)).map((u) => u.id);
  await notifyUsers(
    trx,
    orgId,
    staff,
    {
      kind: 'support.referral',
      // i18next context: the web picks the "family needs support" title
      params:
        input.source === 'staff' ? { reason: input.reason } : { reason: input.reason, context: 'family' },
      title: input.source === 'staff' ? 'New support referral' : 'Family needs support',
      body: input.reason,
      entityType: 'support_referral',
      entityId: id,
    },
    now,
  );
  if (input.respiteOffered) {
    await notifyUsers(
      trx,
      orgId,
      await coordinatorLeads(trx, orgId),
      {
        kind: 'support.respite',
        title: 'Offer respite to a family',
        body: 'The caregiver is under strain: offer respite (a stay or extra help at home).',
        entityType: 'support_referral',
        entityId: id,
      },
      now,
    );
  }
  await recordAudit(trx, deps, null, orgId, {
    action: existing ? 'support.referral-joined' : 'support.referral-opened',
    entityType: 'support_referral',
    entityId: id,
    patientId: input.patientId,
  });
  return id;
}

/** A referral's live events: the referral itself and the notifications it sent (after the commit). */
const referralEvents = (referralId: string): HearthEventDraft[] => [
  { type: 'support.updated', entityId: referralId, roles: audience },
  { type: 'notification.created', entityId: referralId, roles: audience },
];

export const publishReferral = async (deps: AppDeps, organizationId: string, referralId: string) => {
  for (const event of referralEvents(referralId)) await deps.events.publish({ ...event, organizationId });
};

export async function refer(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof referralBodySchema>,
) {
  const gate = { patient: { id: patientId, action: 'support:refer' } } as const;
  const id = await inEnvelope(
    deps,
    ctx,
    gate,
    async ({ trx, organizationId: orgId, patient, audit, publish }) => {
      if (patient!.status === 'discharged')
        throw conflict('The patient has left the service.', undefined, because('patient.leftService'));
      const id = await openReferral(trx, deps, orgId, {
        patientId,
        discipline: body.discipline,
        source: 'staff',
        reason: body.reason,
        forWhom: body.forWhom,
        createdBy: ctx.actor.userId,
      });
      await audit({ action: 'support.refer', entityType: 'support_referral', entityId: id });
      for (const event of referralEvents(id)) publish(event);
      return id;
    },
  );
  return getOne(deps, ctx, patientId, id);
}

async function getOne(deps: AppDeps, ctx: RequestContext, patientId: string, id: string) {
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const row = await repo.findReferral(trx, orgId, id);
    if (row?.patientId !== patientId) throw notFound('referral');
    await audit({ action: 'support.read', entityType: 'support_referral', entityId: id, patientId });
    return (await assemble(trx, orgId, [row]))[0]!;
  });
}

export async function patientReferrals(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'support:read' },
    audit: { action: 'support.list', entityType: 'support_referral' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) =>
    assemble(trx, orgId, await repo.referralsOfPatient(trx, orgId, patientId)),
  );
}

/** The support workers' inbox: open referrals of a discipline (or assigned to me). */
export async function listReferrals(
  deps: AppDeps,
  ctx: RequestContext,
  q: z.infer<typeof referralListQuerySchema>,
) {
  if (!can(ctx.actor, 'support:read')) throw forbidden();
  const [at, id] = (q.cursor ?? '').split('|');
  const after =
    id && at && !Number.isNaN(new Date(at).getTime()) ? { createdAt: new Date(at), id } : undefined;
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const rows = await repo.listReferrals(
      trx,
      orgId,
      {
        discipline: q.discipline,
        status: q.status,
        assignedTo: q.mine === 'true' ? ctx.actor.userId : undefined,
      },
      after,
      q.limit + 1,
    );
    const page = rows.slice(0, q.limit);
    await audit({ action: 'support.inbox', entityType: 'support_referral' });
    const last = page[page.length - 1];
    return {
      items: await assemble(trx, orgId, page),
      nextCursor: rows.length > q.limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
    };
  });
}

async function withReferral(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  referralId: string,
  action: string,
  work: (trx: Conn, row: repo.SupportReferralRecord, now: Date) => Promise<void>,
) {
  const gate = { patient: { id: patientId, action: 'support:work' } } as const;
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
    const row = await repo.findReferralForUpdate(trx, orgId, patientId, referralId);
    if (!row) throw notFound('referral');
    if (row.discipline !== ctx.actor.role)
      throw forbidden(
        `This referral is for the ${row.discipline.replace('_', ' ')}.`,
        because('support.otherDiscipline'),
      );
    await work(trx, row, deps.clock());
    await audit({ action, entityType: 'support_referral', entityId: referralId });
    for (const event of referralEvents(referralId)) publish(event);
  });
  return getOne(deps, ctx, patientId, referralId);
}

export const updateReferral = (
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  referralId: string,
  body: z.infer<typeof referralUpdateSchema>,
) =>
  withReferral(deps, ctx, patientId, referralId, 'support.update', async (trx, row, now) => {
    if (row.status === 'closed')
      throw conflict('This referral is closed.', undefined, because('support.referralClosed'));
    if (
      body.assignedUserId &&
      !(await repo.isActiveStaffUser(trx, ctx.actor.organizationId, body.assignedUserId))
    )
      throw invalidField(
        because('support.assigneeNotTeam'),
        'Choose a member of the team to assign.',
        'body.assignedUserId',
        'not an active team member',
      );
    if (body.status === 'closed' && !body.outcome && !row.outcome)
      throw invalidField(
        because('support.outcomeRequired'),
        'Say what was done before closing the referral.',
        'body.outcome',
        'required to close',
      );
    await repo.updateReferral(trx, ctx.actor.organizationId, referralId, {
      ...(body.status && { status: body.status, ...(body.status === 'closed' && { closed_at: now }) }),
      ...(body.assignedUserId !== undefined && { assigned_user_id: body.assignedUserId }),
      ...(body.outcome !== undefined && { outcome: body.outcome }),
      ...(!body.status && row.status === 'open' && { status: 'in_progress' as const }),
      updated_at: now,
    });
  });

export const addNote = (
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  referralId: string,
  text: string,
) =>
  withReferral(deps, ctx, patientId, referralId, 'support.note', async (trx, _row, now) => {
    await repo.insertNote(trx, {
      id: randomUUID(),
      organization_id: ctx.actor.organizationId,
      referral_id: referralId,
      text,
      by_user_id: ctx.actor.userId,
      at: now,
    });
  });

export const updateRouting = (
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  referralId: string,
  item: string,
  body: z.infer<typeof routingUpdateSchema>,
) =>
  withReferral(deps, ctx, patientId, referralId, 'support.routing', async (trx, row, now) => {
    if (row.discipline !== 'social_worker')
      throw conflict(
        'The routing checklist belongs to social work referrals.',
        undefined,
        because('support.checklistSocialWorkOnly'),
      );
    await repo.updateRoutingItem(trx, ctx.actor.organizationId, referralId, item, {
      status: body.status,
      note: body.note ?? null,
      updated_by: ctx.actor.userId,
      updated_at: now,
    });
  });

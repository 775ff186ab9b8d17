import { randomUUID } from 'node:crypto';
import {
  because,
  can,
  conflict,
  DomainError,
  forbidden,
  type HomeSafetyCheck,
  type HomeSafetyCheckBody,
  homeSafetyItems,
  invalidField,
  notFound,
  oxygenCheckComplete,
  unmetWithoutAction,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import * as repo from './home-safety.repository.ts';

const audience = ['nurse', 'physician', 'coordinator', 'equipment_manager'] as const;

async function assemble(db: Conn, orgId: string, patientId: string) {
  const [checks, actions] = await Promise.all([
    repo.checksOf(db, orgId, patientId),
    repo.actionsOf(db, orgId, patientId),
  ]);
  const toAction = (a: (typeof actions)[number]): HomeSafetyCheck['actions'][number] => ({
    id: a.id,
    checkId: a.checkId,
    itemKey: a.itemKey,
    description: a.description,
    ownerName: a.ownerName,
    ownerUserId: a.ownerUserId,
    dueOn: a.dueOn,
    status: a.status,
    doneAt: a.doneAt?.toISOString() ?? null,
    doneByName: a.doneByName,
  });
  const out: HomeSafetyCheck[] = checks.map((c) => ({
    id: c.id,
    patientId: c.patientId,
    occasion: c.occasion,
    checkedOn: c.checkedOn,
    checkedByName: c.checkedByName,
    items: c.items,
    actions: actions.filter((a) => a.checkId === c.id).map(toAction),
    createdAt: c.createdAt.toISOString(),
  }));
  return {
    checks: out,
    openActions: actions.filter((a) => a.status === 'open').map(toAction),
    oxygenSafe: oxygenCheckComplete(out) !== null,
  };
}

/** The id of the check that makes the home ready for oxygen, or null (used by equipment delivery). */
export async function oxygenSafetyCheckId(db: Conn, orgId: string, patientId: string) {
  return oxygenCheckComplete((await assemble(db, orgId, patientId)).checks);
}

export async function getOverview(deps: AppDeps, ctx: RequestContext, patientId: string) {
  return inEnvelope(
    deps,
    ctx,
    {
      patient: { id: patientId, action: 'home-safety:read' },
      audit: { action: 'home-safety.read', entityType: 'home_safety_check' },
    },
    (env) => assemble(env.trx, env.organizationId, patientId),
  );
}

/** Records a check; every unmet item must come with an action and its owner. */
export async function recordCheck(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: HomeSafetyCheckBody,
) {
  const id = randomUUID();
  await inEnvelope(deps, ctx, { patient: { id: patientId, action: 'home-safety:record' } }, async (env) => {
    const status = env.patient?.status;
    if (status === 'deceased' || status === 'discharged')
      throw conflict(
        'The patient is no longer in the service’s care at home.',
        undefined,
        because('patient.notAtHome'),
      );
    const keys = body.items.map((i) => i.key);
    if (new Set(keys).size !== keys.length)
      throw invalidField(
        because('homeSafety.itemTwice'),
        'Each item may be answered once.',
        'body.items',
        'duplicate item',
      );
    const missing = unmetWithoutAction(body);
    if (missing.length)
      throw new DomainError(
        'VALIDATION',
        'Every unmet item needs an action with an owner.',
        {
          fields: missing.map((k) => ({ field: `body.actions.${k}`, message: 'action with owner required' })),
        },
        because('homeSafety.actionRequired'),
      );
    const stray = body.actions.filter(
      (a) => !body.items.some((i) => i.key === a.itemKey && i.answer === 'unmet'),
    );
    if (stray.length)
      throw new DomainError(
        'VALIDATION',
        'Actions belong to unmet items only.',
        {
          fields: stray.map((a) => ({ field: `body.actions.${a.itemKey}`, message: 'item is not unmet' })),
        },
        because('homeSafety.actionForMetItem'),
      );
    const orgId = env.organizationId;
    const now = deps.clock();
    await repo.insertCheck(env.trx, orgId, {
      id,
      patientId,
      occasion: body.occasion,
      checkedOn: body.checkedOn,
      checkedBy: ctx.actor.userId,
      items: body.items.map((i) => ({ key: i.key, answer: i.answer, note: i.note ?? null })),
      createdAt: now,
    });
    await repo.insertActions(
      env.trx,
      orgId,
      body.actions.map((a) => ({
        id: randomUUID(),
        patientId,
        checkId: id,
        itemKey: a.itemKey,
        description: a.description,
        ownerName: a.ownerName,
        ownerUserId: a.ownerUserId ?? null,
        dueOn: a.dueOn ?? null,
        status: 'open',
        doneAt: null,
        doneBy: null,
        createdAt: now,
      })),
    );
    await env.audit({ action: 'home-safety.record', entityType: 'home_safety_check', entityId: id });
    env.publish(updated(patientId));
  });
  return getOverview(deps, ctx, patientId);
}

export async function completeAction(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  actionId: string,
) {
  // the action's owner (a relative with a portal account) may mark it done, as may the team
  await inEnvelope(deps, ctx, { patient: { id: patientId, action: 'home-safety:read' } }, async (env) => {
    const action = await repo.findActionForUpdate(env.trx, env.organizationId, patientId, actionId);
    if (!action) throw notFound('action');
    const isOwner = action.ownerUserId === ctx.actor.userId;
    if (!isOwner && !can(ctx.actor, 'home-safety:record', { patientId })) throw forbidden();
    if (action.status === 'done')
      throw conflict('This action is already done.', undefined, because('homeSafety.actionDone'));
    await repo.markActionDone(env.trx, env.organizationId, actionId, ctx.actor.userId, deps.clock());
    await env.audit({
      action: 'home-safety.action-done',
      entityType: 'home_safety_action',
      entityId: actionId,
    });
    env.publish(updated(patientId));
  });
  return getOverview(deps, ctx, patientId);
}

const updated = (patientId: string) => ({
  type: 'home-safety.updated' as const,
  entityId: patientId,
  roles: audience,
});

/** The catalogue, for documentation and the web form. */
export const safetyCatalogue = homeSafetyItems;

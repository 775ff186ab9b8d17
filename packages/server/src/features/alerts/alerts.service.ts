/**
 * Alerts: the one mechanism for everything in Hearth that must not wait unseen.
 *
 * API for other features (call inside your own transaction, then announce after commit):
 *
 *   raiseAlert(trx: Conn, deps: Pick<AppDeps, 'clock'>, input: RaiseAlertInput): Promise<RaisedAlert>
 *   announceAlerts(deps: Pick<AppDeps, 'events'>, raised: readonly RaisedAlert[]): Promise<void>
 *
 * `raiseAlert` writes the alert, its first timeline entries, an in-app notification to its owner
 * and a durable deadline job, all in the caller's transaction: if the caller rolls back, no alert
 * exists. The owner is the first person on the escalation chain of the alert's audience
 * (`clinical`: the on-call physician; see `oncall.service.ts#escalationChain`). The deadline
 * comes from the organization's `alerts` settings by severity. While an alert for the same
 * patient, rule set and rule is unresolved, raising it again adds a `repeated` entry to that
 * alert's timeline instead of a second alert (and raises its severity if the new one is higher);
 * `created` tells which happened.
 *
 * Example (medicines, inside the dose transaction):
 *   const raised = await raiseAlert(trx, deps, {
 *     organizationId, patientId, severity: 'review', audience: 'clinical',
 *     ruleSet: 'medicines', ruleSetVersion: '1', ruleId: 'dose.refused',
 *     title: 'Dose refused: outside the prescription', facts: { drug, dose, reason },
 *     source: { type: 'medication_administration', id: administrationId }, raisedBy: ctx.actor,
 *   });
 *   ...commit...
 *   await announceAlerts(deps, [raised]);
 *
 * HTTP (alerts.routes.ts): GET /alerts, GET /alerts/:id, POST /alerts/:id/acknowledge,
 * POST /alerts/:id/resolve, GET /patients/:patientId/alerts. Deadline escalation is the job
 * `alerts.deadline` (alerts.jobs.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type Alert,
  type AlertAudience,
  type AlertResolveBody,
  type AlertSeverity,
  alertDeadline,
  type alertListQuerySchema,
  because,
  can,
  conflict,
  forbidden,
  mayResolveWith,
  notFound,
  rolesFor,
  severityRank,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { storedJson } from '../../db/stored-json.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import type { HearthEventDraft } from '../../platform/events/event-bus.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { coordinatorLeads, notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { familyOf } from '../family/family.repository.ts';
import { escalationChain } from '../oncall/oncall.service.ts';
import * as repo from './alerts.repository.ts';
import { toAlert } from './alerts-view.ts';

export const alertDeadlineJob = 'alerts.deadline';

export interface RaiseAlertInput {
  organizationId: string;
  patientId: string;
  severity: AlertSeverity;
  audience: AlertAudience;
  /** Which rule set fired (e.g. `triage`, `medicines`) and its version, so it can be explained later. */
  ruleSet: string;
  ruleSetVersion: string;
  ruleId: string;
  /** Short text for the staff inbox (in-app only; never put in an e-mail). */
  title: string;
  /** The values that fired the rule. */
  facts: Record<string, unknown>;
  /** The record that caused it (assessment, diary entry, dose...). */
  source?: { type: string; id: string };
  /** Whose action raised it (pass `ctx.actor`); omit or null for the system. */
  raisedBy?: Pick<Actor, 'userId' | 'role'> | null;
  /**
   * Other audiences whose findings were folded into this alert (one alert per observation):
   * the first person on each of their chains is told too.
   */
  alsoAudiences?: readonly AlertAudience[];
  /**
   * When the same rule fires again on an unresolved alert: are these facts worse than the
   * stored ones? A worse repeat re-opens an acknowledged alert, restarts its deadline and tells
   * its owner. Without it, only a higher severity counts as worse.
   */
  isWorseThan?: (previousFacts: Record<string, unknown>) => boolean;
}

export interface RaisedAlert {
  alertId: string;
  organizationId: string;
  patientId: string;
  /** false when an unresolved alert for the same rule existed and this was added to it. */
  created: boolean;
  severity: AlertSeverity;
  ownerId: string | null;
  dueAt: Date;
  /** Users who got an in-app notification. */
  notifiedUserIds: string[];
}

/** The roles whose inbox shows alerts (and who get the live events). */
export const alertAudienceRoles = rolesFor('alert:read');

export async function raiseAlert(
  trx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  input: RaiseAlertInput,
): Promise<RaisedAlert> {
  const now = deps.clock();
  const orgId = input.organizationId;
  const settings = await loadSettings(trx, orgId);
  const id = randomUUID();
  const dueAt = alertDeadline(input.severity, now, settings.alerts);
  const chain = await escalationChain(trx, orgId, input.audience, now);
  const ownerId = chain[0] ?? null;
  const inserted = await repo.insertAlertIfNoneActive(trx, {
    id,
    organization_id: orgId,
    patient_id: input.patientId,
    severity: input.severity,
    audience: input.audience,
    status: 'open',
    rule_set: input.ruleSet,
    rule_set_version: input.ruleSetVersion,
    rule_id: input.ruleId,
    title: input.title,
    facts: input.facts,
    source_type: input.source?.type ?? null,
    source_id: input.source?.id ?? null,
    owner_id: ownerId,
    escalation_level: 0,
    raised_by: input.raisedBy?.userId ?? null,
    raised_at: now,
    due_at: dueAt,
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    resolved_by: null,
    outcome: null,
    outcome_note: null,
    family_message: null,
  });
  if (!inserted) return repeatAlert(trx, deps, now, input);

  const data = {
    ruleSet: input.ruleSet,
    ruleSetVersion: input.ruleSetVersion,
    ruleId: input.ruleId,
    ...input.facts,
  };
  await repo.insertAlertEvent(trx, {
    id: randomUUID(),
    organization_id: orgId,
    alert_id: id,
    at: now,
    kind: 'raised',
    actor_id: input.raisedBy?.userId ?? null,
    to_user_id: ownerId,
    note: null,
    data,
  });
  const also = [
    ...(input.audience === 'psychosocial' || input.alsoAudiences?.includes('psychosocial')
      ? await coordinatorLeads(trx, orgId)
      : []),
    ...(await firstOnChains(trx, orgId, input.alsoAudiences ?? [], now)),
  ];
  const notified = [...new Set([...(ownerId ? [ownerId] : []), ...also])];
  if (notified.length) {
    await notifyUsers(
      trx,
      orgId,
      notified,
      {
        kind: `alert.${input.severity}`,
        params: { ruleId: input.ruleId },
        title: input.title,
        body: '',
        entityType: 'alert',
        entityId: id,
      },
      now,
    );
    await repo.insertAlertEvent(trx, {
      id: randomUUID(),
      organization_id: orgId,
      alert_id: id,
      at: now,
      kind: 'notified',
      actor_id: null,
      to_user_id: ownerId,
      note: null,
      data: { userIds: notified },
    });
  }
  await JobRunner.enqueue(trx, orgId, alertDeadlineJob, dueAt, { alertId: id, level: 0 });
  await recordAudit(trx, deps, input.raisedBy ? { actor: input.raisedBy } : null, orgId, {
    action: 'alert.raise',
    entityType: 'alert',
    entityId: id,
    patientId: input.patientId,
  });
  return {
    alertId: id,
    organizationId: orgId,
    patientId: input.patientId,
    created: true,
    severity: input.severity,
    ownerId,
    dueAt,
    notifiedUserIds: notified,
  };
}

async function firstOnChains(trx: Conn, orgId: string, audiences: readonly AlertAudience[], now: Date) {
  const firsts: string[] = [];
  for (const audience of audiences) {
    const first = (await escalationChain(trx, orgId, audience, now))[0];
    if (first) firsts.push(first);
  }
  return firsts;
}

/**
 * The same rule fired again while its alert is unresolved: the alert shows the latest facts and
 * the repeat goes on its timeline. When the readings are worse (or the severity higher) it
 * escalates again: an acknowledged alert is re-opened with a fresh deadline, its owner is told,
 * and the deadline job takes it up the chain if nobody answers.
 */
async function repeatAlert(
  trx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  now: Date,
  input: RaiseAlertInput,
): Promise<RaisedAlert> {
  const orgId = input.organizationId;
  const existing = await repo.findActiveForRuleForUpdate(
    trx,
    orgId,
    input.patientId,
    input.ruleSet,
    input.ruleId,
  );
  if (!existing)
    throw conflict(
      'The alert changed while it was being raised; try again.',
      undefined,
      because('alert.changedMeanwhile'),
    );
  const higher = severityRank[input.severity] > severityRank[existing.severity];
  const worse = higher || (input.isWorseThan?.(existing.facts) ?? false);
  const severity = higher ? input.severity : existing.severity;
  const settings = await loadSettings(trx, orgId);
  const freshDue = alertDeadline(severity, now, settings.alerts);
  // an open alert keeps the earlier of its deadlines; a re-opened one starts a fresh deadline
  const newDue =
    worse && existing.status === 'acknowledged'
      ? freshDue
      : higher && freshDue < existing.dueAt
        ? freshDue
        : existing.dueAt;
  await repo.updateAlert(trx, orgId, existing.id, {
    severity,
    due_at: newDue,
    facts: storedJson(input.facts),
    ...(worse && existing.status === 'acknowledged'
      ? { status: 'open', acknowledged_at: null, acknowledged_by: null }
      : {}),
  });
  await repo.insertAlertEvent(trx, {
    id: randomUUID(),
    organization_id: orgId,
    alert_id: existing.id,
    at: now,
    kind: worse ? 'worsened' : 'repeated',
    actor_id: input.raisedBy?.userId ?? null,
    to_user_id: worse ? existing.ownerId : null,
    note: null,
    data: { ...input.facts, severity: input.severity, ...(input.source ? { source: input.source } : {}) },
  });
  const notified = worse && existing.ownerId ? [existing.ownerId] : [];
  if (notified.length) {
    await notifyUsers(
      trx,
      orgId,
      notified,
      {
        kind: 'alert.worse',
        params: { ruleId: input.ruleId },
        title: input.title,
        body: 'Readings are worse since the alert was seen.',
        entityType: 'alert',
        entityId: existing.id,
      },
      now,
    );
  }
  if (worse && newDue.getTime() !== existing.dueAt.getTime()) {
    await JobRunner.enqueue(trx, orgId, alertDeadlineJob, newDue, {
      alertId: existing.id,
      level: existing.escalationLevel,
    });
  }
  await recordAudit(trx, deps, input.raisedBy ? { actor: input.raisedBy } : null, orgId, {
    action: worse ? 'alert.worsen' : 'alert.repeat',
    entityType: 'alert',
    entityId: existing.id,
    patientId: input.patientId,
  });
  return {
    alertId: existing.id,
    organizationId: orgId,
    patientId: input.patientId,
    created: false,
    severity,
    ownerId: existing.ownerId,
    dueAt: newDue,
    notifiedUserIds: notified,
  };
}

/** Tells open inboxes (SSE) after the raising transaction committed. */
export async function announceAlerts(deps: Pick<AppDeps, 'events'>, raised: readonly RaisedAlert[]) {
  for (const r of raised) {
    await deps.events.publish({
      organizationId: r.organizationId,
      type: r.created ? 'alert.raised' : 'alert.updated',
      entityId: r.alertId,
      roles: alertAudienceRoles,
    });
  }
  if (raised.some((r) => r.notifiedUserIds.length)) {
    await deps.events.publish({
      organizationId: raised[0]!.organizationId,
      type: 'notification.created',
      roles: alertAudienceRoles,
    });
  }
}

async function loadAlert(trx: Conn, orgId: string, id: string, now: Date): Promise<Alert> {
  const row = await repo.findAlertView(trx, orgId, id);
  if (!row) throw notFound('alert');
  const events = await repo.eventsFor(trx, orgId, [id]);
  return toAlert(row, events, now);
}

export async function getAlert(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'alert:read')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const alert = await loadAlert(trx, orgId, id, deps.clock());
    await audit({ action: 'alert.read', entityType: 'alert', entityId: id, patientId: alert.patientId });
    return alert;
  });
}

type ListQuery = z.infer<typeof alertListQuerySchema>;
const statusesFor = (s: ListQuery['status']): ('open' | 'acknowledged' | 'resolved')[] =>
  s === 'active' ? ['open', 'acknowledged'] : [s];

export async function listAlerts(deps: AppDeps, ctx: RequestContext, query: ListQuery) {
  if (!can(ctx.actor, 'alert:read')) throw forbidden();
  // one patient's alerts pass that patient's gate (and the audit names the patient)
  const gate = query.patientId ? { patient: { id: query.patientId, action: 'alert:read' as const } } : {};
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit }) => {
    const page = await alertsPage(trx, deps, ctx, orgId, query);
    await audit({ action: 'alert.list', entityType: 'alert' });
    return page;
  });
}

/**
 * One page of alerts with their events, inside the caller's transaction; the caller has checked
 * `alert:read` (and the patient's gate when the list is one patient's). Two statements.
 */
export async function alertsPage(
  trx: Conn,
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  query: ListQuery,
) {
  const rows = await repo.listAlerts(
    trx,
    orgId,
    {
      statuses: statusesFor(query.status),
      ownerId: query.mine ? ctx.actor.userId : undefined,
      patientId: query.patientId,
    },
    decodeCursor(query.cursor),
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const events = await repo.eventsFor(
    trx,
    orgId,
    page.map((r) => r.id),
  );
  const now = deps.clock();
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toAlert(r, events, now)),
    nextCursor: rows.length > query.limit && last ? `${last.raisedAt.toISOString()}|${last.id}` : null,
  };
}

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = cursor.split('|');
  const raisedAt = new Date(at ?? '');
  return id && !Number.isNaN(raisedAt.getTime()) ? { raisedAt, id } : undefined;
}

/** "I have it": stops the escalation and makes the caller the owner. */
export async function acknowledgeAlert(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'alert:handle')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const row = await repo.findAlertForUpdate(trx, orgId, id);
    if (!row) throw notFound('alert');
    if (row.status === 'resolved')
      throw conflict('This alert is already resolved.', undefined, because('alert.alreadyResolved'));
    const now = deps.clock();
    if (row.status === 'open') {
      await repo.updateAlert(trx, orgId, id, {
        status: 'acknowledged',
        acknowledged_at: now,
        acknowledged_by: ctx.actor.userId,
        owner_id: ctx.actor.userId,
      });
      await repo.insertAlertEvent(trx, {
        id: randomUUID(),
        organization_id: orgId,
        alert_id: id,
        at: now,
        kind: 'acknowledged',
        actor_id: ctx.actor.userId,
        to_user_id: null,
        note: null,
        data: { minutesToAcknowledge: Math.round((now.getTime() - row.raisedAt.getTime()) / 60_000) },
      });
    }
    await audit({
      action: 'alert.acknowledge',
      entityType: 'alert',
      entityId: id,
      patientId: row.patientId,
    });
    const alert = await loadAlert(trx, orgId, id, now);
    publish(alertUpdated(id));
    return alert;
  });
}

/** Hooks run inside the resolving transaction (e.g. an urgent visit request becomes a task). */
export type AlertResolvedHook = (
  trx: Conn,
  deps: AppDeps,
  ctx: RequestContext,
  alert: { id: string; organizationId: string; patientId: string; outcome: AlertResolveBody['outcome'] },
) => Promise<void>;
const resolvedHooks: AlertResolvedHook[] = [];
export const onAlertResolved = (hook: AlertResolvedHook) => {
  if (!resolvedHooks.includes(hook)) resolvedHooks.push(hook);
};

export async function resolveAlert(deps: AppDeps, ctx: RequestContext, id: string, body: AlertResolveBody) {
  if (!can(ctx.actor, 'alert:handle')) throw forbidden();
  if (!mayResolveWith(ctx.actor.role, body.outcome)) {
    throw forbidden(
      'Only a physician may adjust therapy or move a patient to inpatient care.',
      because('alert.physicianOnly'),
    );
  }
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const row = await repo.findAlertForUpdate(trx, orgId, id);
    if (!row) throw notFound('alert');
    if (row.status === 'resolved')
      throw conflict('This alert is already resolved.', undefined, because('alert.alreadyResolved'));
    const now = deps.clock();
    await repo.updateAlert(trx, orgId, id, {
      status: 'resolved',
      acknowledged_at: row.acknowledgedAt ?? now,
      acknowledged_by: row.acknowledgedBy ?? ctx.actor.userId,
      resolved_at: now,
      resolved_by: ctx.actor.userId,
      outcome: body.outcome,
      outcome_note: body.note ?? null,
      family_message: body.familyMessage ?? null,
    });
    await repo.insertAlertEvent(trx, {
      id: randomUUID(),
      organization_id: orgId,
      alert_id: id,
      at: now,
      kind: 'resolved',
      actor_id: ctx.actor.userId,
      to_user_id: null,
      note: body.note ?? null,
      data: {
        outcome: body.outcome,
        minutesToResolve: Math.round((now.getTime() - row.raisedAt.getTime()) / 60_000),
      },
    });
    // the family linked to the patient hears that the team answered (in-app; the message is theirs)
    const family = (await familyOf(trx, orgId, row.patientId)).filter((f) => f.status === 'active');
    if (body.familyMessage && family.length) {
      await notifyUsers(
        trx,
        orgId,
        family.map((f) => f.userId),
        {
          kind: 'alert.answered',
          params: { message: body.familyMessage },
          title: 'The care team answered',
          body: body.familyMessage,
          entityType: 'patient',
          entityId: row.patientId,
        },
        now,
      );
    }
    for (const hook of resolvedHooks) {
      await hook(trx, deps, ctx, {
        id,
        organizationId: orgId,
        patientId: row.patientId,
        outcome: body.outcome,
      });
    }
    await audit({ action: 'alert.resolve', entityType: 'alert', entityId: id, patientId: row.patientId });
    const alert = await loadAlert(trx, orgId, id, now);
    const familyIds = family.map((f) => f.userId);
    publish(alertUpdated(id));
    if (familyIds.length) {
      for (const type of ['alert.answered', 'notification.created'] as const) {
        publish({ type, entityId: alert.patientId, roles: ['family'], userIds: familyIds });
      }
    }
    return alert;
  });
}

const alertUpdated = (id: string): HearthEventDraft => ({
  type: 'alert.updated',
  entityId: id,
  roles: alertAudienceRoles,
});

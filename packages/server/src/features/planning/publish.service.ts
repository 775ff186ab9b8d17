/** Publishing a reviewed week plan, or accepting an urgent re-plan: the visits become real. */
import { randomUUID } from 'node:crypto';
import {
  type Because,
  because,
  can,
  conflict,
  DomainError,
  forbidden,
  hhmmOf,
  notFound,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { recordAudits } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { resolveAlert } from '../alerts/alerts.service.ts';
import * as visits from '../visits/visits.repository.ts';
import { notifyVisitPeople, publishMany as publishVisits } from '../visits/visits.service.ts';
import { audience, getRun, type StoredResult } from './plan-runs.service.ts';
import * as repo from './planning.repository.ts';
import type { UrgentInput } from './urgent.service.ts';
import { notifyMovedToColleague } from './visit-notices.ts';
import type { WeekInput } from './week-plan.service.ts';

/** Publishes a reviewed week plan, or accepts an urgent insertion. */
export async function publishRun(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const touched: string[] = [];
  let alertId: string | null = null;
  let alertNote = '';
  let familyUserIds: string[] = [];
  await inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const run = await repo.lockRun(trx, orgId, id);
    if (!run) throw notFound('planningRun');
    if (run.status === 'running')
      throw conflict(
        'The planner is still working; wait until the plan is ready.',
        undefined,
        because('planning.stillPlanning'),
      );
    if (run.status !== 'ready')
      throw conflict(
        `This plan is ${run.status} and cannot be published.`,
        undefined,
        whyNotPublishable(run.status),
      );
    const result = run.result;
    if (!result) throw new Error(`plan run ${run.id} is ready without a result`);
    const now = deps.clock();
    const asked = await repo.inputOfRun(trx, orgId, run);
    if (asked.kind === 'week')
      touched.push(...(await publishWeek(trx, ctx, orgId, run.id, asked.input, result, now)));
    else {
      const input = asked.input;
      alertId = input.alertId;
      alertNote = dispatchedNote(input, result);
      touched.push(...(await acceptUrgent(trx, ctx, orgId, run.id, input, result, now)));
    }
    await repo.updateRun(trx, orgId, id, {
      status: 'published',
      published_at: now,
      published_by: ctx.actor.userId,
    });
    await audit({ action: `planning.publish-${run.kind}`, entityType: 'plan_run', entityId: id });
    const patientIds = [...new Set(touched.map((t) => t.split('|')[1]!))];
    await recordAudits(
      trx,
      deps,
      ctx,
      orgId,
      patientIds.map((pid) => ({ action: 'visit.plan', entityType: 'visit', patientId: pid })),
    );
    familyUserIds = [...new Set((await visits.familyUsersOf(trx, orgId, patientIds)).map((f) => f.userId))];
  });
  // dispatched from an alert: the alert is answered with "urgent visit" (unless someone already answered it)
  if (alertId && can(ctx.actor, 'alert:handle')) {
    try {
      await resolveAlert(deps, ctx, alertId, { outcome: 'urgent_visit_requested', note: alertNote });
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'CONFLICT')) throw err;
    }
  }
  await publishVisits(deps, orgId, id, familyUserIds);
  await deps.events.publish({
    organizationId: orgId,
    type: 'planning.updated',
    entityId: id,
    roles: audience,
  });
  return getRun(deps, ctx, id);
}

/** Why a run neither running nor ready cannot be published: it failed, or is published or discarded. */
function whyNotPublishable(status: string): Because {
  if (status === 'published') return because('planning.runAlreadyPublished');
  if (status === 'discarded') return because('planning.runDiscarded');
  return because('planning.runFailed');
}

/**
 * What the answered alert says about the visit: who goes, about when, and the coordinator's
 * reason, in their own words. Names, a time and the reason read the same in either language of
 * the inbox, where a fixed English phrase would not.
 */
function dispatchedNote(input: UrgentInput, result: StoredResult): string {
  const urgent = result.assignments.find((a) => a.key === 'urgent');
  if (!urgent) return input.reason;
  const who = result.routes.find((r) => r.staffId === urgent.staffId)?.staffName ?? '';
  return `${who} ~${hhmmOf(urgent.start)}: ${input.reason}`.trim().slice(0, 2000);
}

const newVisitRow = (
  orgId: string,
  runId: string,
  by: string,
  now: Date,
  v: {
    patientId: string;
    discipline: string;
    kind: 'planned' | 'urgent';
    staffId: string;
    date: string;
    start: number;
    duration: number;
    window: { start: number; end: number } | null;
    sequence: number;
    reason: string | null;
  },
) => ({
  id: randomUUID(),
  organization_id: orgId,
  patient_id: v.patientId,
  discipline: v.discipline,
  kind: v.kind,
  status: 'scheduled' as const,
  staff_id: v.staffId,
  visit_date: v.date,
  start_min: v.start,
  duration_min: v.duration,
  window_start: v.window?.start ?? null,
  window_end: v.window?.end ?? null,
  reason: v.reason,
  status_reason: null,
  plan_run_id: runId,
  sequence: v.sequence,
  checked_in_at: null,
  check_in_lat: null,
  check_in_lon: null,
  completed_at: null,
  created_by: by,
  created_at: now,
  updated_at: now,
});

async function publishWeek(
  trx: Conn,
  ctx: RequestContext,
  orgId: string,
  runId: string,
  input: WeekInput,
  result: StoredResult,
  now: Date,
) {
  const req = new Map(input.requirements.map((r) => [r.id, r]));
  const rows = result.assignments.map((a) => {
    const r = req.get(a.key.split('#')[0]!)!;
    return newVisitRow(orgId, runId, ctx.actor.userId, now, {
      patientId: r.patientId,
      discipline: r.discipline,
      kind: 'planned',
      staffId: a.staffId,
      date: a.date,
      start: a.start,
      duration: r.durationMinutes,
      window: r.window,
      sequence: a.sequence,
      reason: null,
    });
  });
  await visits.insertVisits(trx, rows);
  await visits.insertEvents(
    trx,
    rows.map((row) => ({
      id: randomUUID(),
      organization_id: orgId,
      visit_id: row.id,
      from_status: null,
      to_status: 'scheduled',
      reason: 'Weekly plan',
      by_user_id: ctx.actor.userId,
      at: now,
      client_id: null,
    })),
  );
  const staffIds = [...new Set(rows.map((r) => r.staff_id))];
  if (staffIds.length > 0)
    await notifyUsers(
      trx,
      orgId,
      staffIds,
      {
        kind: 'plan.ready',
        params: { week: input.weekStart },
        title: 'Your visits are planned',
        body: `Week of ${input.weekStart}`,
        entityType: 'plan_run',
        entityId: runId,
      },
      now,
    );
  const family = await visits.familyUsersOf(trx, orgId, [...new Set(rows.map((r) => r.patient_id))]);
  const familyIds = [...new Set(family.map((f) => f.userId))];
  if (familyIds.length > 0)
    await notifyUsers(
      trx,
      orgId,
      familyIds,
      {
        kind: 'plan.family-week',
        params: { week: input.weekStart },
        title: 'Visits planned for the week',
        body: `Week of ${input.weekStart}`,
      },
      now,
    );
  return rows.map((r) => `${r.id}|${r.patient_id}`);
}

async function acceptUrgent(
  trx: Conn,
  ctx: RequestContext,
  orgId: string,
  runId: string,
  input: UrgentInput,
  result: StoredResult,
  now: Date,
) {
  const urgent = result.assignments.find((a) => a.key === 'urgent');
  if (!urgent)
    throw conflict(
      'Nobody on shift today can take this visit; it cannot be dispatched.',
      undefined,
      because('planning.nobodyOnShift'),
    );
  const row = input.mergeVisitId
    ? await bringForward(trx, ctx, orgId, input, input.mergeVisitId, urgent, now)
    : await insertUrgent(trx, ctx, orgId, runId, input, urgent, now);
  const touched = [`${row.id}|${row.patient_id}`];
  // visits that moved: only those still just scheduled (one may have set off since the preview)
  for (const a of result.assignments) {
    if (a.key === 'urgent') continue;
    const v = await visits.lockVisit(trx, orgId, a.key);
    if (v?.status !== 'scheduled') continue;
    if (v.staffId !== a.staffId || v.startMin !== a.start || v.sequence !== a.sequence) {
      await visits.updateVisit(trx, orgId, v.id, {
        staff_id: a.staffId,
        start_min: a.start,
        sequence: a.sequence,
        updated_at: now,
      });
      if (v.staffId !== a.staffId) {
        await notifyUsers(
          trx,
          orgId,
          [a.staffId],
          {
            kind: 'visit.reassigned',
            params: { when: `${input.date} ${hhmmOf(a.start)}` },
            title: 'Visit reassigned to you',
            body: `${input.date} ${hhmmOf(a.start)}`,
            entityType: 'visit',
            entityId: v.id,
          },
          now,
        );
        if (v.staffId) await notifyMovedToColleague(trx, orgId, v.staffId, v.id, input.date, now);
      }
      touched.push(`${v.id}|${v.patientId}`);
    }
  }
  await notifyVisitPeople(
    trx,
    orgId,
    { id: row.id, patientId: input.patientId, staffId: urgent.staffId },
    { title: 'Urgent visit', body: `${input.date} ${hhmmOf(urgent.start)}: ${input.reason}` },
    input.mergeVisitId
      ? { title: 'Your visit today comes earlier', body: `Expected around ${hhmmOf(urgent.start)}` }
      : { title: 'An urgent visit is on its way', body: `Expected around ${hhmmOf(urgent.start)}` },
    now,
  );
  return touched;
}

type UrgentPlace = StoredResult['assignments'][number];

async function insertUrgent(
  trx: Conn,
  ctx: RequestContext,
  orgId: string,
  runId: string,
  input: UrgentInput,
  urgent: UrgentPlace,
  now: Date,
) {
  const row = newVisitRow(orgId, runId, ctx.actor.userId, now, {
    patientId: input.patientId,
    discipline: input.discipline,
    kind: 'urgent',
    staffId: urgent.staffId,
    date: input.date,
    start: urgent.start,
    duration: input.durationMinutes,
    window: null,
    sequence: urgent.sequence,
    reason: input.reason,
  });
  await visits.insertVisits(trx, [row]);
  for (const [from, to] of [
    [null, 'requested'],
    ['requested', 'scheduled'],
  ] as const)
    await visits.insertEvent(trx, {
      id: randomUUID(),
      organization_id: orgId,
      visit_id: row.id,
      from_status: from,
      to_status: to,
      reason: to === 'requested' ? input.reason : 'Urgent dispatch',
      by_user_id: ctx.actor.userId,
      at: now,
      client_id: null,
    });
  return row;
}

/**
 * The patient's later visit becomes the urgent one: same visit (the family sees it come
 * earlier, not a second one appear), now with the urgent reason, person and time. The person
 * who had it is told it went to a colleague.
 */
async function bringForward(
  trx: Conn,
  ctx: RequestContext,
  orgId: string,
  input: UrgentInput,
  visitId: string,
  urgent: UrgentPlace,
  now: Date,
) {
  const v = await visits.lockVisit(trx, orgId, visitId);
  if (!v || (v.status !== 'scheduled' && v.status !== 'requested') || v.visitDate !== input.date)
    throw conflict(
      'The visit to bring forward has changed since the preview; preview the urgent visit again.',
      undefined,
      because('planning.sameDayVisitChanged'),
    );
  await visits.updateVisit(trx, orgId, v.id, {
    kind: 'urgent',
    status: 'scheduled',
    staff_id: urgent.staffId,
    start_min: urgent.start,
    sequence: urgent.sequence,
    duration_min: input.durationMinutes,
    window_start: null,
    window_end: null,
    reason: input.reason,
    updated_at: now,
  });
  await visits.insertEvent(trx, {
    id: randomUUID(),
    organization_id: orgId,
    visit_id: v.id,
    from_status: v.status,
    to_status: 'scheduled',
    reason:
      `Brought forward as an urgent visit (was ${v.startMin === null ? 'unscheduled' : hhmmOf(v.startMin)}): ${input.reason}`.slice(
        0,
        500,
      ),
    by_user_id: ctx.actor.userId,
    at: now,
    client_id: null,
  });
  if (v.staffId && v.staffId !== urgent.staffId)
    await notifyMovedToColleague(trx, orgId, v.staffId, v.id, input.date, now);
  return { id: v.id, patient_id: v.patientId };
}

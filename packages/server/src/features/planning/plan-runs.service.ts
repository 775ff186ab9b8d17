import { randomUUID } from 'node:crypto';
import {
  because,
  can,
  conflict,
  forbidden,
  notFound,
  type PlanRun,
  type PlanRunResult,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import {
  type PreparedRun,
  planRunJobsOf,
  planSolveJob,
  planSolveKey,
  type RunRequest,
} from './plan-run-job.ts';
import * as repo from './planning.repository.ts';

export const audience = ['coordinator', 'admin'] as const;

/** A run's result as the run keeps it (the domain's `planRunResultSchema`). */
export type StoredResult = PlanRunResult;

function toPlanRun(row: repo.PlanRunRecord): PlanRun {
  const result = row.result;
  // written by whichever process solves the run, so every process shows the same progress
  const progress = row.progress;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    weekStart: row.weekStart,
    progress: progress ?? {
      fraction: row.status === 'running' ? 0 : 1,
      seconds: 0,
      iterations: 0,
      bestCost: null,
    },
    routes: result?.routes ?? [],
    unassigned: result?.unassigned ?? [],
    measures: result?.measures ?? null,
    capacity: result?.capacity ?? null,
    changes: result?.changes ?? [],
    sameDayVisit: result?.sameDayVisit ?? null,
    urgentTiming: result?.urgentTiming ?? null,
    againstPublished: result?.againstPublished ?? null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function getRun(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const row = await repo.findRun(deps.db, ctx.actor.organizationId, id);
  if (!row) throw notFound('planningRun');
  return toPlanRun(row);
}

/** Tells the coordinators' screens that a run changed (ready, failed, published). */
export const publishRunUpdate = (deps: AppDeps, orgId: string, id: string) =>
  deps.events.publish({ organizationId: orgId, type: 'planning.updated', entityId: id, roles: audience });

/**
 * Stores a prepared run as running with what it was asked, and queues its `planning.solve` job
 * in the same transaction (so a run is never left without one, whichever process dies when);
 * audits the start and begins solving it in this process at once.
 */
export async function startRun(
  deps: AppDeps,
  ctx: RequestContext,
  run: {
    kind: 'week' | 'urgent';
    weekStart: string;
    request: RunRequest;
    prepared: PreparedRun;
    audit: { action: string; patientId?: string };
  },
) {
  const solver = planRunJobsOf(deps);
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  await inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    await repo.insertRun(trx, {
      id,
      organization_id: orgId,
      kind: run.kind,
      status: 'running',
      week_start: run.weekStart,
      input: run.prepared.input,
      result: null,
      error: null,
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
      finished_at: null,
      published_at: null,
      published_by: null,
      request: run.request,
    });
    await JobRunner.enqueue(
      trx,
      orgId,
      planSolveJob,
      deps.clock(),
      { runId: id },
      { idempotencyKey: planSolveKey(id) },
    );
    await audit({
      action: run.audit.action,
      entityType: 'plan_run',
      entityId: id,
      ...(run.audit.patientId ? { patientId: run.audit.patientId } : {}),
    });
  });
  await solver.startHere(orgId, id, run.prepared);
  return getRun(deps, ctx, id);
}

export async function discardRun(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  await inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const run = await repo.lockRun(trx, orgId, id);
    if (!run) throw notFound('planningRun');
    if (run.status === 'published')
      throw conflict(
        'A published plan cannot be discarded; move or cancel its visits.',
        undefined,
        because('planning.publishedNotDiscardable'),
      );
    await repo.updateRun(trx, orgId, id, { status: 'discarded' });
    await audit({ action: 'planning.discard', entityType: 'plan_run', entityId: id });
  });
  return getRun(deps, ctx, id);
}

import { type BoardRoute, can, conflict, forbidden, notFound, type PlanRun } from '@hearth/domain';
import type { Plan, Progress } from '@hearth/planner';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { runPlanner } from './planner-runner.ts';
import * as repo from './planning.repository.ts';

/** Progress of the runs this process is solving (the result itself is stored in plan_run). */
const live = new Map<string, Progress>();
/** The solves this process has under way, so tests (and shutdown) can wait for them. */
const pending = new Set<Promise<unknown>>();
export const settled = () => Promise.allSettled([...pending]);

export const audience = ['coordinator', 'admin'] as const;

export interface StoredResult {
  routes: BoardRoute[];
  unassigned: PlanRun['unassigned'];
  measures: PlanRun['measures'];
  capacity?: PlanRun['capacity'];
  changes: PlanRun['changes'];
  /** What publishing creates or changes. */
  assignments: { key: string; staffId: string; date: string; start: number; sequence: number }[];
  sameDayVisit?: PlanRun['sameDayVisit'];
  againstPublished?: PlanRun['againstPublished'];
}

function toPlanRun(
  row: NonNullable<Awaited<ReturnType<typeof repo.findRun>>>,
  now: Date,
  timeLimit: number,
): PlanRun {
  const result = row.result as unknown as StoredResult | null;
  const progress = live.get(row.id);
  const stale =
    row.status === 'running' &&
    !progress &&
    now.getTime() - row.created_at.getTime() > (timeLimit + 60) * 1000;
  return {
    id: row.id,
    kind: row.kind,
    status: stale ? 'failed' : row.status,
    weekStart: row.week_start,
    progress: progress
      ? {
          fraction: progress.fraction,
          seconds: progress.seconds,
          iterations: progress.iterations,
          bestCost: Number.isFinite(progress.bestCost) ? progress.bestCost : null,
        }
      : { fraction: row.status === 'running' ? 0 : 1, seconds: 0, iterations: 0, bestCost: null },
    routes: result?.routes ?? [],
    unassigned: result?.unassigned ?? [],
    measures: result?.measures ?? null,
    capacity: result?.capacity ?? null,
    changes: result?.changes ?? [],
    sameDayVisit: result?.sameDayVisit ?? null,
    againstPublished: result?.againstPublished ?? null,
    error: stale ? 'The server stopped while planning; start again.' : row.error,
    createdAt: row.created_at.toISOString(),
  };
}

export async function getRun(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(deps.db, orgId);
  const row = await repo.findRun(deps.db, orgId, id);
  if (!row) throw notFound('The planning run');
  return toPlanRun(row, deps.clock(), settings.planningTimeLimitSeconds);
}

export function startSolve(
  deps: AppDeps,
  orgId: string,
  id: string,
  job: Parameters<typeof runPlanner>[0],
  finish: (plan: Plan) => StoredResult,
) {
  live.set(id, { fraction: 0, seconds: 0, iterations: 0, bestCost: Number.NaN });
  const task = runPlanner(job, (p) => live.set(id, p))
    .then(async (plan) => {
      const result = finish(plan);
      await repo.updateRun(deps.db, orgId, id, { status: 'ready', result, finished_at: deps.clock() });
    })
    .catch(async (err: unknown) => {
      await repo.updateRun(deps.db, orgId, id, {
        status: 'failed',
        error: `The planner could not plan this: ${err instanceof Error ? err.message : String(err)}`.slice(
          0,
          2000,
        ),
        finished_at: deps.clock(),
      });
    })
    .finally(async () => {
      live.delete(id);
      pending.delete(task);
      await deps.events.publish({
        organizationId: orgId,
        type: 'planning.updated',
        entityId: id,
        roles: audience,
      });
    });
  pending.add(task);
}

export async function discardRun(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  await deps.db.transaction().execute(async (trx) => {
    const run = await repo.lockRun(trx, orgId, id);
    if (!run) throw notFound('The planning run');
    if (run.status === 'published')
      throw conflict('A published plan cannot be discarded; move or cancel its visits.');
    await repo.updateRun(trx, orgId, id, { status: 'discarded' });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'planning.discard',
      entityType: 'plan_run',
      entityId: id,
    });
  });
  return getRun(deps, ctx, id);
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { urgentVisitBodySchema } from '@hearth/domain';
import type { Plan, Progress } from '@hearth/planner';
import type { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { Periodic } from '../../platform/periodic.ts';
import type { StoredResult } from './plan-runs.service.ts';
import { type PlannerJob, runPlanner } from './planner-runner.ts';
import * as repo from './planning.repository.ts';

export type UrgentRequest = z.output<typeof urgentVisitBodySchema>;

/** What a run was asked, stored with it so any process can prepare the same run again. */
export type RunRequest = { kind: 'week'; weekStart: string } | ({ kind: 'urgent' } & UrgentRequest);

/** A run ready to solve: what publishing needs, the planner's job and how to read its plan. */
export interface PreparedRun {
  input: unknown;
  job: PlannerJob;
  finish: (plan: Plan) => StoredResult;
  /** A second job to solve when the first plan is not good enough (null: keep that plan). */
  retry?: (plan: Plan) => PlannerJob | null;
}

export type PrepareRun = (deps: AppDeps, orgId: string, request: RunRequest) => Promise<PreparedRun>;

/** How often the process solving a run writes its progress and heartbeat. */
export const heartbeatMs = 1000;
/**
 * A heartbeat older than this means the process solving the run is gone. It is many beats long,
 * so a process that is only busy (a long query, a pause for garbage collection) keeps its run.
 */
export const staleAfterMs = 15_000;
/** A run that killed this many processes in turn is failed rather than handed on again. */
const maxAttempts = 3;

const shownProgress = (p: Progress) => ({
  fraction: p.fraction,
  seconds: p.seconds,
  iterations: p.iterations,
  bestCost: Number.isFinite(p.bestCost) ? p.bestCost : null,
});

const failure = (err: unknown) =>
  `The planner could not plan this: ${err instanceof Error ? err.message : String(err)}`.slice(0, 2000);

const workers = new WeakMap<AppDeps, PlanRunWorker>();

/** The plan-run worker of the app these dependencies belong to. */
export function planRunWorkerOf(deps: AppDeps): PlanRunWorker {
  const worker = workers.get(deps);
  if (!worker) throw new Error('This app was built without a plan-run worker.');
  return worker;
}

/**
 * Solves plan runs for one server process and keeps them durable: the run's progress and a
 * heartbeat go to its plan_run row about once a second, so every process reads progress from
 * the database, and a periodic check takes over runs whose heartbeat went stale (their process
 * died), prepares them again from their stored request and finishes them. Writes are fenced by
 * the owner column: a process that lost its run stops solving it and its result is not kept.
 */
export class PlanRunWorker {
  /** This process among all the processes on the database. */
  readonly owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly pending = new Set<Promise<void>>();
  private readonly check: Periodic<number>;

  constructor(
    private readonly deps: AppDeps,
    private readonly prepare: PrepareRun,
    private readonly publishUpdate: (orgId: string, id: string) => Promise<void>,
  ) {
    workers.set(deps, this);
    this.check = new Periodic(
      () => this.takeOverStale(),
      (err) => console.error('hearth: plan-run takeover check failed', err),
    );
  }

  /** Starts the periodic check for runs left behind by a process that died. */
  start(intervalMs = staleAfterMs / 3): void {
    this.check.start(intervalMs);
  }

  /** Stops the check and waits for the runs this process is solving (a graceful shutdown). */
  async stop(): Promise<void> {
    await this.check.stop();
    await this.settled();
  }

  settled() {
    return Promise.allSettled([...this.pending]);
  }

  /**
   * Solves a run whose row names this process as owner. Liveness is judged by the wall clock,
   * not the service clock: it is about this process being alive, which tests never move.
   */
  solve(orgId: string, id: string, prepared: PreparedRun): void {
    const db = this.deps.db;
    const stop = new AbortController();
    let progress: Progress = { fraction: 0, seconds: 0, iterations: 0, bestCost: Number.NaN };
    const beat = setInterval(() => {
      repo
        .writeAsOwner(db, id, this.owner, { progress: shownProgress(progress), heartbeat_at: new Date() })
        .then((stillMine) => {
          if (!stillMine) stop.abort();
        })
        .catch(() => {
          // a failed beat is retried by the next one; the run goes stale only after many
        });
    }, heartbeatMs);
    beat.unref();
    const onProgress = (p: Progress) => {
      progress = p;
    };
    const task = runPlanner(prepared.job, onProgress, stop.signal)
      .then((plan) => {
        const again = prepared.retry?.(plan);
        return again ? runPlanner(again, onProgress, stop.signal) : plan;
      })
      .then(
        (plan) => ({ status: 'ready' as const, input: prepared.input, result: prepared.finish(plan) }),
        (err: unknown) => (stop.signal.aborted ? null : { status: 'failed' as const, error: failure(err) }),
      )
      .catch((err: unknown) => ({ status: 'failed' as const, error: failure(err) }))
      .then(async (outcome) => {
        clearInterval(beat);
        if (!outcome) return;
        const written = await repo.writeAsOwner(db, id, this.owner, {
          ...outcome,
          progress: { ...shownProgress(progress), fraction: 1 },
          finished_at: this.deps.clock(),
        });
        if (written) await this.publishUpdate(orgId, id);
      })
      .catch((err: unknown) => console.error('hearth: could not store a plan run', err))
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /**
   * Claims the runs whose heartbeat went stale and solves them here. A run without a stored
   * request (started before runs were durable) or one that has outlived several processes is
   * failed instead. Answers how many runs were claimed.
   */
  async takeOverStale(): Promise<number> {
    const now = new Date();
    const claimed = await repo.claimStaleRuns(
      this.deps.db,
      this.owner,
      new Date(now.getTime() - staleAfterMs),
      now,
      5,
    );
    for (const row of claimed) {
      const request = row.request as RunRequest | null;
      try {
        if (!request) throw new Error('the server stopped while planning; start again');
        if (row.attempts > maxAttempts) throw new Error('it stopped the server several times');
        this.solve(row.organization_id, row.id, await this.prepare(this.deps, row.organization_id, request));
      } catch (err) {
        await repo.writeAsOwner(this.deps.db, row.id, this.owner, {
          status: 'failed',
          error: failure(err),
          finished_at: this.deps.clock(),
        });
        await this.publishUpdate(row.organization_id, row.id);
      }
    }
    return claimed.length;
  }
}

import type { PlanRunRequest, UrgentRunInput, urgentVisitBodySchema, WeekRunInput } from '@hearth/domain';
import type { Plan, Progress } from '@hearth/planner';
import type { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import type { JobHandler, JobRunner } from '../../platform/jobs/job-runner.ts';
import type { StoredResult } from './plan-runs.service.ts';
import { type PlannerJob, runPlanner } from './planner-runner.ts';
import * as repo from './planning.repository.ts';

export type UrgentRequest = z.output<typeof urgentVisitBodySchema>;

/** What a run was asked, stored with it so any process can prepare the same run again. */
export type RunRequest = PlanRunRequest;

/** A run ready to solve: what publishing needs, the planner's job and how to read its plan. */
export interface PreparedRun {
  input: WeekRunInput | UrgentRunInput;
  job: PlannerJob;
  finish: (plan: Plan) => StoredResult;
  /** A second job to solve when the first plan is not good enough (null: keep that plan). */
  retry?: (plan: Plan) => PlannerJob | null;
}

export type PrepareRun = (deps: AppDeps, orgId: string, request: RunRequest) => Promise<PreparedRun>;

export const planSolveJob = 'planning.solve';
/** One job per run: the run's job is found by this key, and a run is never queued twice. */
export const planSolveKey = (runId: string) => `${planSolveJob}:${runId}`;

/** How often the process solving a run writes its progress (and learns whether it still may). */
export const progressEveryMs = 1000;
/**
 * Plans solved at once by one process from the queue (runs taken over from a process that died,
 * or queued while this one was busy). Each takes a CPU core for its whole time limit.
 */
const solversPerProcess = 2;
/**
 * The lease of a solving process: it beats every 5 s, so a run whose process died passes to
 * another within 15 s while the coordinator watches its progress (the shared job lease, 60 s by
 * default, is sized for e-mail). Never longer than the shared lease a deployment has set.
 */
const solveLeaseMs = 15_000;
/** A run whose job was started this many times without finishing is failed rather than tried again. */
const maxAttempts = 3;

const shownProgress = (p: Progress) => ({
  fraction: p.fraction,
  seconds: p.seconds,
  iterations: p.iterations,
  bestCost: Number.isFinite(p.bestCost) ? p.bestCost : null,
});

const failure = (err: unknown) =>
  `The planner could not plan this: ${err instanceof Error ? err.message : String(err)}`.slice(0, 2000);

const solvers = new WeakMap<AppDeps, PlanRunJobs>();

/** The plan-run jobs of the app these dependencies belong to. */
export function planRunJobsOf(deps: AppDeps): PlanRunJobs {
  const jobs = solvers.get(deps);
  if (!jobs) throw new Error('This app was built without plan-run jobs.');
  return jobs;
}

/**
 * Solves plan runs as `planning.solve` jobs of the job table: the runner's claim, lease and
 * heartbeat decide which process solves a run, and a run whose process died is claimed by
 * another once the lease has passed and solved again from the request stored in its row. While
 * it solves, the holder writes progress to the plan_run row about once a second, so any process
 * reports it. Every write (progress, result, failure) is fenced by the job's lease: a process
 * that lost its lease, or whose run was discarded, stops its worker thread and stores nothing.
 */
export class PlanRunJobs {
  /** Runs this process prepared while answering the request that started them, by run id. */
  private readonly preparedHere = new Map<string, PreparedRun>();

  constructor(
    deps: AppDeps,
    private readonly jobs: JobRunner,
    private readonly prepare: PrepareRun,
    private readonly publishUpdate: (orgId: string, id: string) => Promise<void>,
  ) {
    solvers.set(deps, this);
    jobs.register(planSolveJob, this.solve, {
      long: { concurrency: solversPerProcess, leaseMs: Math.min(solveLeaseMs, deps.config.jobs.leaseMs) },
    });
  }

  /**
   * Starts solving a run whose job was just queued, here and at once, with what the request
   * already prepared. Should another process have claimed the job first, that one prepares it.
   */
  async startHere(orgId: string, runId: string, prepared: PreparedRun): Promise<void> {
    this.preparedHere.set(runId, prepared);
    if (!(await this.jobs.runNow(orgId, planSolveKey(runId)))) this.preparedHere.delete(runId);
  }

  private readonly solve: JobHandler<typeof planSolveJob> = async (deps, job) => {
    const { runId } = job.payload;
    const orgId = job.organizationId;
    const preparedHere = this.preparedHere.get(runId);
    this.preparedHere.delete(runId);
    /** Writes as the holder of the job's lease; false when the lease or the run is gone. */
    const fenced = (patch: Parameters<typeof repo.writeRunning>[3]) =>
      deps.db.transaction().execute(async (trx) => {
        if (!(await job.holds(trx))) return false;
        return repo.writeRunning(trx, orgId, runId, patch);
      });
    const fail = async (err: unknown) => {
      if (await fenced({ status: 'failed', error: failure(err), finished_at: deps.clock() }))
        await this.publishUpdate(orgId, runId);
    };

    const row = await repo.findRun(deps.db, orgId, runId);
    // discarded meanwhile, or finished by a holder that lost its lease only afterwards
    if (row?.status !== 'running') return;
    let prepared: PreparedRun;
    try {
      if (preparedHere) prepared = preparedHere;
      else {
        const request = row.request;
        if (!request) throw new Error('the server stopped while planning; start again');
        if (job.attempt > maxAttempts)
          throw new Error(`it was started ${maxAttempts} times without finishing`);
        prepared = await this.prepare(deps, orgId, request);
      }
    } catch (err) {
      return fail(err);
    }

    // lost, or handed back by a stopping process, while it was being prepared
    if (job.signal.aborted) return;
    const stop = new AbortController();
    job.signal.addEventListener('abort', () => stop.abort(), { once: true });
    let progress: Progress = { fraction: 0, seconds: 0, iterations: 0, bestCost: Number.NaN };
    let beat: Promise<unknown> = Promise.resolve();
    const progressTimer = setInterval(() => {
      beat = beat
        .then(() => fenced({ progress: shownProgress(progress) }))
        .then((stillMine) => {
          if (!stillMine) stop.abort();
        })
        // a failed write is made up by the next; the lease is kept by the runner's heartbeat
        .catch(() => {});
    }, progressEveryMs);
    progressTimer.unref();
    try {
      const onProgress = (p: Progress) => {
        progress = p;
      };
      const outcome = await runPlanner(prepared.job, onProgress, stop.signal)
        .then((plan) => {
          const again = prepared.retry?.(plan);
          return again ? runPlanner(again, onProgress, stop.signal) : plan;
        })
        .then(
          (plan) => ({ status: 'ready' as const, input: prepared.input, result: prepared.finish(plan) }),
          (err: unknown) => (stop.signal.aborted ? null : { status: 'failed' as const, error: failure(err) }),
        )
        // reading the plan failed
        .catch((err: unknown) => ({ status: 'failed' as const, error: failure(err) }));
      clearInterval(progressTimer);
      await beat;
      if (!outcome) return;
      const written = await fenced({
        ...outcome,
        progress: { ...shownProgress(progress), fraction: 1 },
        finished_at: deps.clock(),
      });
      if (written) await this.publishUpdate(orgId, runId);
    } catch (err) {
      // the runner tries again later; on its last try the run is failed, so it cannot hang
      if (job.finalAttempt) await fail(err).catch(() => {});
      throw err;
    } finally {
      clearInterval(progressTimer);
    }
  };
}

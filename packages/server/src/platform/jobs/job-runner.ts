import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { Periodic } from '../periodic.ts';
import * as repo from './job.repository.ts';

export type JobHandler = (
  deps: AppDeps,
  job: {
    id: string;
    organizationId: string;
    payload: Record<string, unknown>;
    /** The runner will not try again if this attempt fails: the handler can record the failure. */
    finalAttempt: boolean;
  },
) => Promise<void>;

const maxAttempts = 5;

/**
 * Durable timers: a job row is written in the same transaction as the thing that needs it
 * (a callback deadline, say), so a restart never forgets it. `runDue` is called on a timer
 * in production and directly by tests.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly periodic = new Periodic(() => this.runBatch());

  constructor(private readonly deps: AppDeps) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  static async enqueue(
    db: Conn,
    organizationId: string,
    kind: string,
    runAt: Date,
    payload: Record<string, unknown>,
  ) {
    await repo.enqueueJob(db, {
      id: randomUUID(),
      organization_id: organizationId,
      kind,
      payload,
      run_at: runAt,
    });
  }

  /** Runs every job due now; returns how many ran. */
  runDue(): Promise<number> {
    return this.periodic.run();
  }

  private async runBatch(): Promise<number> {
    const now = this.deps.clock();
    const jobs = await repo.claimDueJobs(this.deps.db, now, 50, 5 * 60_000);
    for (const job of jobs) {
      const handler = this.handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(this.deps, {
          id: job.id,
          organizationId: job.organization_id,
          payload: job.payload,
          finalAttempt: job.attempts >= maxAttempts,
        });
        await repo.finishJob(this.deps.db, job.id);
      } catch (err) {
        const retryAt =
          job.attempts < maxAttempts ? new Date(now.getTime() + 60_000 * 2 ** job.attempts) : null;
        await repo.failJob(this.deps.db, job.id, err instanceof Error ? err.message : String(err), retryAt);
      }
    }
    return jobs.length;
  }

  start(intervalMs: number): void {
    this.periodic.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}

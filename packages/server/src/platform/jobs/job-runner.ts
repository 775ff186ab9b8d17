import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { checkJobPayload, type JobKind, type JobPayload, type JobPayloadInput } from '@hearth/domain';
import type { AppDeps } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { Periodic } from '../periodic.ts';
import * as repo from './job.repository.ts';

interface RunningJob<P> {
  id: string;
  organizationId: string;
  payload: P;
  /** 1 for the first claim, one more for each retry or takeover. */
  attempt: number;
  /** The runner will not try again if this attempt fails: the handler can record the failure. */
  finalAttempt: boolean;
  /**
   * Aborted when this runner no longer holds the job: its lease passed and another runner took
   * it over, or (long kinds) this process is stopping and hands the job back. Work that takes
   * long stops on it; whatever it would still write is no longer its to write.
   */
  signal: AbortSignal;
  /**
   * Whether this runner still holds the job. Called in a transaction it also locks the job's row
   * until commit, so the job cannot pass to another runner before the caller's writes land:
   * writes fenced by it are never those of a runner that lost its lease.
   */
  holds(conn: Conn): Promise<boolean>;
}

export interface JobKindOptions {
  /**
   * For work that takes long (solving a plan): each such job runs beside the pass, under its own
   * lease and heartbeat, so e-mails and deadlines do not wait behind it; at most `concurrency`
   * of the kind run at once in this process, and a stopping process hands them back to the queue.
   * `leaseMs` gives the kind a lease of its own (default: the runner's): a plan a coordinator is
   * watching should pass to another process within seconds of its solver's death, while an
   * e-mail's lease stays long enough to ride out a slow server.
   */
  long?: { concurrency: number; leaseMs?: number };
}

export type JobHandler<K extends JobKind> = (deps: AppDeps, job: RunningJob<JobPayload<K>>) => Promise<void>;

/** A payload that does not fit its kind's schema: a mistake in the code that queued it. */
export class JobPayloadError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'JobPayloadError';
  }
}

export interface JobRunnerSettings {
  /** How long a claim holds before another runner may take the job over. */
  leaseMs: number;
  /** How many jobs one claim takes; small, so one runner never sits on a queue it cannot reach. */
  claimSize: number;
  /** Finished (done or failed) jobs older than this are deleted. */
  retentionDays: number;
}

const maxAttempts = 5;
/** A pass stops after this many jobs, so a stream of due jobs cannot keep one pass going forever. */
const jobsPerPass = 50;
const purgeBatch = 1_000;
const purgeBatchesPerPass = 10;
const purgeEveryMs = 3_600_000;

/**
 * Durable timers: a job row is written in the same transaction as the thing that needs it
 * (a callback deadline, say), so a restart never forgets it. `runDue` is called on a timer
 * in production and directly by tests.
 *
 * Each runner claims a few jobs at a time under a lease and renews the lease (a heartbeat) while
 * it works through them, so a slow job (an e-mail to a sluggish server) is never taken by another
 * process while this one is still on it; a job whose runner died is taken over once its lease
 * has passed.
 */
export class JobRunner {
  /** Names this runner in the leases it holds: host and process first, so an operator can tell whose. */
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly handlers = new Map<string, (deps: AppDeps, job: RunningJob<unknown>) => Promise<void>>();
  private readonly periodic = new Periodic(() => this.runPass());
  private readonly settings: JobRunnerSettings;
  private lastPurgeAt: number | null = null;
  /** Long kinds with how many of each this process runs now. */
  private readonly longKinds = new Map<string, { concurrency: number; leaseMs: number; running: number }>();
  /** The long jobs under way here, each with what stops it. */
  private readonly detached = new Map<string, { task: Promise<void>; stop: AbortController }>();
  /** Claims of long jobs, one at a time, so two cannot both fill the same free place. */
  private longClaims: Promise<number> = Promise.resolve(0);
  private stopping = false;

  constructor(
    private readonly deps: AppDeps,
    settings: Partial<JobRunnerSettings> = {},
  ) {
    this.settings = { ...deps.config.jobs, ...settings };
  }

  register<K extends JobKind>(kind: K, handler: JobHandler<K>, options: JobKindOptions = {}): void {
    if (options.long)
      this.longKinds.set(kind, {
        concurrency: options.long.concurrency,
        leaseMs: options.long.leaseMs ?? this.settings.leaseMs,
        running: 0,
      });
    this.handlers.set(kind, async (deps, job) => {
      // parsed again at run time: the row may come from an older release, or from outside
      const check = checkJobPayload(kind, job.payload);
      if (!check.ok) throw new JobPayloadError(check.problem);
      await handler(deps, { ...job, payload: check.payload });
    });
  }

  /**
   * Queues a job, in the caller's transaction when `db` is one. A payload that does not fit the
   * kind's schema is refused here with a `JobPayloadError` naming the fields at fault. With an
   * idempotency key, a job with the same key already queued in the organization (pending,
   * running or finished and not yet purged) means nothing is added. Returns whether a job was
   * added.
   */
  static async enqueue<K extends JobKind>(
    db: Conn,
    organizationId: string,
    kind: K,
    runAt: Date,
    payload: JobPayloadInput<K>,
    options: { idempotencyKey?: string } = {},
  ): Promise<boolean> {
    const check = checkJobPayload(kind, payload);
    if (!check.ok) throw new JobPayloadError(check.problem);
    return repo.enqueueJob(db, {
      id: randomUUID(),
      organization_id: organizationId,
      kind,
      payload: check.payload,
      run_at: runAt,
      idempotency_key: options.idempotencyKey ?? null,
    });
  }

  /**
   * Runs jobs due now (up to a pass's worth), starts the long ones there is room for and purges
   * old finished ones; returns how many ran or started.
   */
  runDue(): Promise<number> {
    return this.periodic.run();
  }

  /**
   * Starts the pending job with this idempotency key in this process now, beside the pass, for
   * a request that queued work it wants begun at once (a plan run). False when another runner
   * took it first or this process is stopping; the job then runs wherever it is claimed.
   */
  async runNow(organizationId: string, idempotencyKey: string): Promise<boolean> {
    if (this.stopping) return false;
    const now = this.deps.clock();
    const job = await repo.claimKeyedJob(
      this.deps.db,
      this.id,
      { organizationId, idempotencyKey },
      { now, leaseUntil: this.leaseFrom(now) },
    );
    if (!job) return false;
    // the key did not say the kind; a long kind with its own lease holds the job by that from now
    const ownLease = this.longKinds.get(job.kind)?.leaseMs;
    if (ownLease !== undefined && ownLease !== this.settings.leaseMs)
      await repo.extendLeases(this.deps.db, this.id, [job.id], this.leaseFrom(now, ownLease));
    this.startDetached(job);
    return true;
  }

  private async runPass(): Promise<number> {
    await this.purgeIfDue();
    const started = await this.claimLong();
    // jobs queued by this pass's own jobs (a bulk export's next batch, e-mails about a reminder)
    // wait for the next pass, so one pass is a bounded step, as tests and operators expect
    const queuedBefore = await repo.databaseNow(this.deps.db);
    let ran = 0;
    while (ran < jobsPerPass) {
      const now = this.deps.clock();
      const size = Math.min(this.settings.claimSize, jobsPerPass - ran);
      const claimed = await repo.claimDueJobs(this.deps.db, this.id, {
        now,
        leaseUntil: this.leaseFrom(now),
        limit: size,
        queuedBefore,
        kinds: { except: [...this.longKinds.keys()] },
      });
      if (claimed.length === 0) break;
      await this.runClaimed(claimed);
      ran += claimed.length;
    }
    return ran + started;
  }

  /** Claims due long jobs (and those whose runner died) up to each kind's free places and starts them. */
  private claimLong(): Promise<number> {
    this.longClaims = this.longClaims.then(async () => {
      let started = 0;
      for (const [kind, load] of this.longKinds) {
        const free = load.concurrency - load.running;
        if (this.stopping || free <= 0) continue;
        const now = this.deps.clock();
        const claimed = await repo.claimDueJobs(this.deps.db, this.id, {
          now,
          leaseUntil: this.leaseFrom(now, load.leaseMs),
          limit: free,
          kinds: { only: [kind] },
        });
        for (const job of claimed) this.startDetached(job);
        started += claimed.length;
      }
      return started;
    });
    return this.longClaims;
  }

  /** Runs one claimed job beside the pass; when it ends, the next queued long job may start. */
  private startDetached(job: repo.ClaimedJob): void {
    const stop = new AbortController();
    const load = this.longKinds.get(job.kind);
    if (load) load.running++;
    const task = this.runClaimed([job], stop.signal, load?.leaseMs)
      .catch((err: unknown) => console.error(`hearth: job ${job.id} (${job.kind}) ended badly`, err))
      .finally(() => {
        this.detached.delete(job.id);
        if (load) load.running--;
        if (!this.stopping) this.claimLong().catch((err) => console.error('hearth: job claim failed', err));
      });
    this.detached.set(job.id, { task, stop });
  }

  private leaseFrom(now: Date, leaseMs = this.settings.leaseMs): Date {
    return new Date(now.getTime() + leaseMs);
  }

  /**
   * Runs one claim's jobs in order, renewing the lease of those not yet finished meanwhile; a job
   * whose lease the heartbeat finds taken is told so through its signal. Once `handBack` is
   * aborted (a long job of a stopping process) the job goes back to the queue instead of ending.
   */
  private async runClaimed(
    claimed: repo.ClaimedJob[],
    handBack?: AbortSignal,
    leaseMs = this.settings.leaseMs,
  ): Promise<void> {
    const held = new Map(claimed.map((j) => [j.id, new AbortController()]));
    handBack?.addEventListener('abort', () => {
      for (const lost of held.values()) lost.abort(handBack.reason);
    });
    let beat: Promise<unknown> = Promise.resolve();
    const heartbeat = setInterval(
      () => {
        beat = beat
          .then(async () => {
            const ids = [...held.keys()];
            const kept = new Set(
              await repo.extendLeases(this.deps.db, this.id, ids, this.leaseFrom(this.deps.clock(), leaseMs)),
            );
            for (const id of ids) if (!kept.has(id)) held.get(id)?.abort(new Error('lease lost'));
          })
          // a missed beat is made up by the next; the lease has room for two
          .catch(() => {});
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      for (const job of claimed) {
        await this.runOne(job, held.get(job.id)!.signal, handBack);
        held.delete(job.id);
      }
    } finally {
      clearInterval(heartbeat);
      await beat;
    }
  }

  private async runOne(job: repo.ClaimedJob, signal: AbortSignal, handBack?: AbortSignal): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(this.deps, {
        id: job.id,
        organizationId: job.organizationId,
        payload: job.payload,
        attempt: job.attempts,
        finalAttempt: job.attempts >= maxAttempts,
        signal,
        holds: (conn) => repo.lockHeldJob(conn, this.id, job.id),
      });
      if (handBack?.aborted) await repo.releaseJob(this.deps.db, this.id, job.id, this.deps.clock());
      else await repo.finishJob(this.deps.db, this.id, job.id, this.deps.clock());
    } catch (err) {
      const now = this.deps.clock();
      if (handBack?.aborted) {
        await repo.releaseJob(this.deps.db, this.id, job.id, now);
        return;
      }
      // a payload that does not parse will not parse next time either
      const retry = job.attempts < maxAttempts && !(err instanceof JobPayloadError);
      const retryAt = retry ? new Date(now.getTime() + 60_000 * 2 ** job.attempts) : null;
      const message = err instanceof Error ? err.message : String(err);
      await repo.failJob(this.deps.db, this.id, job.id, message, retryAt, now);
    }
  }

  /**
   * Deletes finished jobs past the retention period, a batch at a time; at most once an hour
   * once caught up, and on every pass while a backlog remains.
   */
  private async purgeIfDue(): Promise<void> {
    const now = this.deps.clock().getTime();
    if (this.lastPurgeAt !== null && now - this.lastPurgeAt < purgeEveryMs) return;
    const cutoff = new Date(now - this.settings.retentionDays * 86_400_000);
    for (let i = 0; i < purgeBatchesPerPass; i++) {
      if ((await repo.purgeFinishedJobs(this.deps.db, cutoff, purgeBatch)) < purgeBatch) {
        this.lastPurgeAt = now;
        return;
      }
    }
  }

  start(intervalMs: number): void {
    this.periodic.start(intervalMs);
  }

  /**
   * Stops the timer and waits for the pass under way; long jobs are stopped and handed back to
   * the queue, so another process carries on with them at once.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.periodic.stop();
    await this.longClaims.catch(() => {});
    const running = [...this.detached.values()];
    for (const { stop } of running) stop.abort(new Error('the server is stopping'));
    await Promise.allSettled(running.map((r) => r.task));
  }
}

import type { Db } from '../db/database.ts';
import type { Agent } from './harness.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls a plan run through HTTP until it has landed (no longer running) and answers the run as
 * the agent sees it. The run goes on after the request that started it answered.
 */
export async function waitForRun(agent: Agent, id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await agent.get(`/api/v1/planning/runs/${id}`);
    if (run.status !== 200) throw new Error(`planning run ${id}: ${run.status} ${run.raw}`);
    if (run.body.status !== 'running') return run.body;
    if (Date.now() > until) throw new Error(`planning run ${id} still running after ${timeoutMs} ms`);
    await pause(100);
  }
}

/**
 * Waits until no plan run of the database is running. A run started by a request writes its
 * result (and audit events) later; a test that counts writes around one request must not see
 * another request's run land in its window.
 */
export async function waitForPlanRuns(db: Db, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const running = await db
      .selectFrom('plan_run')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'running')
      .executeTakeFirstOrThrow();
    if (Number(running.n) === 0) return;
    if (Date.now() > until) throw new Error(`${running.n} plan runs still running after ${timeoutMs} ms`);
    await pause(100);
  }
}

import type { Db } from './database.ts';

/**
 * Waits until no plan run is being solved. A run started by a request goes on after the answer
 * and writes its result (and audit events) later; a test that counts writes around one request
 * must not see another request's run land in its window. Test only.
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
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

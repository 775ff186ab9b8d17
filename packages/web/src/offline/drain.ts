import type { HeldCommand, OutboxCommand, SendOutcome } from './commands.ts';

/** Where the queue lives (IndexedDB on the phone, memory in unit tests). */
export interface OutboxStore {
  /** Every waiting command, oldest first. */
  pending(): Promise<OutboxCommand[]>;
  add(command: OutboxCommand): Promise<void>;
  remove(clientId: string): Promise<void>;
  /** Moves a waiting command to the held list (one step, so it is never in both or neither). */
  hold(command: HeldCommand): Promise<void>;
  held(): Promise<HeldCommand[]>;
  /** Takes a held command off the held list; `requeue` puts it at the end of the queue. */
  release(clientId: string, requeue: OutboxCommand | null): Promise<void>;
}

export interface DrainResult {
  sent: number;
  held: number;
  /** Why sending stopped before the queue was empty, if it did. */
  stopped: null | { kind: 'later'; reason: string } | { kind: 'login' };
}

/**
 * Sends one user's waiting commands strictly in order (a check-out never overtakes its
 * check-in). A network failure or a busy server stops the run and keeps everything; a lost
 * session stops it too and keeps everything; a refusal sets that one command aside with the
 * server's reason and goes on with the next, so one bad command cannot block the day's work.
 * Commands of anyone else on the same phone are left alone.
 */
export async function drain(
  store: OutboxStore,
  userId: string,
  send: (command: OutboxCommand) => Promise<SendOutcome>,
  now: () => Date = () => new Date(),
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, held: 0, stopped: null };
  for (;;) {
    const next = (await store.pending()).find((c) => c.userId === userId);
    if (!next) return result;
    const outcome = await send(next);
    if (outcome.kind === 'sent') {
      await store.remove(next.clientId);
      result.sent++;
    } else if (outcome.kind === 'refused') {
      await store.hold({
        ...next,
        status: outcome.status,
        reason: outcome.reason,
        heldAt: now().toISOString(),
      });
      result.held++;
    } else {
      result.stopped = outcome.kind === 'login' ? { kind: 'login' } : outcome;
      return result;
    }
  }
}

import { ApiError, isRecord, type ServerError } from '../api/api-error.ts';
import type { HeldCommand, OutboxCommand } from './commands.ts';
import { drain, type OutboxStore } from './drain.ts';
import { readKv, writeKv } from './field-db.ts';
import { idbOutboxStore } from './idb-store.ts';
import { sendCommand } from './send.ts';

/** What the status bar and the screens show about the phone's unsent work. */
export interface OutboxState {
  /** The logged-in person's waiting commands, oldest first. */
  pending: OutboxCommand[];
  /** Their commands the server refused, waiting for them to act. */
  held: HeldCommand[];
  online: boolean;
  sending: boolean;
  /** The server answered 401 while sending: log in again to send the rest. */
  needsLogin: boolean;
  /** When the queue last emptied (ISO), or null. */
  lastSyncedAt: string | null;
  /** Why the last run stopped early ("offline", a 5xx message), or null. */
  problem: string | null;
  /** The queue has been read from the phone's database. */
  loaded: boolean;
}

export type NewCommand = Omit<OutboxCommand, 'clientId' | 'userId' | 'at'> & { clientId?: string };

const lastSyncedKey = 'lastSyncedAt';

/**
 * The phone's outbox (reference: offline-first field app). Every field write goes through
 * `submit`: with a connection and nothing waiting it is sent at once; otherwise it waits here in
 * IndexedDB and is sent in order when the connection comes back, on a timer and at start-up.
 */
export function createOutbox(store: OutboxStore, send = sendCommand) {
  let userId: string | null = null;
  let state: OutboxState = {
    pending: [],
    held: [],
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    sending: false,
    needsLogin: false,
    lastSyncedAt: null,
    problem: null,
    loaded: false,
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<OutboxState>) => {
    state = { ...state, ...patch };
    for (const fn of listeners) fn();
  };
  const mine = <T extends OutboxCommand>(list: T[]) => list.filter((c) => c.userId === userId);
  const reload = async () =>
    set({ pending: mine(await store.pending()), held: mine(await store.held()), loaded: true });

  let running: Promise<void> | null = null;
  /** Sends what is waiting; one run at a time. */
  function flush(): Promise<void> {
    if (running) return running;
    const who = userId;
    if (!who || state.needsLogin) return reload();
    running = (async () => {
      set({ sending: true });
      const result = await drain(store, who, send);
      if (result.stopped?.kind === 'login') set({ needsLogin: true });
      else if (result.stopped) set({ problem: result.stopped.reason });
      else {
        const at = new Date().toISOString();
        await writeKv(lastSyncedKey, at).catch(() => undefined);
        set({ problem: null, lastSyncedAt: at });
      }
    })()
      .catch((e: unknown) => set({ problem: e instanceof Error ? e.message : String(e) }))
      .finally(async () => {
        running = null;
        await reload();
        set({ sending: false });
      });
    return running;
  }

  return {
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    getState: () => state,

    /** Who is logged in now (null after logout): only their commands are shown and sent. */
    setSession(id: string | null) {
      if (id === userId) return;
      userId = id;
      set({ needsLogin: false, pending: [], held: [] });
      void flush();
    },
    /** A fresh login: the 401 that stopped sending is over. */
    renewed(id: string) {
      userId = id;
      set({ needsLogin: false });
      void flush();
    },
    setOnline(online: boolean) {
      set({ online });
      if (online) void flush();
    },
    flush,

    /**
     * Sends a write now when that is safe, else queues it. Resolves to the server's answer, or
     * `null` when it waits on the phone. A refusal of a write sent at once is thrown as usual, so
     * a form can show it under its fields; a queued write the server refuses later is held.
     */
    async submit<T>(input: NewCommand): Promise<T | null> {
      if (!userId) throw new ApiError(401, 'UNAUTHENTICATED', 'Log in again.');
      const command: OutboxCommand = {
        ...input,
        clientId: input.clientId ?? crypto.randomUUID(),
        userId,
        at: new Date().toISOString(),
      };
      if (running) await running.catch(() => undefined);
      const waiting = mine(await store.pending()).length > 0;
      if (state.online && !waiting && !state.needsLogin) {
        const outcome = await send(command);
        if (outcome.kind === 'sent') {
          set({ lastSyncedAt: new Date().toISOString(), problem: null });
          return outcome.body as T;
        }
        // a dose the guard refuses comes back as a refused record: the form shows it as before
        if (outcome.kind === 'refused' && outcome.status < 400) return outcome.body as T;
        if (outcome.kind === 'refused') {
          const err = (outcome.body as { error?: ServerError } | undefined)?.error;
          throw new ApiError(
            outcome.status,
            err?.code ?? 'REFUSED',
            outcome.reason,
            err?.details,
            undefined,
            typeof err?.reason === 'string' ? err.reason : undefined,
            isRecord(err?.params) ? err.params : undefined,
          );
        }
        if (outcome.kind === 'login') set({ needsLogin: true });
        else set({ problem: outcome.reason });
      }
      await store.add(command);
      await reload();
      return null;
    },

    /** Puts a held command back at the end of the queue and sends. */
    async retry(clientId: string) {
      const h = state.held.find((c) => c.clientId === clientId);
      if (!h) return;
      const { status: _s, reason: _r, heldAt: _h, ...command } = h;
      await store.release(clientId, command);
      await reload();
      void flush();
    },
    /** Drops a held command (the nurse confirmed). */
    async discard(clientId: string) {
      await store.release(clientId, null);
      await reload();
    },
    async start() {
      const at = await readKv<string>(lastSyncedKey).catch(() => undefined);
      if (at) set({ lastSyncedAt: at });
      await reload();
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

/** The one outbox of this page. */
export const outbox = createOutbox(idbOutboxStore);

let started = false;
/** Sends on reconnect and every 15 s; called once when the app starts. */
export function startOutbox() {
  if (started || typeof window === 'undefined') return;
  started = true;
  void outbox.start();
  window.addEventListener('online', () => outbox.setOnline(true));
  window.addEventListener('offline', () => outbox.setOnline(false));
  setInterval(() => {
    if (outbox.getState().pending.length > 0) void outbox.flush();
  }, 15_000);
}

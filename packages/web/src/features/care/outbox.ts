import { isApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';

/**
 * The field phone's offline tolerance (reference/fhir-and-offline.md, section 3): each visit
 * form keeps a draft in localStorage as it is typed (it survives a reload), and every action on a
 * visit becomes a command in an outbox with a client id (the server does it once however often
 * it arrives) and the device time. The outbox is sent in order at once, when the connection
 * comes back, on a timer and at start-up. A command the server refuses is kept aside and shown,
 * never silently dropped.
 */
export interface Command {
  clientId: string;
  visitId: string;
  kind: 'transition' | 'complete';
  body: Record<string, unknown>;
  at: string;
}

const outboxKey = 'hearth.outbox';
const rejectedKey = 'hearth.outbox.rejected';
const draftKey = (visitId: string) => `hearth.visitDraft.${visitId}`;

const read = <T>(key: string, fallback: T): T => {
  try {
    const v = localStorage.getItem(key);
    return v ? (JSON.parse(v) as T) : fallback;
  } catch {
    return fallback;
  }
};
const write = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));

export const pendingCommands = () => read<Command[]>(outboxKey, []);
export const rejectedCommands = () => read<(Command & { message: string })[]>(rejectedKey, []);

const listeners = new Set<() => void>();
export const onOutboxChange = (fn: () => void) => {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
};
const changed = () => {
  for (const fn of listeners) fn();
};

export function enqueue(cmd: Omit<Command, 'clientId' | 'at'>) {
  const full: Command = { ...cmd, clientId: crypto.randomUUID(), at: new Date().toISOString() };
  write(outboxKey, [...pendingCommands(), full]);
  changed();
  void flush();
}

let flushing: Promise<void> | null = null;

/** Sends what is waiting, in order; stops at the first network failure and tries again later. */
export function flush(): Promise<void> {
  if (flushing) return flushing;
  // the clean-up runs after the assignment even when there is nothing to send
  flushing = (async () => {
    for (;;) {
      const [next] = pendingCommands();
      if (!next) return;
      const path = next.kind === 'complete' ? 'complete' : 'transition';
      try {
        await api.post(`/visits/${next.visitId}/${path}`, {
          ...next.body,
          clientId: next.clientId,
          at: next.at,
        });
      } catch (e) {
        if (!isApiError(e) || e.status === 0 || e.status >= 500 || e.status === 401) return;
        write(rejectedKey, [...rejectedCommands(), { ...next, message: e.message }]);
      }
      write(
        outboxKey,
        pendingCommands().filter((c) => c.clientId !== next.clientId),
      );
      if (next.kind === 'complete') localStorage.removeItem(draftKey(next.visitId));
      changed();
    }
  })().finally(() => {
    flushing = null;
    changed();
  });
  return flushing;
}

export interface Draft {
  assessment: string;
  done: string;
  taught: string;
  notes: string;
  nextSteps: string;
}
export const emptyDraft: Draft = { assessment: '', done: '', taught: '', notes: '', nextSteps: '' };
export const loadDraft = (visitId: string): Draft => ({
  ...emptyDraft,
  ...read<Partial<Draft>>(draftKey(visitId), {}),
});
export const saveDraft = (visitId: string, d: Draft) => write(draftKey(visitId), d);
export const hasDraft = (visitId: string) => localStorage.getItem(draftKey(visitId)) !== null;

/** Patient data on the phone goes at logout. */
export function clearFieldData() {
  for (const k of Object.keys(localStorage))
    if (k.startsWith('hearth.visitDraft.') || k.startsWith('hearth.outbox')) localStorage.removeItem(k);
  // the service worker's offline copy of the day's visits (packages/web/service-worker/sw.js)
  if ('caches' in window) void caches.delete('hearth-field-data');
}

let started = false;
/** Sends on reconnect and every 15 s while the app is open. */
export function startOutbox() {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flush());
  setInterval(() => {
    if (pendingCommands().length > 0) void flush();
  }, 15_000);
  void flush();
}

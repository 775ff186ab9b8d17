import type { HeldCommand, OutboxCommand } from './commands.ts';
import type { OutboxStore } from './drain.ts';
import { fieldDb } from './field-db.ts';

/** The outbox store over IndexedDB; the auto-increment key keeps commands in the order made. */
const strip = ({ seq: _seq, ...c }: OutboxCommand & { seq?: number }): OutboxCommand => c;

export const idbOutboxStore: OutboxStore = {
  async pending() {
    return (await (await fieldDb()).getAll('outbox')).map(strip);
  },
  async add(command) {
    await (await fieldDb()).add('outbox', command);
  },
  async remove(clientId) {
    const db = await fieldDb();
    const tx = db.transaction('outbox', 'readwrite');
    const key = await tx.store.index('byClientId').getKey(clientId);
    if (key !== undefined) await tx.store.delete(key);
    await tx.done;
  },
  async hold(command: HeldCommand) {
    const db = await fieldDb();
    const tx = db.transaction(['outbox', 'held'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    const key = await outbox.index('byClientId').getKey(command.clientId);
    if (key !== undefined) await outbox.delete(key);
    await tx.objectStore('held').put(key === undefined ? command : { ...command, queuedSeq: key });
    await tx.done;
  },
  async held() {
    // held times have millisecond resolution: two refusals of one sync tie, and the queue's order decides
    return (await (await fieldDb()).getAll('held')).sort(
      (a, b) =>
        a.heldAt.localeCompare(b.heldAt) ||
        (a.queuedSeq ?? Number.MAX_SAFE_INTEGER) - (b.queuedSeq ?? Number.MAX_SAFE_INTEGER),
    );
  },
  async release(clientId, requeue) {
    const db = await fieldDb();
    const tx = db.transaction(['outbox', 'held'], 'readwrite');
    await tx.objectStore('held').delete(clientId);
    if (requeue) await tx.objectStore('outbox').add(requeue);
    await tx.done;
  },
};

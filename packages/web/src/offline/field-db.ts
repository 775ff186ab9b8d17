import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { HeldCommand, OutboxCommand } from './commands.ts';

/**
 * The phone's own database. The outbox lives here (not in the service worker and not in
 * localStorage): it survives reloads, app updates and a closed tab, and a new service worker
 * can never strand a command because it never held one.
 */
interface FieldDb extends DBSchema {
  outbox: { key: number; value: OutboxCommand & { seq?: number }; indexes: { byClientId: string } };
  held: { key: string; value: HeldCommand };
  /** Small values by name: the caseload, when the queue last emptied. */
  kv: { key: string; value: unknown };
}

const name = 'hearth-field';
let opening: Promise<IDBPDatabase<FieldDb>> | null = null;

export function fieldDb(): Promise<IDBPDatabase<FieldDb>> {
  opening ??= openDB<FieldDb>(name, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('byClientId', 'clientId', { unique: true });
      db.createObjectStore('held', { keyPath: 'clientId' });
      db.createObjectStore('kv');
    },
  });
  return opening;
}

export async function readKv<T>(key: string): Promise<T | undefined> {
  return (await (await fieldDb()).get('kv', key)) as T | undefined;
}
export async function writeKv(key: string, value: unknown): Promise<void> {
  await (await fieldDb()).put('kv', value, key);
}
export async function deleteKv(key: string): Promise<void> {
  await (await fieldDb()).delete('kv', key);
}

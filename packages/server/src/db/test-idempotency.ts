import type { Db } from './database.ts';

/**
 * Puts a stored idempotency key back to "in progress" as of `reservedAt`: what a server that died
 * between a request's write and storing its answer leaves behind (tests only).
 */
export const reopenIdempotencyKey = (db: Db, key: string, reservedAt: Date) =>
  db
    .updateTable('idempotency_key')
    .set({ state: 'in_progress', response_status: null, response_body: null, created_at: reservedAt })
    .where('key', '=', key)
    .execute();

import type { Selectable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { IdempotencyKeyTable } from './idempotency.table.ts';

/** A key as the server holds it: the request it was first sent with and, once done, the answer. */
export interface IdempotencyKeyRecord {
  method: string;
  path: string;
  requestHash: string;
  state: 'in_progress' | 'done';
  response: { status: number | null; body: string | null; contentType: string | null };
  createdAt: Date;
  expiresAt: Date;
}

const toKey = (r: Selectable<IdempotencyKeyTable>): IdempotencyKeyRecord => ({
  method: r.method,
  path: r.path,
  requestHash: r.request_hash,
  state: r.state,
  response: { status: r.response_status, body: r.response_body, contentType: r.content_type },
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

type Owner = { organizationId: string; userId: string; key: string };

const ofOwner = (db: Conn, o: Owner) =>
  db
    .selectFrom('idempotency_key')
    .selectAll()
    .where('organization_id', '=', o.organizationId)
    .where('user_id', '=', o.userId)
    .where('key', '=', o.key);

/**
 * Reserves the key: true when this request now owns it. The primary key makes the insert the
 * arbiter, so of two requests racing with one key exactly one reserves it.
 */
export async function reserveKey(
  db: Conn,
  row: Omit<IdempotencyKeyTable, 'state' | 'response_status' | 'response_body' | 'content_type'>,
): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_key')
    .values({ ...row, state: 'in_progress', response_status: null, response_body: null, content_type: null })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export const findKey = async (db: Conn, o: Owner) => {
  const row = await ofOwner(db, o).executeTakeFirst();
  return row ? toKey(row) : undefined;
};

export const completeKey = (
  db: Conn,
  o: Owner,
  answer: { status: number; body: string; contentType: string | null },
) =>
  db
    .updateTable('idempotency_key')
    .set({
      state: 'done',
      response_status: answer.status,
      response_body: answer.body,
      content_type: answer.contentType,
    })
    .where('organization_id', '=', o.organizationId)
    .where('user_id', '=', o.userId)
    .where('key', '=', o.key)
    .where('state', '=', 'in_progress')
    .execute();

/** Gives the key up (the request failed before it could change anything), so a retry runs again. */
export const releaseKey = (db: Conn, o: Owner) =>
  db
    .deleteFrom('idempotency_key')
    .where('organization_id', '=', o.organizationId)
    .where('user_id', '=', o.userId)
    .where('key', '=', o.key)
    .where('state', '=', 'in_progress')
    .execute();

/** Removes the organization's expired keys (and an expired copy of the key about to be reserved). */
export const purgeExpiredKeys = (db: Conn, organizationId: string, now: Date) =>
  db
    .deleteFrom('idempotency_key')
    .where('organization_id', '=', organizationId)
    .where('expires_at', '<=', now)
    .execute();

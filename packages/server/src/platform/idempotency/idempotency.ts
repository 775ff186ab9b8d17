import { createHash } from 'node:crypto';
import { because, DomainError } from '@hearth/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { completeKey, findKey, purgeExpiredKeys, releaseKey, reserveKey } from './idempotency.repository.ts';

export const idempotencyHeader = 'idempotency-key';
/** Set on an answer that was replayed from a stored key rather than produced now. */
export const replayedHeader = 'idempotent-replayed';

const day = 86_400_000;
/** How long a key is kept: a phone that was offline for a week can still replay safely. */
export const keyLifetimeMs = 7 * day;
/**
 * A reservation this old whose request never finished belongs to a request that died (a crash
 * or restart between the write and storing its answer): nobody can say whether it wrote.
 */
const abandonedAfterMs = 2 * 60_000;

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Printable ASCII, as clients generate (a UUID, a ULID); long enough for any of them. */
const keyPattern = /^[\x21-\x7e]{1,200}$/;

interface Reserved {
  organizationId: string;
  userId: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request owns an idempotency key: its answer is stored when sent. */
    idempotency: Reserved | null;
  }
}

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const hashOf = (request: FastifyRequest) =>
  createHash('sha256')
    .update(canonical(request.body ?? null))
    .digest('hex');

/**
 * Answers the failures that must not be kept: 401 (the session expired: the phone logs in again
 * and sends the same key), 429 (wait and retry) and server errors (the write's transaction rolled
 * back, so running it again is safe and right).
 */
const isRetryable = (status: number) => status === 401 || status === 429 || status >= 500;

/**
 * `Idempotency-Key` on writes (issue 14). A logged-in client's POST, PUT, PATCH or DELETE that
 * carries the header is done at most once per (organization, user, key):
 *
 * 1. Before the handler runs, the key is reserved by inserting its row (`in_progress`), committed
 *    on its own. Of two requests with one key only one inserts; the other is told 409.
 * 2. The answer (status and body) is stored with the key before it is sent.
 * 3. A later request with the key gets that answer again, with `Idempotent-Replayed: true`, if it
 *    is the same method, path and body; otherwise 422.
 *
 * A request that dies between its write and step 2 leaves the reservation in place, so a replay
 * is refused (409) rather than allowed to write a second time. Keys are kept seven days.
 */
export function registerIdempotency(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers[idempotencyHeader];
    const actor = request.session?.actor;
    if (header === undefined || !actor || !writes.has(request.method)) return;
    if (typeof header !== 'string' || !keyPattern.test(header))
      throw new DomainError(
        'VALIDATION',
        'The Idempotency-Key header must be 1 to 200 visible characters.',
        { fields: [{ field: 'headers.idempotency-key', message: 'invalid' }] },
        because('idempotencyKeyInvalid'),
      );
    const owner = { organizationId: actor.organizationId, userId: actor.userId, key: header };
    const path = request.url.split('?')[0] ?? request.url;
    const requestHash = hashOf(request);
    const now = deps.clock();
    await purgeExpiredKeys(deps.db, owner.organizationId, now);
    const reserved = await reserveKey(deps.db, {
      organization_id: owner.organizationId,
      user_id: owner.userId,
      key: owner.key,
      method: request.method,
      path,
      request_hash: requestHash,
      created_at: now,
      expires_at: new Date(now.getTime() + keyLifetimeMs),
    });
    if (reserved) {
      request.idempotency = owner;
      return;
    }
    const earlier = await findKey(deps.db, owner);
    // released or expired between the insert and this read: the client may simply send it again
    if (!earlier)
      throw new DomainError(
        'CONFLICT',
        'This request is being processed. Try again in a moment.',
        { reason: 'idempotency-in-progress' },
        because('idempotencyInProgress'),
      );
    if (earlier.method !== request.method || earlier.path !== path || earlier.requestHash !== requestHash)
      throw new DomainError(
        'UNPROCESSABLE',
        'This Idempotency-Key was already used for a different request. Send a new key for a new request.',
        { reason: 'idempotency-key-reused', method: earlier.method, path: earlier.path },
        because('idempotencyKeyReused'),
      );
    if (earlier.state === 'in_progress') {
      const abandoned = now.getTime() - earlier.createdAt.getTime() > abandonedAfterMs;
      throw new DomainError(
        'CONFLICT',
        abandoned
          ? 'An earlier attempt of this request did not finish. Check whether it was recorded before doing it again.'
          : 'This request is still being processed. Try again in a moment.',
        { reason: abandoned ? 'idempotency-unfinished' : 'idempotency-in-progress' },
        because(abandoned ? 'idempotencyAbandoned' : 'idempotencyInProgress'),
      );
    }
    return reply
      .status(earlier.response.status ?? 200)
      .header('content-type', earlier.response.contentType ?? 'application/json; charset=utf-8')
      .header(replayedHeader, 'true')
      .send(earlier.response.body ?? '');
  });

  // runs for every answer, the error handler's too, before it is sent
  app.addHook('onSend', async (request, reply, payload) => {
    const owner = request.idempotency;
    if (!owner) return payload;
    request.idempotency = null;
    if (isRetryable(reply.statusCode) || typeof payload !== 'string') {
      await releaseKey(deps.db, owner);
      return payload;
    }
    const contentType = reply.getHeader('content-type');
    await completeKey(deps.db, owner, {
      status: reply.statusCode,
      body: payload,
      contentType: typeof contentType === 'string' ? contentType : null,
    });
    return payload;
  });
}

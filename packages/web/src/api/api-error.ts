/** A failed API call, carrying the server's `{ error: { code, reason, params, message, details } }` answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait, from the `retry-after` header of a 429. */
    readonly retryAfterSeconds?: number,
    /** Why, as a code of the reason catalogue in `@hearth/domain`, with its parameters. */
    readonly reason?: string,
    readonly params?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The `error` member of a refusal's body, as the server sends it. */
export interface ServerError {
  code?: string;
  reason?: unknown;
  params?: unknown;
  message?: string;
  details?: unknown;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
export const isNotFound = (e: unknown) => isApiError(e) && e.status === 404;

/**
 * Field errors from a 400 answer, keyed by the field's path inside the body. The server names
 * fields like `body.patient.firstName`; forms know them as `patient.firstName`.
 */
export function serverFieldErrors(e: unknown): Record<string, string> {
  if (!isApiError(e) || e.code !== 'VALIDATION') return {};
  const fields = (e.details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return {};
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (typeof f !== 'object' || f === null) continue;
    const { field, message } = f as { field?: unknown; message?: unknown };
    if (typeof field !== 'string') continue;
    const key = field.replace(/^(body|querystring|params)\.?/, '');
    if (!(key in out)) out[key] = typeof message === 'string' ? message : 'invalid';
  }
  return out;
}

/** Parses `retry-after` (seconds or an HTTP date) into whole seconds. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

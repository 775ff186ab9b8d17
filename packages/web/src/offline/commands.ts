/**
 * One write the phone made, kept until the server has it. `clientId` goes to the server as the
 * `Idempotency-Key` header: a command sent twice (the answer was lost on a bad line) is done once.
 * `userId` is who made it: a command is only ever sent with that person's session.
 */
export interface OutboxCommand {
  clientId: string;
  userId: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under the API base, e.g. `/visits/{id}/transition`. */
  path: string;
  body: unknown;
  /** When the nurse did it on the phone (ISO). */
  at: string;
  /** What it was, for the nurse ("Check-in · Anna Petrova"). */
  label: string;
  /** What kind of write, so screens can show a queued one as done (e.g. `visit.complete`). */
  kind: string;
  patientId?: string | null;
  visitId?: string | null;
  /** Kept on the phone only (e.g. a queued dose's slot, which the phone's dose guard counts). */
  meta?: Record<string, unknown>;
}

/** A command the server refused, kept aside with its reason until the nurse acts on it. */
export interface HeldCommand extends OutboxCommand {
  status: number;
  reason: string;
  heldAt: string;
  /** The command's place in the outbox when it was held: orders two held in the same millisecond. */
  queuedSeq?: number;
}

/** What one send attempt means for the queue. */
export type SendOutcome =
  | { kind: 'sent'; body: unknown }
  /** No connection, the server is down or busy: keep it and try again later. */
  | { kind: 'later'; reason: string }
  /** The session is gone: keep it and ask the person to log in again. */
  | { kind: 'login' }
  /** The server said no (validation, a moved visit, the dose guard): set it aside with the reason. */
  | { kind: 'refused'; status: number; reason: string; body?: unknown };

const errorMessage = (body: unknown): string | null => {
  const err = (body as { error?: { message?: unknown } } | null | undefined)?.error;
  return typeof err?.message === 'string' ? err.message : null;
};

/**
 * Reads the server's answer. A dose the guard refuses is stored by the server as a refused
 * administration (a 201 with `status: 'refused'`), so a 2xx can still be a refusal for the nurse.
 */
export function classifyAnswer(status: number, body: unknown): SendOutcome {
  if (status === 0) return { kind: 'later', reason: 'offline' };
  if (status >= 200 && status < 300) {
    const b = body as { status?: unknown; refusalMessage?: unknown } | null;
    if (b && b.status === 'refused')
      return {
        kind: 'refused',
        status,
        reason: typeof b.refusalMessage === 'string' ? b.refusalMessage : 'refused',
        body,
      };
    return { kind: 'sent', body };
  }
  if (status === 401) return { kind: 'login' };
  // 408 and 429 say "not now", not "no"
  if (status >= 500 || status === 408 || status === 429)
    return { kind: 'later', reason: errorMessage(body) ?? `HTTP ${status}` };
  return { kind: 'refused', status, reason: errorMessage(body) ?? `HTTP ${status}`, body };
}

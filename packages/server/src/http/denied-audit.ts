import type { AppDeps, RequestContext } from '../app-context.ts';
import { type AuditInput, recordDenied } from '../platform/audit/audit.service.ts';

const windowMs = 60_000;
/** Refusals per user per minute written one by one; the rest are counted. */
const individuallyPerWindow = 10;

interface Window {
  start: number;
  written: number;
  suppressed: number;
  ctx: RequestContext;
  deps: AppDeps;
}

const windows = new Map<string, Window>();

/**
 * Audits a refused read without letting a flood fill the log: per user, the first ten refusals
 * in a minute are written as events, the rest are counted, and the count is written as one
 * event (action `access.denied-repeated`, the count as entity id) when the user's next window
 * begins or at the latest a minute later. Each process counts its own refusals.
 */
export async function recordDeniedAggregated(
  deps: AppDeps,
  ctx: RequestContext,
  input: Omit<AuditInput, 'outcome'>,
): Promise<void> {
  const key = `${ctx.actor.organizationId}|${ctx.actor.userId}`;
  const now = Date.now();
  const current = windows.get(key);
  if (current && now - current.start < windowMs) {
    if (current.written < individuallyPerWindow) {
      current.written += 1;
      return recordDenied(deps, ctx, input);
    }
    current.suppressed += 1;
    return;
  }
  if (current) await flush(key, current);
  windows.set(key, { start: now, written: 1, suppressed: 0, ctx, deps });
  scheduleSweep();
  return recordDenied(deps, ctx, input);
}

async function flush(key: string, w: Window) {
  windows.delete(key);
  if (w.suppressed === 0) return;
  await recordDenied(w.deps, w.ctx, {
    action: 'access.denied-repeated',
    entityType: 'denied_count',
    entityId: String(w.suppressed),
  });
}

let sweep: NodeJS.Timeout | null = null;
/** Writes the counts of windows that ended; stops itself when nothing is left to count. */
function scheduleSweep() {
  if (sweep) return;
  sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, w] of windows)
      if (now - w.start >= windowMs)
        flush(key, w).catch((err: unknown) =>
          console.error(`could not audit repeated refusals: ${err instanceof Error ? err.message : err}`),
        );
    if (windows.size === 0 && sweep) {
      clearInterval(sweep);
      sweep = null;
    }
  }, windowMs / 4);
  sweep.unref();
}

/** Writes every pending count of one app now (server shutdown, tests). */
export async function flushDeniedCounts(deps: AppDeps) {
  await Promise.all([...windows].filter(([, w]) => w.deps === deps).map(([key, w]) => flush(key, w)));
}

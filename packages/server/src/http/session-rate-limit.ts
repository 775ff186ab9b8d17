import { because, DomainError } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

const windowMs = 60_000;

/**
 * Per-session request limits on the logged-in API, counted in a fixed one-minute window in this
 * process: generous for staff (a busy dispatcher's screen polls and pages a lot), lower for
 * family and volunteer portal accounts, which read one patient or one volunteer's own work. A
 * flood from one session is refused with 429 before it reaches the database, so it cannot slow
 * the rest of the team. Anonymous routes keep their own per-address limits (login, intake).
 */
export function registerSessionRateLimit(app: FastifyInstance, config: Config) {
  const windows = new Map<string, { start: number; count: number }>();
  app.addHook('onRequest', async (request) => {
    const session = request.session;
    if (!session || !request.url.startsWith('/api/')) return;
    const portal = session.actor.role === 'family' || session.actor.role === 'volunteer';
    const max = portal ? config.apiRateLimit.portalPerMinute : config.apiRateLimit.staffPerMinute;
    // wall-clock time, not the app's clock: this limits load, it is not a rule about care
    const now = Date.now();
    if (windows.size > 50_000) for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
    const w = windows.get(session.sessionId);
    if (!w || now - w.start >= windowMs) {
      windows.set(session.sessionId, { start: now, count: 1 });
      return;
    }
    w.count += 1;
    if (w.count > max)
      throw new DomainError(
        'RATE_LIMITED',
        'Too many requests. Please wait a moment and try again.',
        { retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) },
        because('rateLimited'),
      );
  });
}

import { isWebLiveEvent, type LiveEventData, mayReceive } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { resolveSession } from '../../features/auth/auth.service.ts';
import { requireContext, sessionCookie } from '../../http/session.ts';

/**
 * Server-Sent Events: each logged-in page keeps one stream open and refreshes what an event
 * names. Events carry ids and types only, never patient details; the page fetches those
 * through the normal, permission-checked endpoints. Each event goes only to subscribers its
 * audience admits, and the stream ends when its session does (logout, deactivation, expiry).
 */
export function eventRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/events', { schema: { tags: ['events'], hide: false } }, (request, reply) => {
    const ctx = requireContext(request);
    const token = request.cookies[sessionCookie] ?? '';
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    let subscriber = {
      userId: ctx.actor.userId,
      role: ctx.actor.role,
      linkedPatientIds: ctx.actor.linkedPatientIds,
    };
    const unsubscribe = deps.events.subscribe((event) => {
      if (event.organizationId !== ctx.actor.organizationId || !mayReceive(subscriber, event)) return;
      // events between processes (a settings change) are never streamed, whatever their roles
      if (!isWebLiveEvent(event.type)) return;
      const data = { type: event.type, entityId: event.entityId ?? null } as LiveEventData;
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    // the session is looked at again at intervals: a stream must not outlive it, and a family
    // member's links may have changed
    const recheck = setInterval(() => {
      resolveSession(deps, token)
        .catch(() => null)
        .then((session) => {
          if (session?.actor.userId !== ctx.actor.userId) return close();
          subscriber = { ...subscriber, linkedPatientIds: session.actor.linkedPatientIds };
        });
    }, deps.config.eventsRecheckMs);
    const end = () => {
      clearInterval(heartbeat);
      clearInterval(recheck);
      unsubscribe();
    };
    const close = () => {
      end();
      res.end();
    };
    request.raw.on('close', end);
    res.on('error', end);
  });
}

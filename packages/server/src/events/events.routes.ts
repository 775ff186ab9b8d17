import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-context.ts';
import { requireContext } from '../http/session.ts';

/**
 * Server-Sent Events: each logged-in page keeps one stream open and refreshes what an event
 * names. Events carry ids and types only, never patient details; the page fetches those
 * through the normal, permission-checked endpoints.
 */
export function eventRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/events', { schema: { tags: ['events'], hide: false } }, (request, reply) => {
    const ctx = requireContext(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const unsubscribe = deps.events.subscribe((event) => {
      if (event.organizationId !== ctx.actor.organizationId || !event.roles.includes(ctx.actor.role)) return;
      if (event.userIds && !event.userIds.includes(ctx.actor.userId)) return;
      res.write(
        `event: ${event.type}\ndata: ${JSON.stringify({ type: event.type, entityId: event.entityId ?? null })}\n\n`,
      );
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    request.raw.on('close', end);
    res.on('error', end);
  });
}

import { idSchema, notificationSchema, okSchema, pageOf, pageQuerySchema } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './notifications.service.ts';

export function notificationRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['notifications'];
  app.get(
    '/notifications',
    { schema: { tags, querystring: pageQuerySchema, response: { 200: pageOf(notificationSchema) } } },
    async (request) =>
      service.listMyNotifications(deps, requireContext(request), request.query.cursor, request.query.limit),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, params: z.object({ id: idSchema }), response: { 200: okSchema } } },
    async (request) => {
      await service.markRead(deps, requireContext(request), request.params.id);
      return { ok: true as const };
    },
  );
}

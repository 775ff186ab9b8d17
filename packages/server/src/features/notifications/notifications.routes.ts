import { notificationRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './notifications.service.ts';

export function notificationRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.list, ({ request, query }) =>
    service.listMyNotifications(deps, requireContext(request), query.cursor, query.limit),
  );
  serve(app, routes.markRead, async ({ request, params }) => {
    await service.markRead(deps, requireContext(request), params.id);
    return { ok: true as const };
  });
}

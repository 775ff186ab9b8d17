import { staffRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './staff.service.ts';

export function staffRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.list, ({ request, query }) =>
    service.listStaff(deps, requireContext(request), query.cursor, query.limit),
  );
  serve(app, routes.invite, ({ request, body }) => service.inviteStaff(deps, requireContext(request), body));
  serve(app, routes.deactivate, async ({ request, params }) => {
    await service.setStaffActive(deps, requireContext(request), params.userId, false);
    return { ok: true as const };
  });
  serve(app, routes.reactivate, async ({ request, params }) => {
    const invitation = await service.setStaffActive(deps, requireContext(request), params.userId, true);
    return { ok: true as const, invitation };
  });
}

import { familyRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './family.service.ts';

export function familyRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.list, ({ request, params }) =>
    service.listFamily(deps, requireContext(request), params.patientId),
  );
  serve(app, routes.invite, ({ request, params, body }) =>
    service.inviteFamily(deps, requireContext(request), params.patientId, body),
  );
  serve(app, routes.remove, async ({ request, params }) => {
    await service.removeFamily(deps, requireContext(request), params.patientId, params.userId);
    return { ok: true as const };
  });
}

import { homeSafetyRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './home-safety.service.ts';

export function homeSafetyRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.overview, ({ request, params }) =>
    service.getOverview(deps, requireContext(request), params.patientId),
  );
  serve(app, routes.recordCheck, ({ request, params, body }) =>
    service.recordCheck(deps, requireContext(request), params.patientId, body),
  );
  serve(app, routes.completeAction, ({ request, params }) =>
    service.completeAction(deps, requireContext(request), params.patientId, params.actionId),
  );
}

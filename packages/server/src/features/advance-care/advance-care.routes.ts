import { advanceCareRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './advance-care.service.ts';

export function advanceCareRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const ctx = requireContext;
  serve(app, routes.plan, ({ request, params }) => service.getPlan(deps, ctx(request), params.patientId));
  serve(app, routes.recordPlan, ({ request, params, body }) =>
    service.recordPlan(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.planSummary, ({ request, params }) =>
    service.planSummary(deps, ctx(request), params.patientId),
  );
  serve(app, routes.transferSummary, ({ request, params }) =>
    service.transferSummary(deps, ctx(request), params.patientId),
  );
  serve(app, routes.moves, ({ request, params }) => service.listMoves(deps, ctx(request), params.patientId));
  serve(app, routes.moveCareLevel, ({ request, params, body }) =>
    service.moveCareLevel(deps, ctx(request), params.patientId, body),
  );
}

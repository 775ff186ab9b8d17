import { reportRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './reports.service.ts';

export function reportRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.report, async ({ request, query }) =>
    service.report(deps, requireContext(request), query),
  );
  serve(app, routes.drill, async ({ request, params, query }) =>
    service.drill(deps, requireContext(request), params.measure, query),
  );
}

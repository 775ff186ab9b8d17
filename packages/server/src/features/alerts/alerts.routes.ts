import { alertRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './alerts.service.ts';

export function alertRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.list, ({ request, query }) => service.listAlerts(deps, requireContext(request), query));
  serve(app, routes.listForPatient, ({ request, params, query }) =>
    service.listAlerts(deps, requireContext(request), { ...query, patientId: params.patientId }),
  );
  serve(app, routes.get, ({ request, params }) => service.getAlert(deps, requireContext(request), params.id));
  serve(app, routes.acknowledge, ({ request, params }) =>
    service.acknowledgeAlert(deps, requireContext(request), params.id),
  );
  serve(app, routes.resolve, ({ request, params, body }) =>
    service.resolveAlert(deps, requireContext(request), params.id, body),
  );
}

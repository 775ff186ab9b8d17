import { visitRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './visits.service.ts';

export function visitRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.forPatient, ({ request, params, query }) =>
    service.listPatientVisits(deps, requireContext(request), params.patientId, query.from, query.to),
  );
  serve(app, routes.request, ({ request, params, body }) =>
    service.requestVisit(deps, requireContext(request), params.patientId, body),
  );
  serve(app, routes.mine, ({ request, query }) => service.myDay(deps, requireContext(request), query.date));
  serve(app, routes.get, ({ request, params }) => service.getVisit(deps, requireContext(request), params.id));
  serve(app, routes.schedule, ({ request, params, body }) =>
    service.scheduleVisit(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.transition, ({ request, params, body }) =>
    service.transitionVisit(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.complete, ({ request, params, body }) =>
    service.completeVisit(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.addNote, ({ request, params, body }) =>
    service.addVisitNote(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.rota, ({ request, query }) =>
    service.listShifts(deps, requireContext(request), query.from, query.to),
  );
  serve(app, routes.addShift, ({ request, body }) => service.addShift(deps, requireContext(request), body));
  serve(app, routes.cancelShift, ({ request, params }) =>
    service.cancelShift(deps, requireContext(request), params.id),
  );
}

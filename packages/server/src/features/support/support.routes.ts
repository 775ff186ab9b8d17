import { supportRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './support.service.ts';

export function supportRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const ctx = requireContext;
  serve(app, routes.referrals, ({ request, query }) => service.listReferrals(deps, ctx(request), query));
  serve(app, routes.forPatient, ({ request, params }) =>
    service.patientReferrals(deps, ctx(request), params.patientId),
  );
  serve(app, routes.refer, ({ request, params, body }) =>
    service.refer(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.update, ({ request, params, body }) =>
    service.updateReferral(deps, ctx(request), params.patientId, params.referralId, body),
  );
  serve(app, routes.addNote, ({ request, params, body }) =>
    service.addNote(deps, ctx(request), params.patientId, params.referralId, body.text),
  );
  serve(app, routes.routing, ({ request, params, body }) =>
    service.updateRouting(deps, ctx(request), params.patientId, params.referralId, params.item, body),
  );
}

import { caregiverRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './caregivers.service.ts';

export function caregiverRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const ctx = requireContext;
  serve(app, routes.skills, async ({ request, params }) =>
    service.getSkills(deps, ctx(request), params.patientId),
  );
  serve(app, routes.signSkill, async ({ request, params, body }) =>
    service.signSkill(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.roster, async ({ request, params, query }) =>
    service.getRoster(deps, ctx(request), params.patientId, query),
  );
  serve(app, routes.addShift, async ({ request, params, body }) =>
    service.addShift(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.cancelShift, async ({ request, params }) =>
    service.cancelShift(deps, ctx(request), params.patientId, params.shiftId),
  );
  serve(app, routes.burden, async ({ request, params }) =>
    service.getBurden(deps, ctx(request), params.patientId),
  );
  serve(app, routes.recordBurden, async ({ request, params, body }) =>
    service.recordBurden(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.loadWording, async ({ request, body }) => service.loadWording(deps, ctx(request), body));
}

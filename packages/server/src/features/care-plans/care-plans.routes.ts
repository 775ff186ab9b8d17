import { carePlanRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './care-plans.service.ts';

export function carePlanRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.get, ({ request, params }) =>
    service.getCarePlan(deps, requireContext(request), params.patientId),
  );
  serve(app, routes.versions, ({ request, params }) =>
    service.listVersions(deps, requireContext(request), params.patientId),
  );
  serve(app, routes.change, ({ request, params, body }) =>
    service.changeCarePlan(deps, requireContext(request), params.patientId, body),
  );
  serve(app, routes.careTeam, ({ request }) => service.careTeam(deps, requireContext(request)));
  serve(app, routes.meetingsDue, ({ request, query }) =>
    service.duePatients(deps, requireContext(request), query.date),
  );
  serve(app, routes.meetings, ({ request }) => service.listMeetings(deps, requireContext(request)));
  serve(app, routes.recordMeeting, ({ request, body }) =>
    service.recordMeeting(deps, requireContext(request), body),
  );
  serve(app, routes.meeting, ({ request, params }) =>
    service.getMeeting(deps, requireContext(request), params.id),
  );
}

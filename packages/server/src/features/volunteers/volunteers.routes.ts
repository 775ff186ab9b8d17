import { volunteerRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as assignments from './assignments.service.ts';
import * as hours from './hours.service.ts';
import * as portal from './portal.service.ts';
import * as portalHours from './portal-hours.service.ts';
import * as records from './records.service.ts';
import * as recruitment from './recruitment.service.ts';
import * as report from './report.service.ts';
import * as requests from './requests.service.ts';

export function volunteerRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);

  serve(app, routes.create, ({ request, body }) =>
    records.createVolunteer(deps, requireContext(request), body),
  );
  serve(app, routes.list, ({ request, query }) =>
    records.listVolunteers(deps, requireContext(request), query),
  );
  serve(app, routes.get, ({ request, params }) =>
    records.getVolunteer(deps, requireContext(request), params.id),
  );
  serve(app, routes.update, ({ request, params, body }) =>
    records.updateVolunteer(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.recordScreening, ({ request, params, body }) =>
    recruitment.recordScreening(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.recordTraining, ({ request, params, body }) =>
    recruitment.recordTraining(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.addNote, ({ request, params, body }) =>
    recruitment.addNote(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.changeStatus, ({ request, params, body }) =>
    recruitment.changeStatus(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.createLogin, ({ request, params, body }) =>
    records.createLogin(deps, requireContext(request), params.id, body.email),
  );

  serve(app, routes.createRequest, ({ request, body }) =>
    requests.createRequest(deps, requireContext(request), body),
  );
  serve(app, routes.listRequests, ({ request, query }) =>
    requests.listRequests(deps, requireContext(request), query),
  );
  serve(app, routes.getRequest, ({ request, params }) =>
    requests.getRequest(deps, requireContext(request), params.id),
  );
  serve(app, routes.matches, ({ request, params }) =>
    requests.matchRequest(deps, requireContext(request), params.id),
  );
  serve(app, routes.assign, ({ request, params, body }) =>
    assignments.assign(deps, requireContext(request), params.id, body.volunteerId),
  );
  serve(app, routes.cancelAssignment, ({ request, params }) =>
    assignments.cancelAssignment(deps, requireContext(request), params.id, params.assignmentId),
  );
  serve(app, routes.closeAssignment, ({ request, params, body }) =>
    assignments.closeAssignment(deps, requireContext(request), params.id, params.assignmentId, body),
  );

  serve(app, routes.listHours, ({ request, query }) => hours.listHours(deps, requireContext(request), query));
  serve(app, routes.decideHours, ({ request, params, body }) =>
    hours.decideHours(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.report, ({ request, params }) =>
    report.report(deps, requireContext(request), params.month),
  );
  serve(app, routes.setPaidCareHours, ({ request, params, body }) =>
    report.setPaidCareHours(deps, requireContext(request), params.month, body.hours),
  );

  serve(app, routes.myAssignments, ({ request }) => portal.myAssignments(deps, requireContext(request)));
  serve(app, routes.myAssignment, ({ request, params }) =>
    portal.myAssignment(deps, requireContext(request), params.id),
  );
  serve(app, routes.respond, ({ request, params, body }) =>
    portal.respond(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.logHours, ({ request, params, body }) =>
    portalHours.logHours(deps, requireContext(request), params.id, body),
  );
}

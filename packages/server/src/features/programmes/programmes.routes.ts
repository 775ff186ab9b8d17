import { programmeRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as campApplications from './camp-applications.service.ts';
import * as campCare from './camp-care.service.ts';
import * as campPlaces from './camp-places.service.ts';
import * as clown from './clown-visits.service.ts';
import * as sessions from './programme-sessions.service.ts';
import * as people from './session-people.service.ts';
import * as courses from './training-centre.service.ts';

export function programmeRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);

  serve(app, routes.create, ({ request, body }) =>
    sessions.createProgramme(deps, requireContext(request), body),
  );
  serve(app, routes.list, ({ request, query }) =>
    sessions.listProgrammes(deps, requireContext(request), query),
  );
  serve(app, routes.get, ({ request, params }) =>
    sessions.getProgramme(deps, requireContext(request), params.id),
  );
  serve(app, routes.addSession, ({ request, params, body }) =>
    sessions.addSession(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.addToRoster, ({ request, params, body }) =>
    people.addToRoster(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.removeFromRoster, ({ request, params }) =>
    people.removeFromRoster(deps, requireContext(request), params.id, params.entryId),
  );
  serve(app, routes.addParticipant, ({ request, params, body }) =>
    people.addParticipant(deps, requireContext(request), params.id, body),
  );

  serve(app, routes.listApplications, ({ request, params }) =>
    campApplications.listApplications(deps, requireContext(request), params.id),
  );
  serve(app, routes.applyToCamp, ({ request, params, body }) =>
    campPlaces.applyToCamp(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.withdrawApplication, ({ request, params }) =>
    campPlaces.withdrawApplication(deps, requireContext(request), params.id),
  );
  serve(app, routes.recordCareNote, ({ request, params, body }) =>
    campCare.recordCareNote(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.recordConsent, ({ request, params, body }) =>
    campCare.recordConsent(deps, requireContext(request), params.id, body),
  );

  serve(app, routes.listClownVisits, ({ request }) =>
    clown.listClownVisits(deps, requireContext(request), 200),
  );
  serve(app, routes.scheduleClownVisit, ({ request, body }) =>
    clown.scheduleClownVisit(deps, requireContext(request), body),
  );
  serve(app, routes.closeClownVisit, ({ request, params, body }) =>
    clown.closeClownVisit(deps, requireContext(request), params.id, body),
  );

  serve(app, routes.listEnrolments, ({ request, params }) =>
    courses.listEnrolments(deps, requireContext(request), params.id),
  );
  serve(app, routes.enrol, ({ request, params, body }) =>
    courses.enrol(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.markAttendance, ({ request, params, body }) =>
    courses.markAttendance(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.certificate, ({ request, params }) =>
    courses.certificate(deps, requireContext(request), params.id),
  );
}

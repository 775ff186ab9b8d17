import { patientRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './patients.service.ts';

export function patientRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.list, ({ request, query }) => service.listPatients(deps, requireContext(request), query));
  serve(app, routes.areas, ({ request }) => service.listAreas(deps, requireContext(request)));
  serve(app, routes.create, ({ request, body }) =>
    service.createPatient(deps, requireContext(request), body),
  );
  serve(app, routes.get, ({ request, params }) =>
    service.getPatient(deps, requireContext(request), params.patientId),
  );
  serve(app, routes.update, ({ request, params, body }) =>
    service.updatePatient(deps, requireContext(request), params.patientId, body),
  );
  serve(app, routes.changeStatus, ({ request, params, body }) =>
    service.changeStatus(deps, requireContext(request), params.patientId, body.status, body.reason),
  );
  serve(app, routes.correctIdentity, ({ request, params, body }) =>
    service.correctIdentity(deps, requireContext(request), params.patientId, body),
  );
  serve(app, routes.addDiagnosis, ({ request, params, body }) =>
    service.addPatientPart(deps, requireContext(request), params.patientId, { diagnoses: [body] }),
  );
  serve(app, routes.addAllergy, ({ request, params, body }) =>
    service.addPatientPart(deps, requireContext(request), params.patientId, { allergies: [body] }),
  );
  serve(app, routes.addContact, ({ request, params, body }) =>
    service.addPatientPart(deps, requireContext(request), params.patientId, { contacts: [body] }),
  );
}

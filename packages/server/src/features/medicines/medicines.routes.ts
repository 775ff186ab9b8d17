import { medicationRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as controlled from './controlled-drugs.service.ts';
import * as service from './medicines.service.ts';
import * as weights from './weights.service.ts';

export function medicineRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const ctx = requireContext;
  serve(app, routes.formulary, async ({ request }) => service.listFormulary(ctx(request)));
  serve(app, routes.convert, async ({ request, body }) => service.convert(deps, ctx(request), body));

  // prescriptions: physicians write and change them; every change is a new version
  serve(app, routes.prescriptions, async ({ request, params }) =>
    service.listPrescriptions(deps, ctx(request), params.patientId),
  );
  serve(app, routes.prescribe, async ({ request, params, body }) =>
    service.prescribe(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.review, async ({ request, params, body }) =>
    service.reviewForPatient(deps, ctx(request), params.patientId, body.draft, body.replacingId),
  );
  serve(app, routes.prescription, async ({ request, params }) =>
    service.getPrescription(deps, ctx(request), params.patientId, params.id),
  );
  serve(app, routes.versions, async ({ request, params }) =>
    service.prescriptionHistory(deps, ctx(request), params.patientId, params.id),
  );
  serve(app, routes.change, async ({ request, params, body }) =>
    service.changePrescription(deps, ctx(request), params.patientId, params.id, body),
  );
  serve(app, routes.restart, async ({ request, params, body }) =>
    service.changePrescription(deps, ctx(request), params.patientId, params.id, body, 'restart'),
  );
  serve(app, routes.stop, async ({ request, params, body }) =>
    service.stopPrescription(deps, ctx(request), params.patientId, params.id, body.reason),
  );

  // the weight with its date (issue 12: children's mg/kg limits need a current one)
  serve(app, routes.weights, async ({ request, params }) =>
    weights.listWeights(deps, ctx(request), params.patientId),
  );
  serve(app, routes.recordWeight, async ({ request, params, body }) =>
    weights.recordWeight(deps, ctx(request), params.patientId, body),
  );

  // administration through the dose guard, the chart (MAR) and today's schedule
  serve(app, routes.recordDose, async ({ request, params, body }) =>
    service.recordAdministration(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.countersign, async ({ request, params }) =>
    service.countersign(deps, ctx(request), params.patientId, params.id),
  );
  serve(app, routes.chart, async ({ request, params, query }) =>
    service.medicineChart(deps, ctx(request), params.patientId, query),
  );
  serve(app, routes.today, async ({ request, params }) =>
    service.todaySchedule(deps, ctx(request), params.patientId),
  );

  // "just in case" medicines and the controlled-drug register
  serve(app, routes.anticipatory, async ({ request, params }) =>
    service.getAnticipatory(deps, ctx(request), params.patientId),
  );
  serve(app, routes.setBox, async ({ request, params, body }) =>
    service.setAnticipatoryBox(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.register, async ({ request, params }) =>
    controlled.listRegister(deps, ctx(request), params.patientId),
  );
  serve(app, routes.addStock, async ({ request, params, body }) =>
    controlled.addStock(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.addEntry, async ({ request, params, body }) =>
    controlled.addEntry(deps, ctx(request), params.patientId, params.id, body),
  );
}

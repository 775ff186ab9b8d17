import { type ContractParams, equipmentRoutes as routes } from '@hearth/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './equipment.service.ts';

type LoanParams = ContractParams<typeof routes.deliver>;
type LoanStep = Parameters<typeof service.moveLoan>[4];
type LoanStepBody = Parameters<typeof service.moveLoan>[5];

export function equipmentRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.items, ({ request, query }) => service.listItems(deps, requireContext(request), query));
  serve(app, routes.addItem, ({ request, body }) => service.createItem(deps, requireContext(request), body));
  serve(app, routes.patchItem, ({ request, params, body }) =>
    service.patchItem(deps, requireContext(request), params.itemId, body),
  );
  serve(app, routes.overview, ({ request }) => service.overview(deps, requireContext(request)));
  serve(app, routes.loans, ({ request, params }) =>
    service.patientLoans(deps, requireContext(request), params.patientId),
  );
  serve(app, routes.requestLoan, ({ request, params, body }) =>
    service.requestLoan(deps, requireContext(request), params.patientId, body),
  );
  const move = (request: FastifyRequest, params: LoanParams, step: LoanStep, body: LoanStepBody) =>
    service.moveLoan(deps, requireContext(request), params.patientId, params.loanId, step, body);
  serve(app, routes.deliver, ({ request, params, body }) => move(request, params, 'deliver', body));
  serve(app, routes.collect, ({ request, params, body }) => move(request, params, 'collect', body));
  // a note on these steps is accepted and, as before, not kept: the step is what they record
  serve(app, routes.inUse, ({ request, params }) => move(request, params, 'in_use', {}));
  serve(app, routes.clean, ({ request, params }) => move(request, params, 'clean', {}));
  serve(app, routes.cancel, ({ request, params }) => move(request, params, 'cancel', {}));
}

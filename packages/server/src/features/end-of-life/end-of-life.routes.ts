import { endOfLifeRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './end-of-life.service.ts';

export function endOfLifeRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const ctx = requireContext;
  serve(app, routes.death, ({ request, params }) => service.getDeath(deps, ctx(request), params.patientId));
  serve(app, routes.recordDeath, ({ request, params, body }) =>
    service.recordDeath(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.tickChecklist, ({ request, params, body }) =>
    service.updateChecklist(deps, ctx(request), params.patientId, params.item, body),
  );
  serve(app, routes.closeDeath, ({ request, params, body }) =>
    service.closeDeath(deps, ctx(request), params.patientId, body.bereavementOwnerId),
  );
  serve(app, routes.patientTasks, ({ request, params }) =>
    service.patientTasks(deps, ctx(request), params.patientId),
  );
  serve(app, routes.completeTask, ({ request, params, body }) =>
    service.completeTask(deps, ctx(request), params.patientId, params.taskId, body),
  );
  serve(app, routes.reassignTask, ({ request, params, body }) =>
    service.reassignTask(deps, ctx(request), params.patientId, params.taskId, body),
  );
  serve(app, routes.tasks, ({ request, query }) => service.listTasks(deps, ctx(request), query));
  serve(app, routes.measures, ({ request, query }) => service.measures(deps, ctx(request), query));
}

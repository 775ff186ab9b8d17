import { planningRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import { dispatchBoard } from './board.service.ts';
import { moveVisit, previewMove } from './move.service.ts';
import { discardRun, getRun } from './plan-runs.service.ts';
import { publishRun } from './publish.service.ts';
import { previewUrgent } from './urgent.service.ts';
import { planWeek } from './week-plan.service.ts';

export function planningRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.startWeek, ({ request, body }) =>
    planWeek(deps, requireContext(request), body.weekStart),
  );
  serve(app, routes.urgent, ({ request, body }) => previewUrgent(deps, requireContext(request), body));
  serve(app, routes.run, ({ request, params }) => getRun(deps, requireContext(request), params.id));
  serve(app, routes.publish, ({ request, params }) => publishRun(deps, requireContext(request), params.id));
  serve(app, routes.discard, ({ request, params }) => discardRun(deps, requireContext(request), params.id));
  serve(app, routes.board, ({ request, query }) => dispatchBoard(deps, requireContext(request), query.date));
  serve(app, routes.previewMove, ({ request, params, body }) =>
    previewMove(deps, requireContext(request), params.id, body),
  );
  serve(app, routes.move, ({ request, params, body }) =>
    moveVisit(deps, requireContext(request), params.id, body),
  );
}

import { onCallRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './oncall.service.ts';

export function onCallRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.rota, ({ request, query }) =>
    service.getRota(deps, requireContext(request), new Date(query.from), new Date(query.to)),
  );
  serve(app, routes.now, ({ request }) => service.onCallNow(deps, requireContext(request)));
  serve(app, routes.addShift, ({ request, body }) => service.addShift(deps, requireContext(request), body));
  serve(app, routes.cancelShift, async ({ request, params }) => {
    await service.cancelShift(deps, requireContext(request), params.id);
    return { ok: true as const };
  });
  serve(app, routes.handover, ({ request, params, body }) =>
    service.writeHandover(deps, requireContext(request), params.id, body.note),
  );
  serve(app, routes.logCall, ({ request, body }) => service.logCall(deps, requireContext(request), body));
  serve(app, routes.calls, ({ request, query }) => service.listCalls(deps, requireContext(request), query));
}

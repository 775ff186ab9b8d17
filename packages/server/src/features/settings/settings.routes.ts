import { settingsRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './settings.service.ts';

export function settingsRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.get, ({ request }) => service.getSettings(deps, requireContext(request)));
  serve(app, routes.problems, ({ request }) => service.settingsProblems(deps, requireContext(request)));
  serve(app, routes.update, ({ request, body }) =>
    service.updateSettings(deps, requireContext(request), body),
  );
}

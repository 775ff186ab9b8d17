import { fieldRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import { fieldCaseload } from './field.service.ts';

/** The field app's offline copy of the day (issue 14). */
export function fieldRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.caseload, async ({ request }) => fieldCaseload(deps, requireContext(request)));
}

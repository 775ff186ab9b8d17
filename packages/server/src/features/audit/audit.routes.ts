import { auditRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './audit.service.ts';

export function auditRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.list, ({ request, query }) => service.listAudit(deps, requireContext(request), query));
  serve(app, routes.verify, ({ request }) => service.verifyAudit(deps, requireContext(request)));
}

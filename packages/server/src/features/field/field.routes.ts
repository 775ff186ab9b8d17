import { fieldCaseloadSchema } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serviceRoutes } from '../../http/service-routes.ts';
import { fieldCaseload } from './field.service.ts';

/** The field app's offline copy of the day (issue 14). */
export function fieldRoutes(base: FastifyInstance, deps: AppDeps) {
  const route = serviceRoutes(base, deps, ['field']);
  route.get('/field/caseload', { response: fieldCaseloadSchema }, (d, ctx) => fieldCaseload(d, ctx));
}

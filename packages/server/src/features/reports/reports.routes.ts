import {
  drillPageSchema,
  drillParamsSchema,
  drillQuerySchema,
  reportQuerySchema,
  reportSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serviceRoutes } from '../../http/service-routes.ts';
import * as service from './reports.service.ts';

export function reportRoutes(base: FastifyInstance, deps: AppDeps) {
  const r = serviceRoutes(base, deps, ['reports']);
  r.get('/reports', { input: reportQuerySchema, response: reportSchema }, (d, ctx, _p, q) =>
    service.report(d, ctx, q),
  );
  r.get(
    '/reports/:measure/items',
    { params: drillParamsSchema, input: drillQuerySchema, response: drillPageSchema },
    (d, ctx, p, q) => service.drill(d, ctx, p.measure, q),
  );
}

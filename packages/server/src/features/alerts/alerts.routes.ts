import { alertListQuerySchema, alertResolveBodySchema, alertSchema, idSchema, pageOf } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './alerts.service.ts';

export function alertRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['alerts'];
  const params = z.object({ id: idSchema });

  app.get(
    '/alerts',
    { schema: { tags, querystring: alertListQuerySchema, response: { 200: pageOf(alertSchema) } } },
    async (request) => service.listAlerts(deps, requireContext(request), request.query),
  );
  app.get(
    '/patients/:patientId/alerts',
    {
      schema: {
        tags,
        params: z.object({ patientId: idSchema }),
        querystring: alertListQuerySchema.omit({ patientId: true }),
        response: { 200: pageOf(alertSchema) },
      },
    },
    async (request) =>
      service.listAlerts(deps, requireContext(request), {
        ...request.query,
        patientId: request.params.patientId,
      }),
  );
  app.get('/alerts/:id', { schema: { tags, params, response: { 200: alertSchema } } }, async (request) =>
    service.getAlert(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/alerts/:id/acknowledge',
    { schema: { tags, params, response: { 200: alertSchema } } },
    async (request) => service.acknowledgeAlert(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/alerts/:id/resolve',
    { schema: { tags, params, body: alertResolveBodySchema, response: { 200: alertSchema } } },
    async (request) => service.resolveAlert(deps, requireContext(request), request.params.id, request.body),
  );
}

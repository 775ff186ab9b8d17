import {
  homeSafetyCheckBodySchema,
  homeSafetyOverviewSchema,
  patientIdParamsSchema,
  safetyActionParamsSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './home-safety.service.ts';

export function homeSafetyRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['home-safety'];
  app.get(
    '/patients/:patientId/home-safety',
    { schema: { tags, params: patientIdParamsSchema, response: { 200: homeSafetyOverviewSchema } } },
    async (request) => service.getOverview(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/home-safety/checks',
    {
      schema: {
        tags,
        params: patientIdParamsSchema,
        body: homeSafetyCheckBodySchema,
        response: { 201: homeSafetyOverviewSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.recordCheck(deps, requireContext(request), request.params.patientId, request.body),
        ),
  );
  app.post(
    '/patients/:patientId/home-safety/actions/:actionId/done',
    { schema: { tags, params: safetyActionParamsSchema, response: { 200: homeSafetyOverviewSchema } } },
    async (request) =>
      service.completeAction(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.actionId,
      ),
  );
}

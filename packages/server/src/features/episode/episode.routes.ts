import { episodeViewSchema, patientIdParamsSchema, restoreVisitsBodySchema } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './episode.service.ts';

export function episodeRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['patients'];
  const params = patientIdParamsSchema;
  app.get(
    '/patients/:patientId/episode',
    { schema: { tags, params, response: { 200: episodeViewSchema } } },
    async (request) => service.getEpisode(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/episode/restore-visits',
    { schema: { tags, params, body: restoreVisitsBodySchema, response: { 200: episodeViewSchema } } },
    async (request) =>
      service.restoreVisits(deps, requireContext(request), request.params.patientId, request.body.visitIds),
  );
}

import { patientRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './episode.service.ts';

export function episodeRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.episode, ({ request, params }) =>
    service.getEpisode(deps, requireContext(request), params.patientId),
  );
  serve(app, routes.restoreVisits, ({ request, params, body }) =>
    service.restoreVisits(deps, requireContext(request), params.patientId, body.visitIds),
  );
}

import { geocodeQuerySchema, geocodeResultSchema } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './geocoding.service.ts';

export function geocodingRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  app.get(
    '/geocode',
    {
      schema: { tags: ['patients'], querystring: geocodeQuerySchema, response: { 200: geocodeResultSchema } },
    },
    async (request) => service.lookUpAddress(deps, requireContext(request), request.query.address),
  );
}

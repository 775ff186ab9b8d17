import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { pingDatabase } from './health.repository.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
  dialect: z.string(),
});

/** `GET /api/health` answers without a login and says whether the database is reachable. */
export function healthRoutes(base: FastifyInstance, deps: AppDeps & { dialect: string }) {
  zodApp(base).get(
    '/api/health',
    { schema: { tags: ['health'], response: { 200: healthSchema, 503: healthSchema } } },
    async (_request, reply) => {
      const up = await pingDatabase(deps.db);
      return reply
        .status(up ? 200 : 503)
        .send({ status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', dialect: deps.dialect });
    },
  );
}

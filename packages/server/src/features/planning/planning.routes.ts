import {
  dispatchBoardSchema,
  idSchema,
  isoDateSchema,
  movePreviewSchema,
  moveVisitBodySchema,
  planRunSchema,
  planWeekBodySchema,
  urgentVisitBodySchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import { dispatchBoard } from './board.service.ts';
import { moveVisit, previewMove } from './move.service.ts';
import { discardRun, getRun } from './plan-runs.service.ts';
import { publishRun } from './publish.service.ts';
import { previewUrgent } from './urgent.service.ts';
import { planWeek } from './week-plan.service.ts';

export function planningRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['planning and dispatch'];
  const params = z.object({ id: idSchema });
  app.post(
    '/planning/runs',
    { schema: { tags, body: planWeekBodySchema, response: { 202: planRunSchema } } },
    async (request, reply) =>
      reply.status(202).send(await planWeek(deps, requireContext(request), request.body.weekStart)),
  );
  app.post(
    '/planning/urgent',
    { schema: { tags, body: urgentVisitBodySchema, response: { 202: planRunSchema } } },
    async (request, reply) =>
      reply.status(202).send(await previewUrgent(deps, requireContext(request), request.body)),
  );
  app.get(
    '/planning/runs/:id',
    { schema: { tags, params, response: { 200: planRunSchema } } },
    async (request) => getRun(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/planning/runs/:id/publish',
    { schema: { tags, params, response: { 200: planRunSchema } } },
    async (request) => publishRun(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/planning/runs/:id/discard',
    { schema: { tags, params, response: { 200: planRunSchema } } },
    async (request) => discardRun(deps, requireContext(request), request.params.id),
  );
  app.get(
    '/dispatch/board',
    {
      schema: {
        tags,
        querystring: z.object({ date: isoDateSchema.optional() }),
        response: { 200: dispatchBoardSchema },
      },
    },
    async (request) => dispatchBoard(deps, requireContext(request), request.query.date),
  );
  app.post(
    '/visits/:id/move/preview',
    { schema: { tags, params, body: moveVisitBodySchema, response: { 200: movePreviewSchema } } },
    async (request) => previewMove(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/visits/:id/move',
    { schema: { tags, params, body: moveVisitBodySchema, response: { 200: dispatchBoardSchema } } },
    async (request) => moveVisit(deps, requireContext(request), request.params.id, request.body),
  );
}

import {
  acpBodySchema,
  acpSummarySchema,
  acpViewSchema,
  careLevelMoveBodySchema,
  careLevelMoveSchema,
  patientIdParamsSchema,
  transferSummarySchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './advance-care.service.ts';

export function advanceCareRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['advance-care'];
  const params = patientIdParamsSchema;
  app.get(
    '/patients/:patientId/advance-care-plan',
    { schema: { tags, params, response: { 200: acpViewSchema } } },
    async (request) => service.getPlan(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/advance-care-plan',
    { schema: { tags, params, body: acpBodySchema, response: { 201: acpViewSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.recordPlan(deps, requireContext(request), request.params.patientId, request.body),
        ),
  );
  app.get(
    '/patients/:patientId/advance-care-plan/summary',
    { schema: { tags, params, response: { 200: acpSummarySchema } } },
    async (request) => service.planSummary(deps, requireContext(request), request.params.patientId),
  );
  app.get(
    '/patients/:patientId/transfer-summary',
    { schema: { tags, params, response: { 200: transferSummarySchema } } },
    async (request) => service.transferSummary(deps, requireContext(request), request.params.patientId),
  );
  app.get(
    '/patients/:patientId/care-level',
    { schema: { tags, params, response: { 200: z.array(careLevelMoveSchema) } } },
    async (request) => service.listMoves(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/care-level',
    {
      schema: {
        tags,
        params,
        body: careLevelMoveBodySchema,
        response: { 201: z.array(careLevelMoveSchema) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.moveCareLevel(deps, requireContext(request), request.params.patientId, request.body),
        ),
  );
}

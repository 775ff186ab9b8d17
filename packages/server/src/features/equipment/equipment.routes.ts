import {
  equipmentItemCreateSchema,
  equipmentItemPatchSchema,
  equipmentItemSchema,
  equipmentListQuerySchema,
  equipmentOverviewSchema,
  idSchema,
  loanCollectSchema,
  loanDeliverSchema,
  loanParamsSchema,
  loanRequestSchema,
  loanSchema,
  loanStepSchema,
  pageOf,
  patientIdParamsSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './equipment.service.ts';

export function equipmentRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['equipment'];
  app.get(
    '/equipment/items',
    {
      schema: { tags, querystring: equipmentListQuerySchema, response: { 200: pageOf(equipmentItemSchema) } },
    },
    async (request) => service.listItems(deps, requireContext(request), request.query),
  );
  app.post(
    '/equipment/items',
    { schema: { tags, body: equipmentItemCreateSchema, response: { 201: equipmentItemSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.createItem(deps, requireContext(request), request.body)),
  );
  app.patch(
    '/equipment/items/:itemId',
    {
      schema: {
        tags,
        params: z.object({ itemId: idSchema }),
        body: equipmentItemPatchSchema,
        response: { 200: equipmentItemSchema },
      },
    },
    async (request) => service.patchItem(deps, requireContext(request), request.params.itemId, request.body),
  );
  app.get(
    '/equipment/overview',
    { schema: { tags, response: { 200: equipmentOverviewSchema } } },
    async (request) => service.overview(deps, requireContext(request)),
  );
  app.get(
    '/patients/:patientId/equipment-loans',
    { schema: { tags, params: patientIdParamsSchema, response: { 200: z.array(loanSchema) } } },
    async (request) => service.patientLoans(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/equipment-loans',
    {
      schema: { tags, params: patientIdParamsSchema, body: loanRequestSchema, response: { 201: loanSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.requestLoan(deps, requireContext(request), request.params.patientId, request.body),
        ),
  );
  const steps = [
    ['deliver', 'deliver', loanDeliverSchema],
    ['in-use', 'in_use', loanStepSchema],
    ['collect', 'collect', loanCollectSchema],
    ['clean', 'clean', loanStepSchema],
    ['cancel', 'cancel', loanStepSchema],
  ] as const;
  for (const [path, step, body] of steps) {
    app.post(
      `/patients/:patientId/equipment-loans/:loanId/${path}`,
      { schema: { tags, params: loanParamsSchema, body, response: { 200: loanSchema } } },
      async (request) =>
        service.moveLoan(
          deps,
          requireContext(request),
          request.params.patientId,
          request.params.loanId,
          step,
          request.body as Record<string, string>,
        ),
    );
  }
}

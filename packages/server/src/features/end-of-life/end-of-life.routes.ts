import {
  bereavementListQuerySchema,
  bereavementTaskCompleteSchema,
  bereavementTaskParamsSchema,
  bereavementTaskSchema,
  bereavementTaskUpdateSchema,
  checklistParamsSchema,
  checklistUpdateSchema,
  closeDeathRecordBodySchema,
  deathRecordBodySchema,
  deathRecordSchema,
  endOfLifeMeasuresQuerySchema,
  endOfLifeMeasuresSchema,
  pageOf,
  patientIdParamsSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './end-of-life.service.ts';

export function endOfLifeRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['end-of-life'];
  const params = patientIdParamsSchema;
  app.get(
    '/patients/:patientId/death',
    { schema: { tags, params, response: { 200: deathRecordSchema } } },
    async (request) => service.getDeath(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/death',
    { schema: { tags, params, body: deathRecordBodySchema, response: { 201: deathRecordSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.recordDeath(deps, requireContext(request), request.params.patientId, request.body),
        ),
  );
  app.patch(
    '/patients/:patientId/death/checklist/:item',
    {
      schema: {
        tags,
        params: checklistParamsSchema,
        body: checklistUpdateSchema,
        response: { 200: deathRecordSchema },
      },
    },
    async (request) =>
      service.updateChecklist(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.item,
        request.body,
      ),
  );
  app.post(
    '/patients/:patientId/death/close',
    { schema: { tags, params, body: closeDeathRecordBodySchema, response: { 200: deathRecordSchema } } },
    async (request) =>
      service.closeDeath(
        deps,
        requireContext(request),
        request.params.patientId,
        request.body.bereavementOwnerId,
      ),
  );
  app.get(
    '/patients/:patientId/bereavement',
    { schema: { tags, params, response: { 200: z.array(bereavementTaskSchema) } } },
    async (request) => service.patientTasks(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/bereavement/:taskId/complete',
    {
      schema: {
        tags,
        params: bereavementTaskParamsSchema,
        body: bereavementTaskCompleteSchema,
        response: { 200: z.array(bereavementTaskSchema) },
      },
    },
    async (request) =>
      service.completeTask(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.taskId,
        request.body,
      ),
  );
  app.patch(
    '/patients/:patientId/bereavement/:taskId',
    {
      schema: {
        tags,
        params: bereavementTaskParamsSchema,
        body: bereavementTaskUpdateSchema,
        response: { 200: z.array(bereavementTaskSchema) },
      },
    },
    async (request) =>
      service.reassignTask(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.taskId,
        request.body,
      ),
  );
  app.get(
    '/bereavement/tasks',
    {
      schema: {
        tags,
        querystring: bereavementListQuerySchema,
        response: { 200: pageOf(bereavementTaskSchema) },
      },
    },
    async (request) => service.listTasks(deps, requireContext(request), request.query),
  );
  app.get(
    '/end-of-life/measures',
    {
      schema: {
        tags,
        querystring: endOfLifeMeasuresQuerySchema,
        response: { 200: endOfLifeMeasuresSchema },
      },
    },
    async (request) => service.measures(deps, requireContext(request), request.query),
  );
}

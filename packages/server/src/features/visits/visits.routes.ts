import {
  idSchema,
  isoDateSchema,
  okSchema,
  patientIdParamsSchema,
  shiftCreateBodySchema,
  shiftSchema,
  visitCompleteBodySchema,
  visitDocumentationSchema,
  visitRequestBodySchema,
  visitScheduleBodySchema,
  visitSchema,
  visitTransitionBodySchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './visits.service.ts';

export function visitRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['visits'];
  const params = z.object({ id: idSchema });
  const range = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

  app.get(
    '/patients/:patientId/visits',
    {
      schema: {
        tags,
        params: patientIdParamsSchema,
        querystring: range,
        response: { 200: z.array(visitSchema) },
      },
    },
    async (request) =>
      service.listPatientVisits(
        deps,
        requireContext(request),
        request.params.patientId,
        request.query.from,
        request.query.to,
      ),
  );
  app.post(
    '/patients/:patientId/visits',
    {
      schema: {
        tags,
        params: patientIdParamsSchema,
        body: visitRequestBodySchema,
        response: { 201: visitSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.requestVisit(deps, requireContext(request), request.params.patientId, request.body),
        ),
  );
  app.get(
    '/visits/mine',
    {
      schema: {
        tags,
        querystring: z.object({ date: isoDateSchema.optional() }),
        response: { 200: z.object({ date: isoDateSchema, visits: z.array(visitSchema) }) },
      },
    },
    async (request) => service.myDay(deps, requireContext(request), request.query.date),
  );
  app.get('/visits/:id', { schema: { tags, params, response: { 200: visitSchema } } }, async (request) =>
    service.getVisit(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/visits/:id/schedule',
    { schema: { tags, params, body: visitScheduleBodySchema, response: { 200: visitSchema } } },
    async (request) => service.scheduleVisit(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/visits/:id/transition',
    { schema: { tags, params, body: visitTransitionBodySchema, response: { 200: visitSchema } } },
    async (request) =>
      service.transitionVisit(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/visits/:id/complete',
    { schema: { tags, params, body: visitCompleteBodySchema, response: { 200: visitSchema } } },
    async (request) => service.completeVisit(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/visits/:id/notes',
    {
      schema: {
        tags,
        params,
        body: z.object({ documentation: visitDocumentationSchema, clientId: z.uuid().optional() }),
        response: { 200: visitSchema },
      },
    },
    async (request) => service.addVisitNote(deps, requireContext(request), request.params.id, request.body),
  );

  const rtags = ['rota'];
  app.get(
    '/rota',
    {
      schema: {
        tags: rtags,
        querystring: z.object({ from: isoDateSchema, to: isoDateSchema }),
        response: { 200: z.array(shiftSchema) },
      },
    },
    async (request) =>
      service.listShifts(deps, requireContext(request), request.query.from, request.query.to),
  );
  app.post(
    '/rota/shifts',
    { schema: { tags: rtags, body: shiftCreateBodySchema, response: { 201: shiftSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.addShift(deps, requireContext(request), request.body)),
  );
  app.delete(
    '/rota/shifts/:id',
    { schema: { tags: rtags, params, response: { 200: okSchema } } },
    async (request) => service.cancelShift(deps, requireContext(request), request.params.id),
  );
}

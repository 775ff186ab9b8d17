import {
  callLogBodySchema,
  callLogQuerySchema,
  callLogSchema,
  handoverBodySchema,
  idSchema,
  okSchema,
  onCallNowSchema,
  onCallShiftBodySchema,
  onCallShiftSchema,
  rotaQuerySchema,
  rotaViewSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './oncall.service.ts';

export function onCallRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['on-call'];
  const params = z.object({ id: idSchema });
  app.get(
    '/on-call/shifts',
    { schema: { tags, querystring: rotaQuerySchema, response: { 200: rotaViewSchema } } },
    async (request) =>
      service.getRota(
        deps,
        requireContext(request),
        new Date(request.query.from),
        new Date(request.query.to),
      ),
  );
  app.get('/on-call/now', { schema: { tags, response: { 200: onCallNowSchema } } }, async (request) =>
    service.onCallNow(deps, requireContext(request)),
  );
  app.post(
    '/on-call/shifts',
    { schema: { tags, body: onCallShiftBodySchema, response: { 201: onCallShiftSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.addShift(deps, requireContext(request), request.body)),
  );
  app.post(
    '/on-call/shifts/:id/cancel',
    { schema: { tags, params, response: { 200: okSchema } } },
    async (request) => {
      await service.cancelShift(deps, requireContext(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/on-call/shifts/:id/handover',
    { schema: { tags, params, body: handoverBodySchema, response: { 200: onCallShiftSchema } } },
    async (request) =>
      service.writeHandover(deps, requireContext(request), request.params.id, request.body.note),
  );

  const callTags = ['calls'];
  app.post(
    '/calls',
    { schema: { tags: callTags, body: callLogBodySchema, response: { 201: callLogSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.logCall(deps, requireContext(request), request.body)),
  );
  app.get(
    '/calls',
    {
      schema: {
        tags: callTags,
        querystring: callLogQuerySchema,
        response: { 200: z.object({ items: z.array(callLogSchema) }) },
      },
    },
    async (request) => service.listCalls(deps, requireContext(request), request.query),
  );
}

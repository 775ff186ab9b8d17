import {
  caseNoteBodySchema,
  pageOf,
  patientIdParamsSchema,
  referralBodySchema,
  referralListQuerySchema,
  referralParamsSchema,
  referralSchema,
  referralUpdateSchema,
  routingParamsSchema,
  routingUpdateSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './support.service.ts';

export function supportRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['support'];
  app.get(
    '/support/referrals',
    { schema: { tags, querystring: referralListQuerySchema, response: { 200: pageOf(referralSchema) } } },
    async (request) => service.listReferrals(deps, requireContext(request), request.query),
  );
  app.get(
    '/patients/:patientId/support-referrals',
    { schema: { tags, params: patientIdParamsSchema, response: { 200: z.array(referralSchema) } } },
    async (request) => service.patientReferrals(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/support-referrals',
    {
      schema: {
        tags,
        params: patientIdParamsSchema,
        body: referralBodySchema,
        response: { 201: referralSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.refer(deps, requireContext(request), request.params.patientId, request.body)),
  );
  app.patch(
    '/patients/:patientId/support-referrals/:referralId',
    {
      schema: {
        tags,
        params: referralParamsSchema,
        body: referralUpdateSchema,
        response: { 200: referralSchema },
      },
    },
    async (request) =>
      service.updateReferral(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.referralId,
        request.body,
      ),
  );
  app.post(
    '/patients/:patientId/support-referrals/:referralId/notes',
    {
      schema: {
        tags,
        params: referralParamsSchema,
        body: caseNoteBodySchema,
        response: { 200: referralSchema },
      },
    },
    async (request) =>
      service.addNote(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.referralId,
        request.body.text,
      ),
  );
  app.patch(
    '/patients/:patientId/support-referrals/:referralId/routing/:item',
    {
      schema: {
        tags,
        params: routingParamsSchema,
        body: routingUpdateSchema,
        response: { 200: referralSchema },
      },
    },
    async (request) =>
      service.updateRouting(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.referralId,
        request.params.item,
        request.body,
      ),
  );
}

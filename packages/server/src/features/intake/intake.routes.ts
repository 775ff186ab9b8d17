import {
  callAttemptBodySchema,
  careRequestBodySchema,
  careRequestListQuerySchema,
  careRequestSchema,
  errorBodySchema,
  idSchema,
  intakeConfirmationSchema,
  pageOf,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './intake.service.ts';

const orgQuery = z.object({ organizationId: idSchema.optional() });

export function intakeRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['intake'];
  const params = z.object({ id: idSchema });

  app.get(
    '/intake/public-info',
    {
      schema: {
        tags,
        querystring: orgQuery,
        response: {
          200: z.object({
            organizationName: z.string(),
            servicePhone: z.string(),
            callbackWithinMinutes: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { org, settings } = await service.publicOrganization(deps, request.query.organizationId);
      return {
        organizationName: org.name,
        servicePhone: settings.servicePhone,
        callbackWithinMinutes: settings.callbackDeadlineMinutes,
      };
    },
  );
  app.post(
    '/intake/requests',
    {
      schema: {
        tags,
        querystring: orgQuery,
        body: careRequestBodySchema,
        response: { 201: intakeConfirmationSchema, 429: errorBodySchema },
      },
      config: {
        rateLimit: { max: deps.config.intakeRateLimit.max, timeWindow: deps.config.intakeRateLimit.windowMs },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.submitPublicRequest(deps, request.body, request.id, request.query.organizationId),
        ),
  );
  app.post(
    '/intake/requests/phone',
    { schema: { tags, body: careRequestBodySchema, response: { 201: careRequestSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.enterPhoneRequest(deps, requireContext(request), request.body)),
  );
  app.get(
    '/intake/requests',
    {
      schema: { tags, querystring: careRequestListQuerySchema, response: { 200: pageOf(careRequestSchema) } },
    },
    async (request) =>
      service.listRequests(
        deps,
        requireContext(request),
        request.query.status,
        request.query.cursor,
        request.query.limit,
      ),
  );
  app.get(
    '/intake/requests/:id',
    { schema: { tags, params, response: { 200: careRequestSchema } } },
    async (request) => service.getRequest(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/intake/requests/:id/calls',
    { schema: { tags, params, body: callAttemptBodySchema, response: { 200: careRequestSchema } } },
    async (request) =>
      service.recordCall(
        deps,
        requireContext(request),
        request.params.id,
        request.body.outcome,
        request.body.note,
      ),
  );
}

import {
  idSchema,
  invitationSchema,
  inviteStaffBodySchema,
  okSchema,
  pageOf,
  pageQuerySchema,
  staffMemberSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './staff.service.ts';

const userParams = z.object({ userId: idSchema });

export function staffRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['staff'];
  app.get(
    '/staff',
    { schema: { tags, querystring: pageQuerySchema, response: { 200: pageOf(staffMemberSchema) } } },
    async (request) =>
      service.listStaff(deps, requireContext(request), request.query.cursor, request.query.limit),
  );
  app.post(
    '/staff',
    { schema: { tags, body: inviteStaffBodySchema, response: { 201: invitationSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.inviteStaff(deps, requireContext(request), request.body)),
  );
  app.post(
    '/staff/:userId/deactivate',
    { schema: { tags, params: userParams, response: { 200: okSchema } } },
    async (request) => {
      await service.setStaffActive(deps, requireContext(request), request.params.userId, false);
      return { ok: true as const };
    },
  );
  app.post(
    '/staff/:userId/reactivate',
    {
      schema: {
        tags,
        params: userParams,
        // an invited person who never accepted gets a new link; the old one stays dead
        response: { 200: okSchema.extend({ invitation: invitationSchema.nullable() }) },
      },
    },
    async (request) => {
      const invitation = await service.setStaffActive(
        deps,
        requireContext(request),
        request.params.userId,
        true,
      );
      return { ok: true as const, invitation };
    },
  );
}

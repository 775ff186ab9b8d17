import {
  familyMemberSchema,
  idSchema,
  invitationSchema,
  inviteFamilyBodySchema,
  okSchema,
  patientIdParamsSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './family.service.ts';

export function familyRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['family'];
  const params = patientIdParamsSchema;
  app.get(
    '/patients/:patientId/family',
    { schema: { tags, params, response: { 200: z.array(familyMemberSchema) } } },
    async (request) => service.listFamily(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/family',
    { schema: { tags, params, body: inviteFamilyBodySchema, response: { 201: invitationSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.inviteFamily(deps, requireContext(request), request.params.patientId, request.body),
        ),
  );
  app.delete(
    '/patients/:patientId/family/:userId',
    { schema: { tags, params: params.extend({ userId: idSchema }), response: { 200: okSchema } } },
    async (request) => {
      await service.removeFamily(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.userId,
      );
      return { ok: true as const };
    },
  );
}

import {
  carePlanChangeBodySchema,
  carePlanSchema,
  carePlanVersionSchema,
  careTeamMemberSchema,
  duePatientSchema,
  idSchema,
  isoDateSchema,
  meetingCreateBodySchema,
  meetingSchema,
  patientIdParamsSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './care-plans.service.ts';

export function carePlanRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['care plans'];
  const params = patientIdParamsSchema;
  app.get(
    '/patients/:patientId/care-plan',
    { schema: { tags, params, response: { 200: carePlanSchema } } },
    async (request) => service.getCarePlan(deps, requireContext(request), request.params.patientId),
  );
  app.get(
    '/patients/:patientId/care-plan/versions',
    { schema: { tags, params, response: { 200: z.array(carePlanVersionSchema) } } },
    async (request) => service.listVersions(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/care-plan',
    { schema: { tags, params, body: carePlanChangeBodySchema, response: { 200: carePlanSchema } } },
    async (request) =>
      service.changeCarePlan(deps, requireContext(request), request.params.patientId, request.body),
  );

  app.get(
    '/care-team',
    { schema: { tags, response: { 200: z.array(careTeamMemberSchema) } } },
    async (request) => service.careTeam(deps, requireContext(request)),
  );

  const mtags = ['team meetings'];
  app.get(
    '/meetings/due',
    {
      schema: {
        tags: mtags,
        querystring: z.object({ date: isoDateSchema.optional() }),
        response: { 200: z.array(duePatientSchema) },
      },
    },
    async (request) => service.duePatients(deps, requireContext(request), request.query.date),
  );
  app.get(
    '/meetings',
    { schema: { tags: mtags, response: { 200: z.array(meetingSchema) } } },
    async (request) => service.listMeetings(deps, requireContext(request)),
  );
  app.post(
    '/meetings',
    { schema: { tags: mtags, body: meetingCreateBodySchema, response: { 201: meetingSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.recordMeeting(deps, requireContext(request), request.body)),
  );
  app.get(
    '/meetings/:id',
    { schema: { tags: mtags, params: z.object({ id: idSchema }), response: { 200: meetingSchema } } },
    async (request) => service.getMeeting(deps, requireContext(request), request.params.id),
  );
}

import {
  burdenBodySchema,
  burdenViewSchema,
  caregiverSkillsViewSchema,
  dutyRosterQuerySchema,
  dutyRosterSchema,
  dutyShiftBodySchema,
  dutyShiftParamsSchema,
  instrumentWordingBodySchema,
  okSchema,
  patientIdParamsSchema,
  skillSignOffBodySchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './caregivers.service.ts';

export function caregiverRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['caregivers'];
  const params = patientIdParamsSchema;
  app.get(
    '/patients/:patientId/caregiver-skills',
    { schema: { tags, params, response: { 200: caregiverSkillsViewSchema } } },
    async (request) => service.getSkills(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/caregiver-skills',
    { schema: { tags, params, body: skillSignOffBodySchema, response: { 201: caregiverSkillsViewSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.signSkill(deps, requireContext(request), request.params.patientId, request.body)),
  );
  app.get(
    '/patients/:patientId/duty-roster',
    { schema: { tags, params, querystring: dutyRosterQuerySchema, response: { 200: dutyRosterSchema } } },
    async (request) =>
      service.getRoster(deps, requireContext(request), request.params.patientId, request.query),
  );
  app.post(
    '/patients/:patientId/duty-roster',
    { schema: { tags, params, body: dutyShiftBodySchema, response: { 201: dutyRosterSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addShift(deps, requireContext(request), request.params.patientId, request.body)),
  );
  app.delete(
    '/patients/:patientId/duty-roster/:shiftId',
    { schema: { tags, params: dutyShiftParamsSchema, response: { 200: dutyRosterSchema } } },
    async (request) =>
      service.cancelShift(deps, requireContext(request), request.params.patientId, request.params.shiftId),
  );
  app.get(
    '/patients/:patientId/caregiver-burden',
    { schema: { tags, params, response: { 200: burdenViewSchema } } },
    async (request) => service.getBurden(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/caregiver-burden',
    { schema: { tags, params, body: burdenBodySchema, response: { 201: burdenViewSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.recordBurden(deps, requireContext(request), request.params.patientId, request.body),
        ),
  );
  app.put(
    '/instruments/zbi12/wording',
    { schema: { tags, body: instrumentWordingBodySchema, response: { 200: okSchema } } },
    async (request) => service.loadWording(deps, requireContext(request), request.body),
  );
}

import {
  assignBodySchema,
  closeAssignmentBodySchema,
  decideHoursBodySchema,
  hoursEntrySchema,
  hoursListQuerySchema,
  idSchema,
  logHoursBodySchema,
  matchSchema,
  monthSchema,
  pageOf,
  paidCareHoursBodySchema,
  portalAssignmentListSchema,
  portalAssignmentSchema,
  respondBodySchema,
  screeningBodySchema,
  trainingBodySchema,
  volunteerBodySchema,
  volunteerDetailSchema,
  volunteerListQuerySchema,
  volunteerLoginBodySchema,
  volunteerLoginSchema,
  volunteerNoteBodySchema,
  volunteerPatchSchema,
  volunteerReportSchema,
  volunteerRequestBodySchema,
  volunteerRequestListQuerySchema,
  volunteerRequestSchema,
  volunteerSchema,
  volunteerStatusBodySchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './volunteers.service.ts';

export function volunteerRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['volunteers'];
  const params = z.object({ id: idSchema });

  app.post(
    '/volunteers',
    { schema: { tags, body: volunteerBodySchema, response: { 201: volunteerDetailSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.createVolunteer(deps, requireContext(request), request.body)),
  );
  app.get(
    '/volunteers',
    { schema: { tags, querystring: volunteerListQuerySchema, response: { 200: pageOf(volunteerSchema) } } },
    async (request) => service.listVolunteers(deps, requireContext(request), request.query),
  );
  app.get(
    '/volunteers/:id',
    { schema: { tags, params, response: { 200: volunteerDetailSchema } } },
    async (request) => service.getVolunteer(deps, requireContext(request), request.params.id),
  );
  app.patch(
    '/volunteers/:id',
    { schema: { tags, params, body: volunteerPatchSchema, response: { 200: volunteerDetailSchema } } },
    async (request) =>
      service.updateVolunteer(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteers/:id/screening',
    { schema: { tags, params, body: screeningBodySchema, response: { 200: volunteerDetailSchema } } },
    async (request) =>
      service.recordScreening(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteers/:id/training',
    { schema: { tags, params, body: trainingBodySchema, response: { 200: volunteerDetailSchema } } },
    async (request) => service.recordTraining(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteers/:id/notes',
    { schema: { tags, params, body: volunteerNoteBodySchema, response: { 200: volunteerDetailSchema } } },
    async (request) => service.addNote(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteers/:id/status',
    { schema: { tags, params, body: volunteerStatusBodySchema, response: { 200: volunteerDetailSchema } } },
    async (request) => service.changeStatus(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteers/:id/login',
    { schema: { tags, params, body: volunteerLoginBodySchema, response: { 201: volunteerLoginSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createLogin(deps, requireContext(request), request.params.id, request.body.email),
        ),
  );

  app.post(
    '/volunteer-requests',
    { schema: { tags, body: volunteerRequestBodySchema, response: { 201: volunteerRequestSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.createRequest(deps, requireContext(request), request.body)),
  );
  app.get(
    '/volunteer-requests',
    {
      schema: {
        tags,
        querystring: volunteerRequestListQuerySchema,
        response: { 200: pageOf(volunteerRequestSchema) },
      },
    },
    async (request) => service.listRequests(deps, requireContext(request), request.query),
  );
  app.get(
    '/volunteer-requests/:id',
    { schema: { tags, params, response: { 200: volunteerRequestSchema } } },
    async (request) => service.getRequest(deps, requireContext(request), request.params.id),
  );
  app.get(
    '/volunteer-requests/:id/matches',
    { schema: { tags, params, response: { 200: z.array(matchSchema) } } },
    async (request) => service.matchRequest(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/volunteer-requests/:id/assignments',
    { schema: { tags, params, body: assignBodySchema, response: { 200: volunteerRequestSchema } } },
    async (request) =>
      service.assign(deps, requireContext(request), request.params.id, request.body.volunteerId),
  );
  app.post(
    '/volunteer-requests/:id/assignments/:assignmentId/cancel',
    {
      schema: {
        tags,
        params: params.extend({ assignmentId: idSchema }),
        response: { 200: volunteerRequestSchema },
      },
    },
    async (request) =>
      service.cancelAssignment(deps, requireContext(request), request.params.id, request.params.assignmentId),
  );
  app.post(
    '/volunteer-requests/:id/assignments/:assignmentId/close',
    {
      schema: {
        tags,
        params: params.extend({ assignmentId: idSchema }),
        body: closeAssignmentBodySchema,
        response: { 200: volunteerRequestSchema },
      },
    },
    async (request) =>
      service.closeAssignment(
        deps,
        requireContext(request),
        request.params.id,
        request.params.assignmentId,
        request.body,
      ),
  );

  app.get(
    '/volunteer-hours',
    { schema: { tags, querystring: hoursListQuerySchema, response: { 200: pageOf(hoursEntrySchema) } } },
    async (request) => service.listHours(deps, requireContext(request), request.query),
  );
  app.post(
    '/volunteer-hours/:id/decision',
    { schema: { tags, params, body: decideHoursBodySchema, response: { 200: hoursEntrySchema } } },
    async (request) => service.decideHours(deps, requireContext(request), request.params.id, request.body),
  );
  const monthParams = z.object({ month: monthSchema });
  app.get(
    '/volunteer-reports/:month',
    { schema: { tags, params: monthParams, response: { 200: volunteerReportSchema } } },
    async (request) => service.report(deps, requireContext(request), request.params.month),
  );
  app.post(
    '/volunteer-reports/:month/paid-care-hours',
    {
      schema: {
        tags,
        params: monthParams,
        body: paidCareHoursBodySchema,
        response: { 200: volunteerReportSchema },
      },
    },
    async (request) =>
      service.setPaidCareHours(deps, requireContext(request), request.params.month, request.body.hours),
  );

  // the volunteer's own portal: only their assignments, only the minimum about the family
  const portalTags = ['volunteer portal'];
  app.get(
    '/volunteer-portal/assignments',
    { schema: { tags: portalTags, response: { 200: portalAssignmentListSchema } } },
    async (request) => service.myAssignments(deps, requireContext(request)),
  );
  app.get(
    '/volunteer-portal/assignments/:id',
    { schema: { tags: portalTags, params, response: { 200: portalAssignmentSchema } } },
    async (request) => service.myAssignment(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/volunteer-portal/assignments/:id/response',
    {
      schema: {
        tags: portalTags,
        params,
        body: respondBodySchema,
        response: { 200: portalAssignmentSchema },
      },
    },
    async (request) => service.respond(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteer-portal/assignments/:id/hours',
    {
      schema: {
        tags: portalTags,
        params,
        body: logHoursBodySchema,
        response: { 200: portalAssignmentSchema },
      },
    },
    async (request) => service.logHours(deps, requireContext(request), request.params.id, request.body),
  );
}

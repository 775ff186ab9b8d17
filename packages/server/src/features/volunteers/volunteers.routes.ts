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
import * as assignments from './assignments.service.ts';
import * as hours from './hours.service.ts';
import * as portal from './portal.service.ts';
import * as portalHours from './portal-hours.service.ts';
import * as records from './records.service.ts';
import * as recruitment from './recruitment.service.ts';
import * as report from './report.service.ts';
import * as requests from './requests.service.ts';

export function volunteerRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['volunteers'];
  const params = z.object({ id: idSchema });

  app.post(
    '/volunteers',
    { schema: { tags, body: volunteerBodySchema, response: { 201: volunteerDetailSchema } } },
    async (request, reply) =>
      reply.status(201).send(await records.createVolunteer(deps, requireContext(request), request.body)),
  );
  app.get(
    '/volunteers',
    { schema: { tags, querystring: volunteerListQuerySchema, response: { 200: pageOf(volunteerSchema) } } },
    async (request) => records.listVolunteers(deps, requireContext(request), request.query),
  );
  app.get(
    '/volunteers/:id',
    { schema: { tags, params, response: { 200: volunteerDetailSchema } } },
    async (request) => records.getVolunteer(deps, requireContext(request), request.params.id),
  );
  app.patch(
    '/volunteers/:id',
    { schema: { tags, params, body: volunteerPatchSchema, response: { 200: volunteerDetailSchema } } },
    async (request) =>
      records.updateVolunteer(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteers/:id/screening',
    { schema: { tags, params, body: screeningBodySchema, response: { 200: volunteerDetailSchema } } },
    async (request) =>
      recruitment.recordScreening(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteers/:id/training',
    { schema: { tags, params, body: trainingBodySchema, response: { 200: volunteerDetailSchema } } },
    async (request) =>
      recruitment.recordTraining(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteers/:id/notes',
    { schema: { tags, params, body: volunteerNoteBodySchema, response: { 200: volunteerDetailSchema } } },
    async (request) => recruitment.addNote(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteers/:id/status',
    { schema: { tags, params, body: volunteerStatusBodySchema, response: { 200: volunteerDetailSchema } } },
    async (request) =>
      recruitment.changeStatus(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/volunteers/:id/login',
    { schema: { tags, params, body: volunteerLoginBodySchema, response: { 201: volunteerLoginSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await records.createLogin(deps, requireContext(request), request.params.id, request.body.email),
        ),
  );

  app.post(
    '/volunteer-requests',
    { schema: { tags, body: volunteerRequestBodySchema, response: { 201: volunteerRequestSchema } } },
    async (request, reply) =>
      reply.status(201).send(await requests.createRequest(deps, requireContext(request), request.body)),
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
    async (request) => requests.listRequests(deps, requireContext(request), request.query),
  );
  app.get(
    '/volunteer-requests/:id',
    { schema: { tags, params, response: { 200: volunteerRequestSchema } } },
    async (request) => requests.getRequest(deps, requireContext(request), request.params.id),
  );
  app.get(
    '/volunteer-requests/:id/matches',
    { schema: { tags, params, response: { 200: z.array(matchSchema) } } },
    async (request) => requests.matchRequest(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/volunteer-requests/:id/assignments',
    { schema: { tags, params, body: assignBodySchema, response: { 200: volunteerRequestSchema } } },
    async (request) =>
      assignments.assign(deps, requireContext(request), request.params.id, request.body.volunteerId),
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
      assignments.cancelAssignment(
        deps,
        requireContext(request),
        request.params.id,
        request.params.assignmentId,
      ),
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
      assignments.closeAssignment(
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
    async (request) => hours.listHours(deps, requireContext(request), request.query),
  );
  app.post(
    '/volunteer-hours/:id/decision',
    { schema: { tags, params, body: decideHoursBodySchema, response: { 200: hoursEntrySchema } } },
    async (request) => hours.decideHours(deps, requireContext(request), request.params.id, request.body),
  );
  const monthParams = z.object({ month: monthSchema });
  app.get(
    '/volunteer-reports/:month',
    { schema: { tags, params: monthParams, response: { 200: volunteerReportSchema } } },
    async (request) => report.report(deps, requireContext(request), request.params.month),
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
      report.setPaidCareHours(deps, requireContext(request), request.params.month, request.body.hours),
  );

  // the volunteer's own portal: only their assignments, only the minimum about the family
  const portalTags = ['volunteer portal'];
  app.get(
    '/volunteer-portal/assignments',
    { schema: { tags: portalTags, response: { 200: portalAssignmentListSchema } } },
    async (request) => portal.myAssignments(deps, requireContext(request)),
  );
  app.get(
    '/volunteer-portal/assignments/:id',
    { schema: { tags: portalTags, params, response: { 200: portalAssignmentSchema } } },
    async (request) => portal.myAssignment(deps, requireContext(request), request.params.id),
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
    async (request) => portal.respond(deps, requireContext(request), request.params.id, request.body),
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
    async (request) => portalHours.logHours(deps, requireContext(request), request.params.id, request.body),
  );
}

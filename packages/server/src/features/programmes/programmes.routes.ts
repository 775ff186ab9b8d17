import {
  attendanceBodySchema,
  campApplicationBodySchema,
  campApplicationSchema,
  careNoteBodySchema,
  certificateSchema,
  clownVisitBodySchema,
  clownVisitSchema,
  clownVisitStatusBodySchema,
  consentBodySchema,
  enrolmentBodySchema,
  enrolmentSchema,
  idSchema,
  pageOf,
  participantBodySchema,
  programmeBodySchema,
  programmeDetailSchema,
  programmeListQuerySchema,
  programmeSchema,
  rosterBodySchema,
  sessionBodySchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as campApplications from './camp-applications.service.ts';
import * as campCare from './camp-care.service.ts';
import * as campPlaces from './camp-places.service.ts';
import * as clown from './clown-visits.service.ts';
import * as sessions from './programme-sessions.service.ts';
import * as people from './session-people.service.ts';
import * as courses from './training-centre.service.ts';

export function programmeRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['programmes'];
  const params = z.object({ id: idSchema });

  app.post(
    '/programmes',
    { schema: { tags, body: programmeBodySchema, response: { 201: programmeDetailSchema } } },
    async (request, reply) =>
      reply.status(201).send(await sessions.createProgramme(deps, requireContext(request), request.body)),
  );
  app.get(
    '/programmes',
    { schema: { tags, querystring: programmeListQuerySchema, response: { 200: pageOf(programmeSchema) } } },
    async (request) => sessions.listProgrammes(deps, requireContext(request), request.query),
  );
  app.get(
    '/programmes/:id',
    { schema: { tags, params, response: { 200: programmeDetailSchema } } },
    async (request) => sessions.getProgramme(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/programmes/:id/sessions',
    { schema: { tags, params, body: sessionBodySchema, response: { 200: programmeDetailSchema } } },
    async (request) => sessions.addSession(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/programme-sessions/:id/roster',
    { schema: { tags, params, body: rosterBodySchema, response: { 200: programmeDetailSchema } } },
    async (request) => people.addToRoster(deps, requireContext(request), request.params.id, request.body),
  );
  app.delete(
    '/programme-sessions/:id/roster/:entryId',
    {
      schema: {
        tags,
        params: params.extend({ entryId: idSchema }),
        response: { 200: programmeDetailSchema },
      },
    },
    async (request) =>
      people.removeFromRoster(deps, requireContext(request), request.params.id, request.params.entryId),
  );
  app.post(
    '/programme-sessions/:id/participants',
    { schema: { tags, params, body: participantBodySchema, response: { 200: programmeDetailSchema } } },
    async (request) => people.addParticipant(deps, requireContext(request), request.params.id, request.body),
  );

  const campTags = ['summer camp'];
  app.get(
    '/programme-sessions/:id/camp-applications',
    { schema: { tags: campTags, params, response: { 200: z.array(campApplicationSchema) } } },
    async (request) => campApplications.listApplications(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/programme-sessions/:id/camp-applications',
    {
      schema: {
        tags: campTags,
        params,
        body: campApplicationBodySchema,
        response: { 201: campApplicationSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await campPlaces.applyToCamp(deps, requireContext(request), request.params.id, request.body)),
  );
  app.post(
    '/camp-applications/:id/withdraw',
    { schema: { tags: campTags, params, response: { 200: campApplicationSchema } } },
    async (request) => campPlaces.withdrawApplication(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/camp-applications/:id/care-notes',
    {
      schema: { tags: campTags, params, body: careNoteBodySchema, response: { 200: campApplicationSchema } },
    },
    async (request) =>
      campCare.recordCareNote(deps, requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/camp-applications/:id/consents',
    { schema: { tags: campTags, params, body: consentBodySchema, response: { 200: campApplicationSchema } } },
    async (request) => campCare.recordConsent(deps, requireContext(request), request.params.id, request.body),
  );

  const clownTags = ['clown doctors'];
  app.get(
    '/clown-visits',
    { schema: { tags: clownTags, response: { 200: z.array(clownVisitSchema) } } },
    async (request) => clown.listClownVisits(deps, requireContext(request), 200),
  );
  app.post(
    '/clown-visits',
    { schema: { tags: clownTags, body: clownVisitBodySchema, response: { 201: clownVisitSchema } } },
    async (request, reply) =>
      reply.status(201).send(await clown.scheduleClownVisit(deps, requireContext(request), request.body)),
  );
  app.post(
    '/clown-visits/:id/status',
    {
      schema: {
        tags: clownTags,
        params,
        body: clownVisitStatusBodySchema,
        response: { 200: clownVisitSchema },
      },
    },
    async (request) => clown.closeClownVisit(deps, requireContext(request), request.params.id, request.body),
  );

  const courseTags = ['training centre'];
  app.get(
    '/programmes/:id/enrolments',
    { schema: { tags: courseTags, params, response: { 200: z.array(enrolmentSchema) } } },
    async (request) => courses.listEnrolments(deps, requireContext(request), request.params.id),
  );
  app.post(
    '/programmes/:id/enrolments',
    { schema: { tags: courseTags, params, body: enrolmentBodySchema, response: { 201: enrolmentSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await courses.enrol(deps, requireContext(request), request.params.id, request.body)),
  );
  app.post(
    '/course-enrolments/:id/attendance',
    { schema: { tags: courseTags, params, body: attendanceBodySchema, response: { 200: enrolmentSchema } } },
    async (request) => courses.markAttendance(deps, requireContext(request), request.params.id, request.body),
  );
  app.get(
    '/course-enrolments/:id/certificate',
    { schema: { tags: courseTags, params, response: { 200: certificateSchema } } },
    async (request) => courses.certificate(deps, requireContext(request), request.params.id),
  );
}

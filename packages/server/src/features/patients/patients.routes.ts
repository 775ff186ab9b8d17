import {
  allergyInputSchema,
  contactInputSchema,
  diagnosisInputSchema,
  identityCorrectionBodySchema,
  pageOf,
  patientCreateBodySchema,
  patientIdParamsSchema,
  patientListQuerySchema,
  patientSchema,
  patientStatusChangeBodySchema,
  patientSummarySchema,
  patientUpdateBodySchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './patients.service.ts';

export function patientRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['patients'];
  const params = patientIdParamsSchema;
  app.get(
    '/patients',
    {
      schema: { tags, querystring: patientListQuerySchema, response: { 200: pageOf(patientSummarySchema) } },
    },
    async (request) => service.listPatients(deps, requireContext(request), request.query),
  );
  app.get('/patients/areas', { schema: { tags, response: { 200: z.array(z.string()) } } }, async (request) =>
    service.listAreas(deps, requireContext(request)),
  );
  app.post(
    '/patients',
    { schema: { tags, body: patientCreateBodySchema, response: { 201: patientSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.createPatient(deps, requireContext(request), request.body)),
  );
  app.get(
    '/patients/:patientId',
    { schema: { tags, params, response: { 200: patientSchema } } },
    async (request) => service.getPatient(deps, requireContext(request), request.params.patientId),
  );
  app.patch(
    '/patients/:patientId',
    { schema: { tags, params, body: patientUpdateBodySchema, response: { 200: patientSchema } } },
    async (request) =>
      service.updatePatient(deps, requireContext(request), request.params.patientId, request.body),
  );
  app.post(
    '/patients/:patientId/status',
    { schema: { tags, params, body: patientStatusChangeBodySchema, response: { 200: patientSchema } } },
    async (request) =>
      service.changeStatus(
        deps,
        requireContext(request),
        request.params.patientId,
        request.body.status,
        request.body.reason,
      ),
  );
  app.post(
    '/patients/:patientId/identity-corrections',
    { schema: { tags, params, body: identityCorrectionBodySchema, response: { 200: patientSchema } } },
    async (request) =>
      service.correctIdentity(deps, requireContext(request), request.params.patientId, request.body),
  );
  app.post(
    '/patients/:patientId/diagnoses',
    { schema: { tags, params, body: diagnosisInputSchema, response: { 200: patientSchema } } },
    async (request) =>
      service.addPatientPart(deps, requireContext(request), request.params.patientId, {
        diagnoses: [request.body],
      }),
  );
  app.post(
    '/patients/:patientId/allergies',
    { schema: { tags, params, body: allergyInputSchema, response: { 200: patientSchema } } },
    async (request) =>
      service.addPatientPart(deps, requireContext(request), request.params.patientId, {
        allergies: [request.body],
      }),
  );
  app.post(
    '/patients/:patientId/contacts',
    { schema: { tags, params, body: contactInputSchema, response: { 200: patientSchema } } },
    async (request) =>
      service.addPatientPart(deps, requireContext(request), request.params.patientId, {
        contacts: [request.body],
      }),
  );
}

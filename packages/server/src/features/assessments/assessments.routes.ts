import {
  assessmentBodySchema,
  assessmentCorrectionBodySchema,
  assessmentListQuerySchema,
  assessmentPageSchema,
  assessmentSchema,
  clinicalTaskSchema,
  diaryBodySchema,
  diaryEntrySchema,
  diaryViewSchema,
  idSchema,
  taskListQuerySchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './assessments.service.ts';

export function assessmentRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['assessments'];
  const patientParams = z.object({ patientId: idSchema });
  const recordParams = z.object({ patientId: idSchema, recordId: idSchema });

  app.post(
    '/patients/:patientId/assessments',
    {
      schema: {
        tags,
        params: patientParams,
        body: assessmentBodySchema,
        response: { 201: assessmentSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.recordAssessment(
            deps,
            requireContext(request),
            request.params.patientId,
            request.body,
          ),
        ),
  );
  app.get(
    '/patients/:patientId/assessments',
    {
      schema: {
        tags,
        params: patientParams,
        querystring: assessmentListQuerySchema,
        response: { 200: assessmentPageSchema },
      },
    },
    async (request) =>
      service.listAssessments(deps, requireContext(request), request.params.patientId, request.query),
  );
  app.get(
    '/patients/:patientId/assessments/:recordId',
    { schema: { tags, params: recordParams, response: { 200: assessmentSchema } } },
    async (request) =>
      service.getAssessment(deps, requireContext(request), request.params.patientId, request.params.recordId),
  );
  app.post(
    '/patients/:patientId/assessments/:recordId/corrections',
    {
      schema: {
        tags,
        params: recordParams,
        body: assessmentCorrectionBodySchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) =>
      service.correctAssessment(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.recordId,
        request.body,
      ),
  );

  const diaryTags = ['diary'];
  app.get(
    '/patients/:patientId/diary',
    { schema: { tags: diaryTags, params: patientParams, response: { 200: diaryViewSchema } } },
    async (request) => service.getDiary(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/diary',
    {
      schema: {
        tags: diaryTags,
        params: patientParams,
        body: diaryBodySchema,
        response: { 201: diaryEntrySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.recordDiaryEntry(
            deps,
            requireContext(request),
            request.params.patientId,
            request.body,
          ),
        ),
  );

  const taskTags = ['tasks'];
  const taskPage = z.object({ items: z.array(clinicalTaskSchema) });
  app.get(
    '/tasks',
    { schema: { tags: taskTags, querystring: taskListQuerySchema, response: { 200: taskPage } } },
    async (request) => service.listTasks(deps, requireContext(request), request.query),
  );
  app.get(
    '/patients/:patientId/tasks',
    {
      schema: {
        tags: taskTags,
        params: patientParams,
        querystring: taskListQuerySchema,
        response: { 200: taskPage },
      },
    },
    async (request) =>
      service.listTasks(deps, requireContext(request), {
        ...request.query,
        patientId: request.params.patientId,
      }),
  );
}

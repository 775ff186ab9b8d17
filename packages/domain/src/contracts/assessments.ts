import { z } from 'zod';
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
  taskListQuerySchema,
} from '../assessments/schemas.ts';
import { idSchema } from '../common/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['assessments'] as const;
const patientParams = z.object({ patientId: idSchema });
const recordParams = z.object({ patientId: idSchema, recordId: idSchema });
const taskPage = z.object({ items: z.array(clinicalTaskSchema) });

/**
 * Assessments (with their corrections), the family's diary and the clinical tasks they raise.
 * The web records assessments and diary entries through the outbox (offline), which replays
 * these routes.
 */
export const assessmentRoutes = {
  record: route({
    method: 'POST',
    path: '/patients/:patientId/assessments',
    status: 201,
    params: patientParams,
    body: assessmentBodySchema,
    response: assessmentSchema,
    tags,
  }),
  list: route({
    method: 'GET',
    path: '/patients/:patientId/assessments',
    params: patientParams,
    query: assessmentListQuerySchema,
    response: assessmentPageSchema,
    tags,
  }),
  get: route({
    method: 'GET',
    path: '/patients/:patientId/assessments/:recordId',
    params: recordParams,
    response: assessmentSchema,
    tags,
  }),
  correct: route({
    method: 'POST',
    path: '/patients/:patientId/assessments/:recordId/corrections',
    params: recordParams,
    body: assessmentCorrectionBodySchema,
    response: assessmentSchema,
    tags,
  }),
  diary: route({
    method: 'GET',
    path: '/patients/:patientId/diary',
    params: patientParams,
    response: diaryViewSchema,
    tags: ['diary'],
  }),
  recordDiary: route({
    method: 'POST',
    path: '/patients/:patientId/diary',
    status: 201,
    params: patientParams,
    body: diaryBodySchema,
    response: diaryEntrySchema,
    tags: ['diary'],
  }),
  tasks: route({
    method: 'GET',
    path: '/tasks',
    query: taskListQuerySchema,
    response: taskPage,
    tags: ['tasks'],
  }),
  patientTasks: route({
    method: 'GET',
    path: '/patients/:patientId/tasks',
    params: patientParams,
    query: taskListQuerySchema,
    response: taskPage,
    tags: ['tasks'],
  }),
};

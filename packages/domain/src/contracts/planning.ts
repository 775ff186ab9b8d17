import { z } from 'zod';
import {
  dispatchBoardSchema,
  movePreviewSchema,
  moveVisitBodySchema,
  planRunSchema,
  planWeekBodySchema,
  urgentVisitBodySchema,
} from '../care/planning.ts';
import { idSchema, isoDateSchema } from '../common/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['planning and dispatch'] as const;
const params = z.object({ id: idSchema });

/**
 * Weekly planning runs, the urgent visit, the day's dispatch board and moving a visit on it.
 * Starting a run answers 202: the planner goes on working, and the run is polled until ready.
 */
export const planningRoutes = {
  startWeek: route({
    method: 'POST',
    path: '/planning/runs',
    status: 202,
    body: planWeekBodySchema,
    response: planRunSchema,
    tags,
  }),
  urgent: route({
    method: 'POST',
    path: '/planning/urgent',
    status: 202,
    body: urgentVisitBodySchema,
    response: planRunSchema,
    tags,
  }),
  run: route({ method: 'GET', path: '/planning/runs/:id', params, response: planRunSchema, tags }),
  publish: route({
    method: 'POST',
    path: '/planning/runs/:id/publish',
    params,
    response: planRunSchema,
    tags,
  }),
  discard: route({
    method: 'POST',
    path: '/planning/runs/:id/discard',
    params,
    response: planRunSchema,
    tags,
  }),
  board: route({
    method: 'GET',
    path: '/dispatch/board',
    query: z.object({ date: isoDateSchema.optional() }),
    response: dispatchBoardSchema,
    tags,
  }),
  previewMove: route({
    method: 'POST',
    path: '/visits/:id/move/preview',
    params,
    body: moveVisitBodySchema,
    response: movePreviewSchema,
    tags,
  }),
  move: route({
    method: 'POST',
    path: '/visits/:id/move',
    params,
    body: moveVisitBodySchema,
    response: dispatchBoardSchema,
    tags,
  }),
};

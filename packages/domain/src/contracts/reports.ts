import {
  drillPageSchema,
  drillParamsSchema,
  drillQuerySchema,
  reportQuerySchema,
  reportSchema,
} from '../reports/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['reports'] as const;

/** The service's measures for a period, and the requests or patients behind one of them. */
export const reportRoutes = {
  report: route({ method: 'GET', path: '/reports', query: reportQuerySchema, response: reportSchema, tags }),
  drill: route({
    method: 'GET',
    path: '/reports/:measure/items',
    params: drillParamsSchema,
    query: drillQuerySchema,
    response: drillPageSchema,
    tags,
  }),
};

import { z } from 'zod';
import {
  commissionCaseSchema,
  commissionDecisionBodySchema,
  commissionListQuerySchema,
  commissionReferBodySchema,
} from '../commission/schemas.ts';
import { idSchema, pageOf } from '../common/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['commission'] as const;
const params = z.object({ id: idSchema });

/**
 * The admission commission's cases and decisions. The document upload (multipart) and download
 * (the file's own bytes) are not JSON routes and stay outside the contracts.
 */
export const commissionRoutes = {
  refer: route({
    method: 'POST',
    path: '/commission/cases',
    status: 201,
    body: commissionReferBodySchema,
    response: commissionCaseSchema,
    tags,
  }),
  list: route({
    method: 'GET',
    path: '/commission/cases',
    query: commissionListQuerySchema,
    response: pageOf(commissionCaseSchema),
    tags,
  }),
  get: route({ method: 'GET', path: '/commission/cases/:id', params, response: commissionCaseSchema, tags }),
  decide: route({
    method: 'POST',
    path: '/commission/cases/:id/decision',
    params,
    body: commissionDecisionBodySchema,
    response: commissionCaseSchema,
    tags,
  }),
};

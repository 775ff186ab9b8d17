import { z } from 'zod';
import { idSchema, pageOf } from '../common/schemas.ts';
import {
  callAttemptBodySchema,
  careRequestBodySchema,
  careRequestListQuerySchema,
  careRequestSchema,
  intakeConfirmationSchema,
} from '../intake/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['intake'] as const;
const params = z.object({ id: idSchema });
/** The public form names the organization when the service runs more than one. */
const orgQuery = z.object({ organizationId: idSchema.optional() });

/** What the public request form shows about the service before anyone signs in. */
export const publicInfoSchema = z.object({
  organizationName: z.string(),
  servicePhone: z.string(),
  callbackWithinMinutes: z.number(),
});
export type PublicInfo = z.infer<typeof publicInfoSchema>;

/** Requests for care: the public form, the phone entry and the callback list. */
export const intakeRoutes = {
  publicInfo: route({
    method: 'GET',
    path: '/intake/public-info',
    query: orgQuery,
    response: publicInfoSchema,
    tags,
  }),
  /** Rate-limited on the server (its route adds the limit and the 429 answer). */
  submitPublic: route({
    method: 'POST',
    path: '/intake/requests',
    status: 201,
    query: orgQuery,
    body: careRequestBodySchema,
    response: intakeConfirmationSchema,
    tags,
  }),
  enterPhone: route({
    method: 'POST',
    path: '/intake/requests/phone',
    status: 201,
    body: careRequestBodySchema,
    response: careRequestSchema,
    tags,
  }),
  list: route({
    method: 'GET',
    path: '/intake/requests',
    query: careRequestListQuerySchema,
    response: pageOf(careRequestSchema),
    tags,
  }),
  get: route({ method: 'GET', path: '/intake/requests/:id', params, response: careRequestSchema, tags }),
  recordCall: route({
    method: 'POST',
    path: '/intake/requests/:id/calls',
    params,
    body: callAttemptBodySchema,
    response: careRequestSchema,
    tags,
  }),
};

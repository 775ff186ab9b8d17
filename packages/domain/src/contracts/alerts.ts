import { z } from 'zod';
import { alertListQuerySchema, alertResolveBodySchema, alertSchema } from '../alerts/schemas.ts';
import { idSchema, pageOf } from '../common/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['alerts'] as const;
const byId = z.object({ id: idSchema });

/** The alerts a clinician works through, and their acknowledgement and resolution. */
export const alertRoutes = {
  list: route({
    method: 'GET',
    path: '/alerts',
    query: alertListQuerySchema,
    response: pageOf(alertSchema),
    tags,
  }),
  listForPatient: route({
    method: 'GET',
    path: '/patients/:patientId/alerts',
    params: z.object({ patientId: idSchema }),
    query: alertListQuerySchema.omit({ patientId: true }),
    response: pageOf(alertSchema),
    tags,
  }),
  get: route({ method: 'GET', path: '/alerts/:id', params: byId, response: alertSchema, tags }),
  acknowledge: route({
    method: 'POST',
    path: '/alerts/:id/acknowledge',
    params: byId,
    response: alertSchema,
    tags,
  }),
  resolve: route({
    method: 'POST',
    path: '/alerts/:id/resolve',
    params: byId,
    body: alertResolveBodySchema,
    response: alertSchema,
    tags,
  }),
};

import { z } from 'zod';
import { idSchema, okSchema, pageOf, pageQuerySchema } from '../common/schemas.ts';
import { notificationSchema } from '../notifications/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['notifications'] as const;

/** The signed-in person's notifications. */
export const notificationRoutes = {
  list: route({
    method: 'GET',
    path: '/notifications',
    query: pageQuerySchema,
    response: pageOf(notificationSchema),
    tags,
  }),
  markRead: route({
    method: 'POST',
    path: '/notifications/:id/read',
    params: z.object({ id: idSchema }),
    response: okSchema,
    tags,
  }),
};

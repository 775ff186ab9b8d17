import { z } from 'zod';
import { invitationSchema, inviteStaffBodySchema, staffMemberSchema } from '../auth/schemas.ts';
import { idSchema, okSchema, pageOf, pageQuerySchema } from '../common/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['staff'] as const;
const userParams = z.object({ userId: idSchema });

/** The organization's staff: the list, invitations, deactivation and reactivation. */
export const staffRoutes = {
  list: route({
    method: 'GET',
    path: '/staff',
    query: pageQuerySchema,
    response: pageOf(staffMemberSchema),
    tags,
  }),
  invite: route({
    method: 'POST',
    path: '/staff',
    status: 201,
    body: inviteStaffBodySchema,
    response: invitationSchema,
    tags,
  }),
  deactivate: route({
    method: 'POST',
    path: '/staff/:userId/deactivate',
    params: userParams,
    response: okSchema,
    tags,
  }),
  reactivate: route({
    method: 'POST',
    path: '/staff/:userId/reactivate',
    params: userParams,
    // an invited person who never accepted gets a new link; the old one stays dead
    response: okSchema.extend({ invitation: invitationSchema.nullable() }),
    tags,
  }),
};

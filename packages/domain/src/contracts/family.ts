import { z } from 'zod';
import { familyMemberSchema, invitationSchema, inviteFamilyBodySchema } from '../auth/schemas.ts';
import { idSchema, okSchema } from '../common/schemas.ts';
import { patientIdParamsSchema } from '../patients/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['family'] as const;
const params = patientIdParamsSchema;

/** The family members invited to a patient's portal. */
export const familyRoutes = {
  list: route({
    method: 'GET',
    path: '/patients/:patientId/family',
    params,
    response: z.array(familyMemberSchema),
    tags,
  }),
  invite: route({
    method: 'POST',
    path: '/patients/:patientId/family',
    status: 201,
    params,
    body: inviteFamilyBodySchema,
    response: invitationSchema,
    tags,
  }),
  remove: route({
    method: 'DELETE',
    path: '/patients/:patientId/family/:userId',
    params: params.extend({ userId: idSchema }),
    response: okSchema,
    tags,
  }),
};

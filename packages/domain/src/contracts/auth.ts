import { z } from 'zod';
import {
  acceptInvitationBodySchema,
  changePasswordBodySchema,
  loginBodySchema,
  meSchema,
} from '../auth/schemas.ts';
import { okSchema } from '../common/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['auth'] as const;

/** Signing in and out, who is signed in, the password, and accepting an invitation. */
export const authRoutes = {
  login: route({ method: 'POST', path: '/auth/login', body: loginBodySchema, response: meSchema, tags }),
  logout: route({ method: 'POST', path: '/auth/logout', response: okSchema, tags }),
  me: route({ method: 'GET', path: '/auth/me', response: meSchema, tags }),
  changePassword: route({
    method: 'POST',
    path: '/auth/password',
    body: changePasswordBodySchema,
    response: okSchema,
    tags,
  }),
  acceptInvitation: route({
    method: 'POST',
    path: '/auth/accept-invitation',
    body: acceptInvitationBodySchema,
    response: z.object({ email: z.string() }),
    tags,
  }),
};

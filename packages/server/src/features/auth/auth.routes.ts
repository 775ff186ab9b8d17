import {
  acceptInvitationBodySchema,
  changePasswordBodySchema,
  errorBodySchema,
  loginBodySchema,
  meSchema,
  okSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { overHttps } from '../../http/secure-defaults.ts';
import { clearSessionCookie, requireContext, setSessionCookie } from '../../http/session.ts';
import * as service from './auth.service.ts';

export function authRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['auth'];

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        body: loginBodySchema,
        response: { 200: meSchema, 401: errorBodySchema, 429: errorBodySchema },
      },
      // a per-address limit on top of the per-account lock in the service
      config: { rateLimit: { max: 300, timeWindow: '15 minutes' } },
    },
    async (request, reply) => {
      const { token, maxAgeSeconds } = await service.login(
        deps,
        request.body.email,
        request.body.password,
        request.ip,
        request.id,
      );
      setSessionCookie(reply, token, maxAgeSeconds, overHttps(request, deps.config));
      const session = await service.resolveSession(deps, token);
      return session!.me;
    },
  );

  app.post('/auth/logout', { schema: { tags, response: { 200: okSchema } } }, async (request, reply) => {
    const ctx = requireContext(request);
    await service.logout(deps, ctx, request.session!.sessionId);
    clearSessionCookie(reply, overHttps(request, deps.config));
    return { ok: true as const };
  });

  app.get(
    '/auth/me',
    { schema: { tags, response: { 200: meSchema, 401: errorBodySchema } } },
    async (request) => {
      requireContext(request);
      return request.session!.me;
    },
  );

  app.post(
    '/auth/password',
    { schema: { tags, body: changePasswordBodySchema, response: { 200: okSchema } } },
    async (request) => {
      const ctx = requireContext(request);
      await service.changePassword(
        deps,
        ctx,
        request.session!.sessionId,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/accept-invitation',
    {
      schema: { tags, body: acceptInvitationBodySchema, response: { 200: z.object({ email: z.string() }) } },
      config: { rateLimit: { max: 20, timeWindow: '15 minutes' } },
    },
    async (request) => service.acceptInvitation(deps, request.body.token, request.body.password, request.id),
  );
}

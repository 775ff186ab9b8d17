import { errorBodySchema, authRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { overHttps } from '../../http/secure-defaults.ts';
import { clearSessionCookie, requireContext, setSessionCookie } from '../../http/session.ts';
import * as service from './auth.service.ts';

export function authRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);

  serve(
    app,
    routes.login,
    async ({ request, reply, body }) => {
      const { token, maxAgeSeconds } = await service.login(
        deps,
        body.email,
        body.password,
        request.ip,
        request.id,
      );
      setSessionCookie(reply, token, maxAgeSeconds, overHttps(request, deps.config));
      const session = await service.resolveSession(deps, token);
      return session!.me;
    },
    {
      // a per-address limit on top of the per-account lock in the service
      config: { rateLimit: { max: 300, timeWindow: '15 minutes' } },
      errors: { 401: errorBodySchema, 429: errorBodySchema },
    },
  );

  serve(app, routes.logout, async ({ request, reply }) => {
    const ctx = requireContext(request);
    await service.logout(deps, ctx, request.session!.sessionId);
    clearSessionCookie(reply, overHttps(request, deps.config));
    return { ok: true as const };
  });

  serve(
    app,
    routes.me,
    async ({ request }) => {
      requireContext(request);
      return request.session!.me;
    },
    { errors: { 401: errorBodySchema } },
  );

  serve(app, routes.changePassword, async ({ request, body }) => {
    const ctx = requireContext(request);
    await service.changePassword(
      deps,
      ctx,
      request.session!.sessionId,
      body.currentPassword,
      body.newPassword,
    );
    return { ok: true as const };
  });

  serve(
    app,
    routes.acceptInvitation,
    ({ request, body }) => service.acceptInvitation(deps, body.token, body.password, request.id),
    { config: { rateLimit: { max: 20, timeWindow: '15 minutes' } } },
  );
}

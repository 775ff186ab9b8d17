import { settingsRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './email.service.ts';

export function emailRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  serve(app, routes.email, ({ request }) => service.getEmailSettings(deps, requireContext(request)));
  serve(app, routes.updateEmail, ({ request, body }) =>
    service.updateEmailSettings(deps, requireContext(request), body),
  );
  serve(app, routes.testEmail, async ({ request, body }) => {
    await service.sendTestEmail(deps, requireContext(request), body.to);
    return { ok: true as const };
  });
}

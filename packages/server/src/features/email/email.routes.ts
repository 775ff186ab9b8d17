import { emailSettingsBodySchema, emailSettingsSchema, emailTestBodySchema, okSchema } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './email.service.ts';

export function emailRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['settings'];
  app.get('/settings/email', { schema: { tags, response: { 200: emailSettingsSchema } } }, async (request) =>
    service.getEmailSettings(deps, requireContext(request)),
  );
  app.put(
    '/settings/email',
    { schema: { tags, body: emailSettingsBodySchema, response: { 200: emailSettingsSchema } } },
    async (request) => service.updateEmailSettings(deps, requireContext(request), request.body),
  );
  app.post(
    '/settings/email/test',
    { schema: { tags, body: emailTestBodySchema, response: { 200: okSchema } } },
    async (request) => {
      await service.sendTestEmail(deps, requireContext(request), request.body.to);
      return { ok: true as const };
    },
  );
}

import {
  organizationSettingsPatchSchema,
  organizationSettingsSchema,
  settingsProblemsSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './settings.service.ts';

export function settingsRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['settings'];
  app.get('/settings', { schema: { tags, response: { 200: organizationSettingsSchema } } }, async (request) =>
    service.getSettings(deps, requireContext(request)),
  );
  app.get(
    '/settings/problems',
    { schema: { tags, response: { 200: settingsProblemsSchema } } },
    async (request) => service.settingsProblems(deps, requireContext(request)),
  );
  app.patch(
    '/settings',
    {
      schema: { tags, body: organizationSettingsPatchSchema, response: { 200: organizationSettingsSchema } },
    },
    async (request) => service.updateSettings(deps, requireContext(request), request.body),
  );
}

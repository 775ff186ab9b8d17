import { errorBodySchema, intakeRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './intake.service.ts';

export function intakeRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);

  serve(app, routes.publicInfo, async ({ query }) => {
    const { org, settings } = await service.publicOrganization(deps, query.organizationId);
    return {
      organizationName: org.name,
      servicePhone: settings.servicePhone,
      callbackWithinMinutes: settings.callbackDeadlineMinutes,
    };
  });
  serve(
    app,
    routes.submitPublic,
    ({ request, query, body }) => service.submitPublicRequest(deps, body, request.id, query.organizationId),
    {
      config: {
        rateLimit: { max: deps.config.intakeRateLimit.max, timeWindow: deps.config.intakeRateLimit.windowMs },
      },
      errors: { 429: errorBodySchema },
    },
  );
  serve(app, routes.enterPhone, ({ request, body }) =>
    service.enterPhoneRequest(deps, requireContext(request), body),
  );
  serve(app, routes.list, ({ request, query }) =>
    service.listRequests(deps, requireContext(request), query.status, query.cursor, query.limit),
  );
  serve(app, routes.get, ({ request, params }) =>
    service.getRequest(deps, requireContext(request), params.id),
  );
  serve(app, routes.recordCall, ({ request, params, body }) =>
    service.recordCall(deps, requireContext(request), params.id, body.outcome, body.note),
  );
}

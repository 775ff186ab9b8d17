import { assessmentRoutes as routes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './assessments.service.ts';

export function assessmentRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const ctx = requireContext;
  serve(app, routes.record, ({ request, params, body }) =>
    service.recordAssessment(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.list, ({ request, params, query }) =>
    service.listAssessments(deps, ctx(request), params.patientId, query),
  );
  serve(app, routes.get, ({ request, params }) =>
    service.getAssessment(deps, ctx(request), params.patientId, params.recordId),
  );
  serve(app, routes.correct, ({ request, params, body }) =>
    service.correctAssessment(deps, ctx(request), params.patientId, params.recordId, body),
  );
  serve(app, routes.diary, ({ request, params }) => service.getDiary(deps, ctx(request), params.patientId));
  serve(app, routes.recordDiary, ({ request, params, body }) =>
    service.recordDiaryEntry(deps, ctx(request), params.patientId, body),
  );
  serve(app, routes.tasks, ({ request, query }) => service.listTasks(deps, ctx(request), query));
  serve(app, routes.patientTasks, ({ request, params, query }) =>
    service.listTasks(deps, ctx(request), { ...query, patientId: params.patientId }),
  );
}

import { patientChartRoutes } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import { getPatientChart } from './chart.service.ts';

export function patientChartRoute(base: FastifyInstance, deps: AppDeps) {
  serve(zodApp(base), patientChartRoutes.get, ({ request, params }) =>
    getPatientChart(deps, requireContext(request), params.patientId),
  );
}

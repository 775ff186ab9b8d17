import { auditEventSchema, auditListQuerySchema, auditVerifyResultSchema, pageOf } from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './audit.service.ts';

export function auditRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['audit'];
  app.get(
    '/audit',
    { schema: { tags, querystring: auditListQuerySchema, response: { 200: pageOf(auditEventSchema) } } },
    async (request) => service.listAudit(deps, requireContext(request), request.query),
  );
  app.get(
    '/audit/verify',
    { schema: { tags, response: { 200: auditVerifyResultSchema } } },
    async (request) => service.verifyAudit(deps, requireContext(request)),
  );
}

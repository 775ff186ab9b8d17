import { auditEventSchema, auditListQuerySchema, auditVerifyResultSchema } from '../audit/schemas.ts';
import { pageOf } from '../common/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['audit'] as const;

/** The audit trail, filtered, and the check of its hash chain. */
export const auditRoutes = {
  list: route({
    method: 'GET',
    path: '/audit',
    query: auditListQuerySchema,
    response: pageOf(auditEventSchema),
    tags,
  }),
  verify: route({ method: 'GET', path: '/audit/verify', response: auditVerifyResultSchema, tags }),
};

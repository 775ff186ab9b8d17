import { z } from 'zod';
import { roleSchema } from '../auth/roles.ts';
import { idSchema } from '../common/schemas.ts';

export const auditOutcomes = ['success', 'denied', 'failed'] as const;

export const auditEventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: idSchema.nullable(),
  actorRole: roleSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  patientId: idSchema.nullable(),
  requestId: z.string().nullable(),
  outcome: z.enum(auditOutcomes),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListQuerySchema = z.object({
  patientId: idSchema.optional(),
  actorId: idSchema.optional(),
  action: z.string().max(80).optional(),
  entityType: z.string().max(80).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The sequence number the next page starts below: a whole number. */
  cursor: z
    .string()
    .regex(/^[0-9]{1,15}$/, 'must be a whole number')
    .optional(),
});

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenSeq: z.number().nullable(),
  problem: z.string().nullable(),
  /** Events appended but not yet chained, so not covered by this check. */
  unsealed: z.number(),
  /** The position of the chain head last recorded outside the database, if any. */
  anchoredSeq: z.number().nullable(),
});

/**
 * The fields the hash covers, in a fixed order, so that the chain can be re-computed by any
 * tool: hash = sha256(prevHash + '\n' + canonical(event)).
 */
export interface AuditHashInput {
  organizationId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  patientId: string | null;
  requestId: string | null;
  outcome: string;
}
export const canonicalAuditRecord = (e: AuditHashInput) =>
  JSON.stringify([
    e.organizationId,
    e.seq,
    e.at,
    e.actorId,
    e.actorRole,
    e.action,
    e.entityType,
    e.entityId,
    e.patientId,
    e.requestId,
    e.outcome,
  ]);
export const auditGenesisHash = '0'.repeat(64);

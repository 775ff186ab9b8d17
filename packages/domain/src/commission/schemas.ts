import { z } from 'zod';
import { idSchema, isoDateSchema } from '../common/schemas.ts';
import { icd10Schema } from '../patients/icd10.ts';
import { patientCreateBodySchema } from '../patients/schemas.ts';

/**
 * Performance status as the referring doctor reports it. ECOG 0-4 (Oken et al. 1982),
 * Karnofsky 0-100 in steps of 10 (Karnofsky & Burchenal 1949) or PPS v2 10-100 in steps of 10
 * (Victoria Hospice 2001).
 */
export const performanceScales = ['ecog', 'karnofsky', 'pps'] as const;
export const performanceStatusSchema = z
  .object({ scale: z.enum(performanceScales), score: z.number().int() })
  .refine(
    (p) =>
      p.scale === 'ecog'
        ? p.score >= 0 && p.score <= 4
        : p.score % 10 === 0 && p.score >= (p.scale === 'pps' ? 10 : 0) && p.score <= 100,
    {
      message: 'The score is outside the scale (ECOG 0-4; Karnofsky 0-100 and PPS 10-100 in steps of 10).',
      path: ['score'],
    },
  );

export const commissionStatuses = ['pending', 'granted', 'deferred', 'refused'] as const;
export type CommissionStatus = (typeof commissionStatuses)[number];

/** A coordinator refers a request (or an existing patient) to the commission. */
export const commissionReferBodySchema = z.object({
  careRequestId: idSchema.optional(),
  patientId: idSchema.optional(),
  patient: patientCreateBodySchema.optional(),
  icd10: icd10Schema,
  diagnosis: z.string().trim().min(3).max(500),
  performance: performanceStatusSchema,
  reason: z.string().trim().min(5).max(4000),
});

export const commissionMemberSchema = z.object({
  name: z.string().trim().min(2).max(120),
  role: z.string().trim().max(80).optional(),
});

export const commissionDecisionBodySchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('granted'),
    decidedOn: isoDateSchema,
    members: z.array(commissionMemberSchema).min(1).max(12),
    reviewDate: isoDateSchema,
    notes: z.string().trim().max(4000).optional(),
  }),
  z.object({
    decision: z.literal('deferred'),
    decidedOn: isoDateSchema,
    members: z.array(commissionMemberSchema).min(1).max(12),
    missing: z.string().trim().min(3, 'Say what is missing.').max(4000),
    notes: z.string().trim().max(4000).optional(),
  }),
  z.object({
    decision: z.literal('refused'),
    decidedOn: isoDateSchema,
    members: z.array(commissionMemberSchema).min(1).max(12),
    reason: z.string().trim().min(3, 'Say why.').max(4000),
    notes: z.string().trim().max(4000).optional(),
  }),
]);
export type CommissionDecisionBody = z.infer<typeof commissionDecisionBodySchema>;

export const commissionDocumentSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
});

export const commissionDecisionSchema = z.object({
  decision: z.enum(['granted', 'deferred', 'refused']),
  decidedOn: z.string(),
  members: z.array(commissionMemberSchema),
  reviewDate: z.string().nullable(),
  missing: z.string().nullable(),
  reason: z.string().nullable(),
  notes: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

export const commissionCaseSchema = z.object({
  id: idSchema,
  status: z.enum(commissionStatuses),
  patientId: idSchema.nullable(),
  patientName: z.string(),
  careRequestId: idSchema.nullable(),
  icd10: z.string(),
  diagnosis: z.string(),
  performance: z.object({ scale: z.enum(performanceScales), score: z.number() }),
  reason: z.string(),
  createdAt: z.string(),
  documents: z.array(commissionDocumentSchema),
  decisions: z.array(commissionDecisionSchema),
});
export type CommissionCase = z.infer<typeof commissionCaseSchema>;

export const commissionListQuerySchema = z.object({
  status: z.enum(commissionStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** Files a commission accepts: scans and documents, at most 10 MB each. */
export const commissionDocumentTypes = ['application/pdf', 'image/jpeg', 'image/png', 'text/plain'] as const;
export const maxDocumentBytes = 10 * 1024 * 1024;

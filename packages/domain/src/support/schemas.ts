import { z } from 'zod';
import { idSchema } from '../common/schemas.ts';

/** Support for patient and family: psychologist, social worker, chaplain (DOMAIN.md roles). */
export const supportDisciplines = ['psychologist', 'social_worker', 'chaplain'] as const;
export type SupportDiscipline = (typeof supportDisciplines)[number];
export const referralStatuses = ['open', 'in_progress', 'closed'] as const;
export const referralSources = ['staff', 'caregiver_burden', 'cannot_cope', 'bereavement'] as const;

/** The social worker's "routing" checklist (issue 7): paperwork, benefits, equipment elsewhere, other services. */
export const routingItems = [
  'documents_paperwork',
  'disability_benefits',
  'equipment_other_sources',
  'transport',
  'home_help',
  'other_services',
] as const;
export const routingStatuses = ['to_do', 'in_progress', 'done', 'not_needed'] as const;

export const referralBodySchema = z.object({
  discipline: z.enum(supportDisciplines),
  reason: z.string().trim().min(3).max(1000),
  forWhom: z.string().trim().max(120).optional(),
});
export const referralUpdateSchema = z.object({
  status: z.enum(referralStatuses).optional(),
  assignedUserId: idSchema.nullable().optional(),
  outcome: z.string().trim().max(2000).optional(),
});
export const caseNoteBodySchema = z.object({ text: z.string().trim().min(2).max(4000) });
export const routingUpdateSchema = z.object({
  status: z.enum(routingStatuses),
  note: z.string().trim().max(1000).optional(),
});

export const referralSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  discipline: z.enum(supportDisciplines),
  status: z.enum(referralStatuses),
  source: z.enum(referralSources),
  reason: z.string(),
  forWhom: z.string().nullable(),
  respiteOffered: z.boolean(),
  assignedUserId: idSchema.nullable(),
  assignedName: z.string().nullable(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  notes: z.array(z.object({ id: idSchema, text: z.string(), at: z.string(), byName: z.string() })),
  routing: z.array(
    z.object({
      item: z.enum(routingItems),
      status: z.enum(routingStatuses),
      note: z.string().nullable(),
      updatedAt: z.string().nullable(),
      updatedByName: z.string().nullable(),
    }),
  ),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralListQuerySchema = z.object({
  discipline: z.enum(supportDisciplines).optional(),
  status: z.enum(referralStatuses).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const referralParamsSchema = z.object({ patientId: idSchema, referralId: idSchema });
export const routingParamsSchema = referralParamsSchema.extend({ item: z.enum(routingItems) });

import { z } from 'zod';
import { isoDateSchema, pageOf, pageQuerySchema } from '../common/schemas.ts';
import { monthSchema } from '../volunteers/schemas.ts';
import { measureGroups, measureIds } from './measures.ts';

export const ageFilters = ['all', 'adult', 'child'] as const;

/** The report's filters; the period is whole months in the organization's time zone. */
export const reportQuerySchema = z
  .object({
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    area: z.string().trim().min(1).max(120).optional(),
    age: z.enum(ageFilters).default('all'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The period starts after it ends.',
    path: ['from'],
  })
  .refine((q) => !q.from || !q.to || monthSpan(q.from, q.to) <= 36, {
    message: 'Choose a period of three years or less.',
    path: ['from'],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const monthSpan = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1;

/** numerator of denominator (rates), or the spread of a time or value over the items. */
export const measureFiguresSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  /** rate: numerator / denominator; duration: the median; mean: the average; count: the count. */
  value: z.number().nullable(),
  p90: z.number().nullable(),
});
export type MeasureFigures = z.infer<typeof measureFiguresSchema>;

export const measureResultSchema = z.object({
  id: z.enum(measureIds),
  group: z.enum(measureGroups),
  total: measureFiguresSchema,
  months: z.array(measureFiguresSchema.extend({ month: monthSchema })),
  /** A breakdown (source, severity, area, place of death …); empty when the measure has none. */
  categories: z.array(measureFiguresSchema.extend({ key: z.string() })),
});
export type MeasureResult = z.infer<typeof measureResultSchema>;

export const reportSchema = z.object({
  from: monthSchema,
  to: monthSchema,
  area: z.string().nullable(),
  age: z.enum(ageFilters),
  /** The areas patients live in, for the filter. */
  areas: z.array(z.string()),
  organizationName: z.string(),
  /** The organization's language: the printed report is written in it. */
  language: z.enum(['en', 'ru']),
  measures: z.array(measureResultSchema),
});
export type Report = z.infer<typeof reportSchema>;

/** Which items behind a measure to list: those that met it, those that did not, or all. */
export const drillOutcomes = ['met', 'unmet', 'all'] as const;

export const drillQuerySchema = pageQuerySchema.extend({
  from: monthSchema.optional(),
  to: monthSchema.optional(),
  area: z.string().trim().min(1).max(120).optional(),
  age: z.enum(ageFilters).default('all'),
  outcome: z.enum(drillOutcomes).default('all'),
  category: z.string().trim().min(1).max(120).optional(),
  month: monthSchema.optional(),
});
export type DrillQuery = z.infer<typeof drillQuerySchema>;

export const drillParamsSchema = z.object({ measure: z.enum(measureIds) });

export const drillItemSchema = z.object({
  subject: z.enum(['request', 'patient']),
  /** The request's or patient's id (the link to open it). */
  id: z.string(),
  patientId: z.string().nullable(),
  /** Request reference and name, or the patient's name. */
  label: z.string(),
  at: z.string(),
  /** The item's day in the organization's time zone. */
  day: isoDateSchema,
  month: monthSchema,
  category: z.string().nullable(),
  met: z.boolean().nullable(),
  value: z.number().nullable(),
});
export type DrillItem = z.infer<typeof drillItemSchema>;
export const drillPageSchema = pageOf(drillItemSchema);

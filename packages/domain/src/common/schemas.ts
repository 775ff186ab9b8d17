import { z } from 'zod';

export const idSchema = z.uuid();
export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** Cursor pagination: every list answers at most `limit` rows and a cursor for the next page. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const okSchema = z.object({ ok: z.literal(true) });

/** Phone numbers as people type them: digits with optional +, spaces, dashes, brackets. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{7,20}$/, 'Enter a phone number, for example +375 29 123-45-67')
  // E.164 numbers have at most 15 digits; fewer than 7 is no reachable number (issue 17)
  .refine((p) => {
    const digits = p.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  }, 'Enter a phone number, for example +375 29 123-45-67');

export const localeSchema = z.enum(['en', 'ru']);
export type Locale = z.infer<typeof localeSchema>;

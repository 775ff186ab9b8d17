import type { z } from 'zod';
import { isApiError } from '../api/api-error.ts';

/**
 * One problem with one field: the zod issue code (for a translated text) and the schema's
 * message; from the server, also the refusal's reason and parameters when it names one.
 */
export interface FieldIssue {
  code: string;
  message: string;
  reason?: string;
  params?: Record<string, unknown>;
}
export type FieldErrors = Record<string, FieldIssue>;

/** Flattens zod issues to `{ 'patient.firstName': issue }`, keeping the first issue per field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = { code: issue.code, message: issue.message };
  }
  return out;
}

/**
 * Server field errors (already keyed by field) in the same shape as client ones. A refusal that
 * names its own reason (not the generic "some fields need attention") lends it to its fields.
 */
export function fromServerFields(fields: Record<string, string>, error?: unknown): FieldErrors {
  const why =
    isApiError(error) && error.reason && error.reason !== 'fieldsInvalid'
      ? { reason: error.reason, params: error.params ?? {} }
      : {};
  const out: FieldErrors = {};
  for (const [k, message] of Object.entries(fields)) out[k] = { code: 'server', message, ...why };
  return out;
}

/**
 * Validates `values` with a domain schema; answers the parsed body or the field errors. Empty
 * strings of optional fields are dropped first, because a blank input means "not given".
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(dropBlank(values));
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: fieldErrorsOf(result.error) };
}

export function dropBlank(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropBlank);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === '' || v === undefined || v === null) continue;
    out[k] = dropBlank(v);
  }
  return out;
}

import { z } from 'zod';

/** Every field optional at every depth; arrays and scalars are replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * The PATCH shape of a settings schema: every field optional at every depth and no defaults
 * filled in, so a body that names one section leaves every other stored value alone. Field
 * rules (ranges, formats) stay; the merged result is checked against the full schema.
 */
export function patchSchemaOf<T extends z.ZodObject>(schema: T): z.ZodType<DeepPartial<z.output<T>>> {
  return patchObject(schema) as unknown as z.ZodType<DeepPartial<z.output<T>>>;
}

function patchObject(schema: z.ZodObject): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape))
    shape[key] = patchField(field as z.ZodType).optional();
  return z.object(shape);
}

function patchField(field: z.ZodType): z.ZodType {
  if (field instanceof z.ZodDefault || field instanceof z.ZodPrefault)
    return patchField(field.unwrap() as z.ZodType);
  if (field instanceof z.ZodObject) return patchObject(field);
  return field;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stored values overlaid with a patch: objects merge key by key, anything else is replaced. */
export function mergePatch<T>(current: T, patch: unknown): T {
  if (!isPlainObject(current) || !isPlainObject(patch)) return (patch === undefined ? current : patch) as T;
  const out: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) out[key] = mergePatch(out[key], value);
  }
  return out as T;
}

/** A copy of `value` without the entry at `path` (so the schema's default takes its place). */
function withoutPath(value: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0 || !isPlainObject(value)) return value;
  const [head, ...rest] = path;
  const out: Record<string, unknown> = { ...value };
  if (rest.length === 0) delete out[String(head)];
  else out[String(head)] = withoutPath(out[String(head)], rest);
  return out;
}

export interface TolerantParse<T> {
  value: T;
  /** Dotted paths of stored values that were invalid and replaced by their default. */
  replaced: string[];
}

/**
 * Parses stored settings so that one bad stored value can never stop the service: each invalid
 * field falls back to its default (its parent section's default when the field has none) and is
 * reported so an administrator can be told. Throws only when nothing sensible is left.
 */
export function parseTolerant<T extends z.ZodType>(schema: T, stored: unknown): TolerantParse<z.output<T>> {
  let candidate = stored;
  const replaced = new Set<string>();
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = schema.safeParse(candidate);
    if (result.success) return { value: result.data, replaced: [...replaced] };
    for (const issue of result.error.issues) {
      let path = issue.path;
      // a field already dropped that still fails has no default: drop its section instead
      while (path.length > 1 && replaced.has(path.join('.'))) path = path.slice(0, -1);
      if (path.length === 0) throw result.error;
      replaced.add(path.join('.'));
      candidate = withoutPath(candidate, path);
    }
  }
  return { value: schema.parse(candidate), replaced: [...replaced] };
}

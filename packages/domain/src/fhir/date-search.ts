/**
 * The FHIR `date` search parameter: `[prefix]value` where the prefix is eq (default), gt, ge, lt
 * or le and the value a date (YYYY, YYYY-MM, YYYY-MM-DD) or a dateTime with a time zone. A value
 * names a range (a whole day, say); the prefixes compare the resource's instant with that range,
 * as the FHIR search page describes. Partial dates are taken in UTC.
 */
export type DatePrefix = 'eq' | 'gt' | 'ge' | 'lt' | 'le';
export interface DateCondition {
  prefix: DatePrefix;
  /** Start (inclusive) and end (exclusive) of the range the value names, in ms since the epoch. */
  start: number;
  end: number;
}

const prefixed = /^(eq|gt|ge|lt|le)?(.+)$/;
const partial = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The condition a value names, or null when it is not a date FHIR search understands. */
export function parseDateCondition(raw: string): DateCondition | null {
  const m = prefixed.exec(raw.trim());
  if (!m) return null;
  const prefix = (m[1] ?? 'eq') as DatePrefix;
  const value = m[2]!;
  const p = partial.exec(value);
  if (p) {
    const year = Number(p[1]);
    const month = p[2] ? Number(p[2]) : null;
    const day = p[3] ? Number(p[3]) : null;
    if (month !== null && (month < 1 || month > 12)) return null;
    const start = Date.UTC(year, (month ?? 1) - 1, day ?? 1);
    if (day !== null && new Date(start).getUTCDate() !== day) return null;
    const end =
      day !== null
        ? start + 86_400_000
        : month !== null
          ? Date.UTC(year, month, 1)
          : Date.UTC(year + 1, 0, 1);
    return { prefix, start, end };
  }
  if (!dateTime.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return { prefix, start: at, end: at + 1 };
}

/** Whether a resource's date (a FHIR date or dateTime) meets every condition. */
export function dateMatches(value: string | undefined, conditions: readonly DateCondition[]): boolean {
  if (conditions.length === 0) return true;
  if (value === undefined) return false;
  const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t)) return false;
  return conditions.every((c) => matchesOne(t, c));
}

function matchesOne(t: number, c: DateCondition): boolean {
  if (c.prefix === 'eq') return t >= c.start && t < c.end;
  if (c.prefix === 'gt') return t >= c.end;
  if (c.prefix === 'ge') return t >= c.start;
  if (c.prefix === 'lt') return t < c.start;
  return t < c.end;
}

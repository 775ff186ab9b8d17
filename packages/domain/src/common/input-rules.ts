/**
 * Rules every piece of input obeys, whatever its schema: the server applies them to every
 * request body, query string and path before the route's own schema, so no field can forget
 * them; the web can apply them to a form the same way.
 *
 * - Text is Unicode that the database can store: no NUL character (PostgreSQL text cannot hold
 *   it) and no lone surrogate (half of a UTF-16 pair, which is not a character at all). Text is
 *   kept in Unicode Normalization Form C, so "й" typed as one or as two code points is one string
 *   for search, uniqueness and comparison (Unicode Standard Annex #15).
 * - A calendar date or an instant lies between the years 1900 and 2100: nothing in a home care
 *   service happens outside that span, and year 0000 or 275760 breaks date arithmetic downstream.
 * - A number is finite and, unless it is zero, not smaller in size than one billionth: no
 *   quantity, dose, duration or coordinate this service records is that small, and such values
 *   (for example 1e-320 hours) turn into infinities once something is divided by them.
 */
export const inputYearRange = { min: 1900, max: 2100 } as const;
export const smallestQuantity = 1e-9;

export interface InputProblem {
  /** Where the problem is: object keys and array indexes from the top of the input. */
  path: (string | number)[];
  message: string;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// `YYYY-MM-DD`, optionally followed by a time: the shapes of every date and instant we accept
const dateLike = /^([+-]?\d{4,6})-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Why a piece of text breaks the rules, or null when it does not. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character';
  if (loneSurrogate.test(text)) return 'contains a broken character (a lone surrogate)';
  const date = dateLike.exec(text);
  if (date) {
    const year = Number(date[1]);
    if (year < inputYearRange.min || year > inputYearRange.max)
      return `must be a date between the years ${inputYearRange.min} and ${inputYearRange.max}`;
  }
  return null;
}

/** Why a number breaks the rules, or null when it does not. */
export function numberProblem(n: number): string | null {
  if (!Number.isFinite(n)) return 'must be a finite number';
  if (n !== 0 && Math.abs(n) < smallestQuantity) return 'is too small to be a real amount';
  return null;
}

/**
 * Checks a parsed input (JSON body, query or path parameters) and returns a copy with every
 * string in NFC, or the problems found. Keys are checked like values.
 */
export function applyInputRules(value: unknown): { value: unknown; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) problems.push({ path, message: problem });
      return problem ? v : v.normalize('NFC');
    }
    if (typeof v === 'number') {
      const problem = numberProblem(v);
      if (problem) problems.push({ path, message: problem });
      return v;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, i]));
    if (v !== null && typeof v === 'object' && isPlainRecord(v)) {
      // fromEntries defines own properties, so even a key named "__proto__" stays plain data
      return Object.fromEntries(
        Object.entries(v).map(([key, item]) => {
          const keyProblem = textProblem(key);
          if (keyProblem) problems.push({ path: [...path, key], message: `name ${keyProblem}` });
          return [key.normalize('NFC'), walk(item, [...path, key])];
        }),
      );
    }
    return v;
  };
  const cleaned = walk(value, []);
  return { value: cleaned, problems };
}

/**
 * Plain data: JSON objects, and parsed query strings (whose parser builds them on a bare
 * prototype of its own); anything else (a file stream, a Buffer) is left alone.
 */
function isPlainRecord(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

import fc from 'fast-check';

/** The parts of an OpenAPI 3.0 schema object the app's documents use. */
export interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/**
 * Values a careless or hostile client sends: the shapes that once answered 500 (NUL, lone
 * surrogates, year 0000, vanishing and huge numbers, non-integers where integers are meant)
 * and prototype names.
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.constantFrom(
  '\u0000',
  'text\u0000more',
  'a\uD800b',
  '\uDC00',
  '\u202Eexe.pdf',
  '0000-01-01',
  '9999-12-31',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '',
  ' ',
  'constructor',
  '__proto__',
  'x'.repeat(5000),
  1e-320,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  true,
  null,
  [],
  {},
);

export interface ArbitraryOptions {
  /** Real ids to use for uuid fields (so foreign keys point at rows that exist), mixed with random ones. */
  ids: string[];
  /** How often, out of 10, a leaf is replaced by a hostile value. */
  hostilePerTen: number;
}

/** Values for a JSON schema: mostly well-formed, sometimes hostile, sometimes missing a required field. */
export function arbitraryFor(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const wellFormed = shaped(schema, options);
  if (options.hostilePerTen <= 0) return wellFormed;
  return fc.oneof(
    { arbitrary: wellFormed, weight: 10 - options.hostilePerTen },
    { arbitrary: hostileValue, weight: options.hostilePerTen },
  );
}

function shaped(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return withNull(schema, fc.oneof(...variants.map((s) => arbitraryFor(s, options))));
  if (schema.allOf?.length) return arbitraryFor(mergeAll(schema.allOf), options);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return withNull(schema, fc.constantFrom(...schema.enum));
  const types = [schema.type ?? 'string'].flat();
  const arbs = types.map((type) => byType(type, schema, options));
  return withNull(schema, arbs.length === 1 ? (arbs[0] as fc.Arbitrary<unknown>) : fc.oneof(...arbs));
}

function byType(type: string, schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = Math.max(bound(schema.minimum, -1000), -(2 ** 31));
      return fc.integer({ min, max: Math.min(Math.max(bound(schema.maximum, 100_000), min), 2 ** 31 - 1) });
    }
    case 'number': {
      const min = bound(schema.minimum, -1000);
      return fc.double({ min, max: Math.max(bound(schema.maximum, 100_000), min), noNaN: true });
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, options), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
      });
    case 'object':
      return objectOf(schema, options);
    default:
      return stringFor(schema, options);
  }
}

function objectOf(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, arbitraryFor(s, options)]));
  const required = (schema.required ?? []).filter((k) => k in props);
  const full = fc.record(model, { requiredKeys: required });
  // now and then a required field is missing or an unknown one is added
  return fc.oneof(
    { arbitrary: full, weight: 8 },
    {
      arbitrary: fc
        .tuple(full, fc.constantFrom(...(required.length ? required : ['unknown'])))
        .map(([o, drop]) => {
          const { [drop]: _dropped, ...rest } = o as Record<string, unknown>;
          return rest;
        }),
      weight: 1,
    },
    { arbitrary: full.map((o) => ({ ...(o as object), unexpectedField: 'x' })), weight: 1 },
  );
}

function stringFor(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return options.ids.length ? fc.oneof(fc.constantFrom(...options.ids), fc.uuid()) : fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('1925-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length <= (schema.maxLength ?? 200));
    } catch {
      // a pattern fast-check cannot generate from: plain strings below
    }
  }
  const minLength = schema.minLength ?? 0;
  return fc.string({
    unit: fc.oneof(fc.constantFrom('a', 'Я', ' ', '1', '-', '\u0301', '😀'), fc.string({ maxLength: 1 })),
    minLength,
    maxLength: Math.min(schema.maxLength ?? 40, Math.max(minLength, 40)),
  });
}

const bound = (v: number | undefined, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

const withNull = (schema: JsonSchema, arb: fc.Arbitrary<unknown>) =>
  schema.nullable ? fc.oneof(arb, fc.constant(null)) : arb;

function mergeAll(parts: JsonSchema[]): JsonSchema {
  const merged: JsonSchema = { properties: {}, required: [] };
  for (const p of parts) {
    Object.assign(merged, { ...p, properties: merged.properties, required: merged.required });
    Object.assign(merged.properties as object, p.properties);
    merged.required?.push(...(p.required ?? []));
  }
  return merged;
}

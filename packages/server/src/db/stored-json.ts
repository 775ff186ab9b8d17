import type { ColumnType } from 'kysely';
import type { z } from 'zod';

/**
 * A jsonb column. A read gives `unknown` on purpose: the repository turns it into a typed value
 * only through `parseStored` with the domain schema the write side validated it with, so a stored
 * value that no longer fits (an old shape, a hand edit) is a clear error naming the row instead of
 * a wrong screen. Writes take the JSON text.
 */
export type StoredJson = ColumnType<unknown, string, string>;

/** A jsonb column that may be null (and may be left out of an insert). */
export type NullableStoredJson = ColumnType<unknown, string | null | undefined, string | null>;

/** Where a stored value came from, for the error that names it. */
export interface StoredAt {
  table: string;
  column: string;
  id: string;
}

/**
 * A stored value that does not match its domain schema. It is a server fault (500): the log line
 * names the table, column and row, and which paths failed, never the values themselves (they may
 * be clinical).
 */
export class StoredValueError extends Error {
  constructor(
    readonly at: StoredAt,
    readonly problems: string[],
  ) {
    super(`${at.table}.${at.column} of row ${at.id} does not match its schema: ${problems.join('; ')}`);
    this.name = 'StoredValueError';
  }
}

/** The typed value of a jsonb column, parsed with its domain schema. */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, at: StoredAt): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new StoredValueError(
    at,
    parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(whole value)'} ${i.code}`),
  );
}

/** The JSON text a jsonb column is written with. */
export const storedJson = (value: unknown): string => JSON.stringify(value);

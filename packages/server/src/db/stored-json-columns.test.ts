import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

const src = join(import.meta.dirname, '..');

const sourceFiles = (suffix: string) =>
  readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => ({ file: f, text: readFileSync(join(src, f), 'utf8') }));

/** The body of each `*.table.ts` interface, by interface name (own fields only). */
function tableInterfaces() {
  const bodies = new Map<string, string>();
  for (const { text } of sourceFiles('.table.ts'))
    for (const m of text.matchAll(/interface (\w+)(?: extends (\w+))?[^{]*\{([\s\S]*?)\n\}/g))
      bodies.set(m[1]!, `${m[3]}\n${m[2] ? `@extends ${m[2]}` : ''}`);
  return bodies;
}

/** `table name → interface name` as the Kysely `Database` interface declares them. */
function tablesOfDatabase() {
  const schema = readFileSync(join(src, 'db', 'schema.ts'), 'utf8');
  const body = /export interface Database \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? '';
  return new Map([...body.matchAll(/^\s+(\w+): (\w+);/gm)].map((m) => [m[1]!, m[2]!]));
}

/** The declared type of `column` in an interface, following `extends`. */
function declaredType(bodies: Map<string, string>, name: string, column: string): string | undefined {
  const body = bodies.get(name);
  if (!body) return undefined;
  const own = new RegExp(`^\\s+${column}: ([^;]+);`, 'm').exec(body)?.[1];
  if (own) return own.trim();
  const parent = /@extends (\w+)/.exec(body)?.[1];
  return parent ? declaredType(bodies, parent, column) : undefined;
}

describe('jsonb columns', () => {
  let database: TestDatabase;
  afterAll(() => database?.close());

  it('are read as unknown and parsed with a domain schema: none is typed by assertion', () => {
    const asserted = [...sourceFiles('.ts')]
      .filter(({ file, text }) => !file.endsWith('.test.ts') && /JSONColumnType/.test(text))
      .map(({ file }) => file);
    expect(asserted, 'use StoredJson and parseStored instead of JSONColumnType').toEqual([]);
  });

  it('are each declared StoredJson or NullableStoredJson in their table type', async () => {
    database = await openTestDatabase();
    await migrateToLatest(database.db);
    const columns = (
      await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and data_type = 'jsonb'
        order by table_name, column_name`.execute(database.db)
    ).rows;
    expect(columns.length).toBeGreaterThan(20);
    const bodies = tableInterfaces();
    const tables = tablesOfDatabase();
    const wrong = columns
      .map((c) => ({
        at: `${c.table_name}.${c.column_name}`,
        type: declaredType(bodies, tables.get(c.table_name) ?? '', c.column_name),
      }))
      .filter((c) => !/^(Nullable)?StoredJson$/.test(c.type ?? ''));
    expect(wrong).toEqual([]);
  });
});

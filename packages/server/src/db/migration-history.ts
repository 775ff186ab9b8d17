import { type Kysely, sql } from 'kysely';
import { type MigrationProvider, Migrator } from 'kysely/migration';
import { legacyMigrationNames } from './migrations/legacy-names.ts';

const historyTable = 'kysely_migration';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type AnyDb = Kysely<any>;

interface HistoryRow {
  name: string;
  timestamp: string;
}

async function readHistory(db: AnyDb): Promise<HistoryRow[] | null> {
  const exists = await sql<{
    found: boolean;
  }>`select to_regclass(${historyTable}) is not null as found`.execute(db);
  if (!exists.rows[0]?.found) return null;
  return db.selectFrom(historyTable).select(['name', 'timestamp']).execute() as Promise<HistoryRow[]>;
}

/** The executed names in the order the migrator sees them: by execution time, then by name. */
const executionOrder = (rows: HistoryRow[]) =>
  [...rows]
    .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp) || a.name.localeCompare(b.name))
    .map((r) => r.name);

/**
 * Brings an installation migrated under the old, unordered scheme into the strict one, once:
 * 1. history rows under the made-up legacy names are renamed to the real-time names;
 * 2. a migration that sorts before one already run (a feature merged late, which the old scheme
 *    allowed) is run now, the last unordered run there will be;
 * 3. the recorded execution times are rewritten so the history reads in name order, which is what
 *    the strict migrator checks from then on.
 * A fresh database has no history and is left alone; an installation already in order is not
 * touched, so this costs one catalogue query per start.
 */
export async function convertLegacyHistory(db: AnyDb, provider: MigrationProvider): Promise<string[]> {
  const before = await readHistory(db);
  if (!before || before.length === 0) return [];
  const legacy = before.filter((r) => r.name in legacyMigrationNames);
  for (const row of legacy)
    await db
      .updateTable(historyTable)
      .set({ name: legacyMigrationNames[row.name] })
      .where('name', '=', row.name)
      .execute();

  const known = Object.keys(await provider.getMigrations()).sort();
  const executed = new Set(before.map((r) => legacyMigrationNames[r.name] ?? r.name));
  const lastExecuted = known.findLastIndex((name) => executed.has(name));
  const holes = known.slice(0, lastExecuted + 1).filter((name) => !executed.has(name));
  let filled: string[] = [];
  if (holes.length > 0) {
    // the one place unordered runs remain: history written before the strict scheme existed
    const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    filled = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  const after = (await readHistory(db)) ?? [];
  const byName = after.map((r) => r.name).sort();
  const current = executionOrder(after);
  if (current.some((name, i) => name !== byName[i])) {
    const start = Math.min(...after.map((r) => Date.parse(r.timestamp)));
    for (const [i, name] of byName.entries())
      await db
        .updateTable(historyTable)
        .set({ timestamp: new Date(start + i).toISOString() })
        .where('name', '=', name)
        .execute();
  }
  return filled;
}

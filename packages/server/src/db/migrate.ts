import type { Kysely } from 'kysely';
import { type MigrationProvider, Migrator } from 'kysely/migration';
import { convertLegacyHistory } from './migration-history.ts';
import { migrations } from './migrations/index.ts';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Runs pending migrations at start-up; throws (and the server does not start) if one fails.
 * Migrations run strictly in name order (real UTC timestamps), so a fresh installation and an
 * upgraded one apply the same DDL in the same order; a new migration that sorts before one an
 * installation has already run is refused (and `migrations.test.ts` catches it before it lands).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const converted = await convertLegacyHistory(db, provider);
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: false });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return [...converted, ...(results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)];
}

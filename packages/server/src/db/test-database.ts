import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from './database.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Environment that points a command-line tool at the same database. */
  cliEnv: Record<string, string>;
}

/**
 * A fresh, empty database for one test file: in-memory PGlite by default, or a new database
 * created on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 */
export async function openTestDatabase(
  options: { dataDir?: string; poolMax?: number } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: options.dataDir });
    return { ...handle, cliEnv: options.dataDir ? { HEARTH_DATA_DIR: options.dataDir } : {} };
  }
  const name = `hearth_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // tests keep the pool small so many test files fit the server's connection limit side by side
  const handle = await openDatabase({ databaseUrl: url.toString(), poolMax: options.poolMax ?? 5 });
  return {
    ...handle,
    cliEnv: { DATABASE_URL: url.toString() },
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from './database.ts';
import { pgliteTemplate, postgresTemplate, type TestTemplate } from './test-template.ts';

export type { TestTemplate } from './test-template.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Environment that points a command-line tool at the same database. */
  cliEnv: Record<string, string>;
  /** The database's name on a PostgreSQL server. */
  name?: string;
}

/**
 * A database of its own for one test file: in-memory PGlite by default, or a new database created
 * on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close). Empty, or, with a
 * `template`, a copy of what the template builds: built once per key and machine (or server), then
 * copied, so the files of a run do not each migrate and seed the same data again.
 * An on-disk PGlite (`dataDir`) always starts empty.
 */
export async function openTestDatabase(
  options: {
    dataDir?: string;
    poolMax?: number;
    template?: TestTemplate;
    /**
     * PostgreSQL only, for benchmarks: a database of that name on the server, opened as it is
     * (not created) and kept at close; or, with `keep`, the new database is kept at close.
     */
    existing?: string;
    keep?: boolean;
  } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const { template } = options;
  if (!serverUrl) {
    if (options.dataDir) {
      const handle = await openDatabase({ dataDir: options.dataDir });
      return { ...handle, cliEnv: { HEARTH_DATA_DIR: options.dataDir } };
    }
    if (!template) return { ...(await openDatabase({})), cliEnv: {} };
    // the process that builds the template goes on with the database it seeded
    const built: { handle?: DatabaseHandle } = {};
    const cached = await pgliteTemplate(template, async () => {
      built.handle = await openDatabase({});
      await template.build(built.handle.db);
      return built.handle.dumpDataDir!();
    });
    if (cached) return { ...(await openDatabase({ loadDataDir: cached })), cliEnv: {} };
    if (!built.handle) throw new Error('the test template was built without a database');
    return { ...built.handle, cliEnv: {} };
  }
  if (options.existing !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.existing))
    throw new Error(`not a database name: ${options.existing}`);
  const name = options.existing ?? `hearth_test_${randomBytes(6).toString('hex')}`;
  const poolMax = options.poolMax ?? 5;
  if (options.existing === undefined) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      if (!template) await admin.query(`create database ${name}`);
      else await createFromTemplate(admin, serverUrl, name, template);
    } finally {
      await admin.end();
    }
  }
  const keep = options.keep || options.existing !== undefined;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // tests keep the pool small so many test files fit the server's connection limit side by side
  const handle = await openDatabase({ databaseUrl: url.toString(), poolMax });
  return {
    ...handle,
    cliEnv: { DATABASE_URL: url.toString() },
    name,
    async close() {
      await handle.close();
      if (keep) return;
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function createFromTemplate(admin: pg.Client, serverUrl: string, name: string, template: TestTemplate) {
  const build = async (databaseUrl: string) => {
    const seeding = await openDatabase({ databaseUrl, poolMax: 2 });
    try {
      await template.build(seeding.db);
    } finally {
      // connections left open would keep the server from copying the template
      await seeding.close();
    }
  };
  for (let attempt = 1; ; attempt++) {
    const source = await postgresTemplate(serverUrl, template, build);
    try {
      await admin.query(`create database ${name} template ${source}`);
      return;
    } catch (err) {
      // 3D000: dropped as stale by another run between the check and the copy; build it again
      if ((err as { code?: string }).code !== '3D000' || attempt >= 3) throw err;
    }
  }
}

import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type LogEvent, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Subscribe to a Postgres NOTIFY channel (cross-process fan-out); returns an unsubscribe. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Calls `listener` with every statement run from now on (the benchmark counts them, the
   * EXPLAIN test plans them); returns an unsubscribe. Without listeners it costs nothing.
   */
  onQuery(listener: QueryListener): () => void;
  /** Embedded PGlite only: the whole database as a tarball, for `loadDataDir`. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export type QueryListener = (query: { sql: string; parameters: readonly unknown[] }) => void;

/** The Kysely `log` hook fanned out to the handle's query listeners. */
function queryLog() {
  const listeners = new Set<QueryListener>();
  return {
    log: (event: LogEvent) => {
      if (event.level === 'query') for (const l of listeners) l(event.query);
    },
    onQuery(listener: QueryListener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Folder for embedded PGlite; `undefined` keeps it in memory (tests). */
  dataDir?: string | undefined;
  poolMax?: number;
  statementTimeoutMs?: number;
  /** A tarball of an embedded database to start from (tests copy a seeded template this way). */
  loadDataDir?: Blob;
}

// Postgres returns int8 and numeric as strings by default; our counts and sequence numbers fit
// in a double, so parse them as numbers once, here.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// A calendar date (date of birth, review date) has no time zone: keep it as `YYYY-MM-DD`.
const dateOid = 1082;
pg.types.setTypeParser(dateOid, (v) => v);

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(connectionString: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolMax ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
  });
  // An idle connection the server closes (a restart, a terminated backend) is dropped by the pool;
  // without a listener that event would crash the process.
  pool.on('error', (err) => console.error(`database connection lost: ${err.message}`));
  const queries = queryLog();
  const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: queries.log });
  const listeners: pg.Client[] = [];
  return {
    db,
    kind: 'postgres',
    onQuery: queries.onQuery,
    async listen(channel, onMessage) {
      const client = new pg.Client({ connectionString });
      await client.connect();
      client.on('notification', (n) => {
        if (n.channel === channel && n.payload) onMessage(n.payload);
      });
      client.on('error', () => {});
      await client.query(`LISTEN ${quoteIdent(channel)}`);
      listeners.push(client);
      return async () => {
        await client.end().catch(() => {});
      };
    },
    async close() {
      await Promise.all(listeners.map((c) => c.end().catch(() => {})));
      await db.destroy();
    },
  };
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // one process per embedded folder: a second one refuses to start (see data-dir-lock.ts)
  const lock = dataDir ? lockDataDir(dataDir) : null;
  const parsers = {
    [dateOid]: (v: string) => v,
    20: (v: string) => Number(v),
    1700: (v: string) => Number(v),
  };
  const pgliteOptions = { parsers, ...(loadDataDir ? { loadDataDir } : {}) };
  const pglite = await (dataDir ? PGlite.create(dataDir, pgliteOptions) : PGlite.create(pgliteOptions)).catch(
    (err: unknown) => {
      lock?.release();
      throw err;
    },
  );
  const queries = queryLog();
  const db: Db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: queries.log });
  return {
    db,
    kind: 'pglite',
    onQuery: queries.onQuery,
    async listen(channel, onMessage) {
      return pglite.listen(channel, onMessage);
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      lock?.release();
    },
  };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

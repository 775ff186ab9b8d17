import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Db } from './database.ts';

/**
 * What a test database starts from. `key` names everything that changes what `build` writes
 * (the seed's date and options, the source of the migrations and the seed): two templates with
 * the same key hold the same data, so one built by another test process can be copied.
 */
export interface TestTemplate {
  key: string;
  build(db: Db): Promise<void>;
}

/** Templates older than this are someone else's leftovers (a branch long gone) and are removed. */
const staleAfterMs = 3 * 24 * 3600_000;
/** A builder that holds the lock longer than this has died without unlocking. */
const buildTimeoutMs = 15 * 60_000;

export const templateHash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);

/** The folder of embedded-database tarballs, shared by every test process on this machine. */
export const pgliteTemplateDir = () => join(tmpdir(), 'hearth-test-templates');

/**
 * The tarball of an embedded database built from the template: read from the cache when a test
 * process made it before, else built by `build` and stored. Parallel processes wait for the first
 * one's build (a lock file) rather than all seeding at once; the tarball appears by rename, whole.
 * Returns null when this process built it (`build` returns the tarball of the database it seeded).
 */
export async function pgliteTemplate(
  template: TestTemplate,
  build: () => Promise<Blob>,
): Promise<Blob | null> {
  const dir = pgliteTemplateDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${templateHash(template.key)}.tar`);
  const lock = `${file}.lock`;
  const started = Date.now();
  for (;;) {
    const cached = readIfPresent(file);
    if (cached) return new Blob([cached]);
    const handle = await open(lock, 'wx').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EEXIST') return null;
      throw err;
    });
    if (handle) {
      await handle.writeFile(String(process.pid));
      await handle.close();
      try {
        removeStaleTarballs(dir);
        const tarball = await build();
        const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        writeFileSync(tmp, Buffer.from(await tarball.arrayBuffer()));
        await rename(tmp, file);
        return null;
      } finally {
        await unlink(lock).catch(() => {});
      }
    }
    // another process is building it: wait, unless that process is gone or stuck
    if ((await lockIsAbandoned(lock)) || Date.now() - started > buildTimeoutMs)
      await unlink(lock).catch(() => {});
    await sleep(250);
  }
}

function readIfPresent(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (err) {
    // not built yet, or removed as stale by another process just now
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function lockIsAbandoned(lock: string): Promise<boolean> {
  const info = await stat(lock).catch(() => null);
  if (!info) return false;
  if (Date.now() - info.mtimeMs > buildTimeoutMs) return true;
  const pid = Number(readFileSync(lock, 'utf8').trim());
  if (!pid) return Date.now() - info.mtimeMs > 10_000; // written just now, pid not in yet
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function removeStaleTarballs(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > staleAfterMs) rmSync(path, { force: true });
    } catch {
      // another process removed it first
    }
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const readyMark = 'hearth test template: ready';

/**
 * Makes sure the PostgreSQL server holds the template as a database `hearth_tpl_<hash>` and returns
 * its name. One process builds it under an advisory lock; the others wait on the lock and find it
 * ready. Ready is a comment on the database (kept in a shared catalog, so it is not copied into the
 * test databases), set only after the seeding connections are closed: a database can serve as a
 * template only while nobody is connected to it.
 */
export async function postgresTemplate(
  serverUrl: string,
  template: TestTemplate,
  build: (databaseUrl: string) => Promise<void>,
): Promise<string> {
  const name = `hearth_tpl_${templateHash(template.key)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if (await isReady(admin, name)) return name;
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      if (await isReady(admin, name)) return name;
      await dropStaleTemplates(admin);
      // a build that died half-way left a database without the mark
      await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
      await admin.query(`create database ${quoteIdent(name)}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      await build(url.toString());
      await admin.query(
        `comment on database ${quoteIdent(name)} is '${readyMark} ${new Date().toISOString()}'`,
      );
      return name;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  } finally {
    await admin.end();
  }
}

async function isReady(admin: pg.Client, name: string): Promise<boolean> {
  const { rows } = await admin.query<{ mark: string | null }>(
    `select shobj_description(oid, 'pg_database') as mark from pg_database where datname = $1`,
    [name],
  );
  return rows[0]?.mark?.startsWith(readyMark) ?? false;
}

/** Templates of a seed nobody has built for days: another branch's, or from before a change. */
async function dropStaleTemplates(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string; mark: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as mark from pg_database where datname like 'hearth\\_tpl\\_%'`,
  );
  for (const { datname, mark } of rows) {
    const builtAt = mark?.startsWith(readyMark) ? Date.parse(mark.slice(readyMark.length + 1)) : Number.NaN;
    if (Number.isNaN(builtAt) || Date.now() - builtAt < staleAfterMs) continue;
    await admin.query(`drop database if exists ${quoteIdent(datname)} with (force)`).catch(() => {});
  }
}

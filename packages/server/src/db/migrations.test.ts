import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { legacyMigrationNames } from './migrations/legacy-names.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

const folder = join(import.meta.dirname, 'migrations');
const names = Object.keys(migrations).sort();
const stamp = /^(\d{4})_(\d{2})_(\d{2})_(\d{2})(\d{2})_[a-z0-9_]+$/;

/** The migration names a git tree holds, or null where the reference does not exist. */
function namesIn(ref: string): string[] | null {
  try {
    const out = execFileSync('git', ['ls-tree', '--name-only', `${ref}:./`], {
      cwd: folder,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out
      .split('\n')
      .filter((f) => stamp.test(f.replace(/\.ts$/, '')))
      .map((f) => f.replace(/\.ts$/, ''));
  } catch {
    return null;
  }
}

describe('migration names', () => {
  it('are real UTC times, one file each, all registered', () => {
    const files = readdirSync(folder)
      .filter((f) => /^\d{4}_/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(names).toEqual(files);
    for (const name of names) {
      const [, y, mo, d, h, mi] = stamp.exec(name) ?? [];
      expect(y, `${name} is not named YYYY_MM_DD_HHMM_what`).toBeDefined();
      const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:00Z`);
      expect(at.getUTCHours(), `${name} names a time that does not exist`).toBe(Number(h));
      expect(at.getTime(), `${name} is dated in the future`).toBeLessThanOrEqual(Date.now());
    }
  });

  it('sort after the newest migration already on main (or already committed)', () => {
    // on a branch, main's tree is the reference; on main itself, the last commit is (so a file
    // not yet committed must sort after every committed one)
    const onBranch = (() => {
      try {
        const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: folder, encoding: 'utf8' }).trim();
        const main = execFileSync('git', ['rev-parse', 'main'], { cwd: folder, encoding: 'utf8' }).trim();
        return head !== main;
      } catch {
        return false;
      }
    })();
    const landed = (onBranch ? namesIn('main') : null) ?? namesIn('HEAD') ?? [];
    const newest = [...landed].sort().at(-1) ?? '';
    const added = names.filter((n) => !landed.includes(n));
    for (const name of added)
      expect(name > newest, `new migration ${name} sorts before ${newest}, which has already landed`).toBe(
        true,
      );
  });
});

describe('an installation migrated under the old, unordered names', () => {
  let database: TestDatabase;
  afterAll(() => database?.close());

  it('is renamed, has its late migration run, and then migrates strictly in name order', async () => {
    database = await openTestDatabase();
    const oldName = Object.fromEntries(Object.entries(legacyMigrationNames).map(([o, n]) => [n, o]));
    // an installation from before the strict scheme (its last migration was the plan-run
    // heartbeat) that lacks the call log, which (as once happened with a feature merged late)
    // sorts before migrations it has already run
    const lastUnordered = '2026_12_03_0548_plan_run_heartbeat';
    const skipped = '2026_11_23_1442_call_log';
    const before = names.filter((name) => name <= lastUnordered);
    const old: Record<string, Migration> = {};
    for (const name of before) if (name !== skipped) old[oldName[name] ?? name] = migrations[name]!;
    const oldProvider: MigrationProvider = { getMigrations: async () => old };
    const first = await new Migrator({
      db: database.db,
      provider: oldProvider,
      allowUnorderedMigrations: true,
    }).migrateToLatest();
    expect(first.error).toBeUndefined();
    await sql`insert into organization (id, name, settings) values ('00000000-0000-4000-8000-000000000001', 'Old service', '{}')`.execute(
      database.db,
    );

    const ran = await migrateToLatest(database.db);
    // the skipped one first, then the newer ones, all in name order
    expect(ran).toEqual([skipped, ...names.filter((name) => name > lastUnordered)]);

    const history = await sql<{
      name: string;
    }>`select name from kysely_migration order by timestamp, name`.execute(database.db);
    expect(history.rows.map((r) => r.name)).toEqual(names);
    const kept = await sql<{ name: string }>`select name from organization`.execute(database.db);
    expect(kept.rows.map((r) => r.name)).toContain('Old service');
    // from now on the strict migrator finds nothing out of order and nothing to do
    expect(await migrateToLatest(database.db)).toEqual([]);
  });
});

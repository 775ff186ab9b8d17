import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type MigrationProvider, Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed.ts';
import { demoPassword } from '../test/harness.ts';
import type { Db } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

const previousMigration = '2026_12_03_0548_plan_run_heartbeat';
const now = new Date('2026-11-23T09:00:00.000Z');
// these tests migrate and seed two or three databases each; embedded PGlite on a busy machine is slow
const slowTest = 240_000;

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
function migrator(db: Kysely<any>) {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  return new Migrator({ db, provider, allowUnorderedMigrations: true });
}

async function migrateToPrevious(db: Db) {
  const { error } = await migrator(db).migrateTo(previousMigration);
  if (error) throw error;
}

/** Every constraint of the public schema as SQL, the schema's shape to compare installs by. */
async function constraints(db: Db): Promise<string[]> {
  const result = await sql<{ line: string }>`
    select cl.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) as line
    from pg_constraint c join pg_class cl on cl.oid = c.conrelid
    where c.connamespace = 'public'::regnamespace
    order by cl.relname, c.conname`.execute(db);
  return result.rows.map((r) => r.line);
}

async function rowCounts(db: Db, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(table)}`.execute(db);
    counts[table] = result.rows[0]?.n ?? 0;
  }
  return counts;
}

/** A second organization with one user and one patient, copied from the demo's first ones. */
async function secondOrganization(db: Db, demoOrg: string) {
  const orgId = randomUUID();
  const userId = randomUUID();
  const patientId = randomUUID();
  await sql`insert into organization (id, name, settings)
    select ${orgId}, 'Other hospice', settings from organization where id = ${demoOrg}`.execute(db);
  await sql`insert into app_user
    select (jsonb_populate_record(u, jsonb_build_object(
      'id', ${userId}::uuid, 'organization_id', ${orgId}::uuid, 'email', 'other-' || u.email))).*
    from app_user u where u.organization_id = ${demoOrg} order by u.email limit 1`.execute(db);
  await sql`insert into patient
    select (jsonb_populate_record(p, jsonb_build_object(
      'id', ${patientId}::uuid, 'organization_id', ${orgId}::uuid, 'designated_family_user_id', null))).*
    from patient p where p.organization_id = ${demoOrg} order by p.id limit 1`.execute(db);
  return { orgId, userId, patientId };
}

async function firstIds(db: Db, orgId: string) {
  const user = await sql<{
    id: string;
  }>`select id from app_user where organization_id = ${orgId} order by email limit 1`.execute(db);
  const patient = await sql<{
    id: string;
  }>`select id from patient where organization_id = ${orgId} order by id limit 1`.execute(db);
  return { userId: user.rows[0]?.id ?? '', patientId: patient.rows[0]?.id ?? '' };
}

function weight(db: Db, orgId: string, patientId: string, userId: string) {
  return sql`insert into patient_weight (id, organization_id, patient_id, kg, measured_on, recorded_by, recorded_at)
    values (${randomUUID()}, ${orgId}, ${patientId}, 61.5, '2026-11-23', ${userId}, now())`.execute(db);
}

describe('tenant keys on a fresh install', () => {
  let database: TestDatabase;
  let demoOrg: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    await migrateToLatest(database.db);
    demoOrg = (await seedDemo(database.db, demoPassword, now)).organizationId;
  });
  afterAll(async () => database?.close());

  it('makes every foreign key between tenant tables carry organization_id, and every tenant key include it', async () => {
    const tenantTables = await sql<{ table: string }>`
      select table_name as table from information_schema.columns
      where table_schema = 'public' and column_name = 'organization_id'`.execute(database.db);
    expect(tenantTables.rows.length).toBeGreaterThan(80);
    const offending = await sql<{ line: string }>`
      select cl.relname || '.' || c.conname || ': ' || pg_get_constraintdef(c.oid) as line
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_class pcl on pcl.oid = c.confrelid
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and exists (select 1 from pg_attribute where attrelid = c.conrelid and attname = 'organization_id')
        and exists (select 1 from pg_attribute where attrelid = c.confrelid and attname = 'organization_id')
        and not (
          (select attname from pg_attribute where attrelid = c.conrelid and attnum = c.conkey[1]) = 'organization_id'
          and (select attname from pg_attribute where attrelid = c.confrelid and attnum = c.confkey[1]) = 'organization_id')
      order by 1`.execute(database.db);
    expect(offending.rows.map((r) => r.line)).toEqual([]);
    const composite = await sql<{ n: number }>`
      select count(*)::int as n from pg_constraint
      where contype = 'f' and connamespace = 'public'::regnamespace and array_length(conkey, 1) = 2`.execute(
      database.db,
    );
    expect(composite.rows[0]?.n).toBeGreaterThanOrEqual(180);
    // Citus: the distribution column in every primary key and unique constraint of a tenant table
    const keysWithout = await sql<{ line: string }>`
      select cl.relname || '.' || c.conname as line
      from pg_constraint c join pg_class cl on cl.oid = c.conrelid
      where c.contype in ('p', 'u') and c.connamespace = 'public'::regnamespace
        and exists (select 1 from pg_attribute where attrelid = c.conrelid and attname = 'organization_id')
        and not exists (select 1 from pg_attribute
          where attrelid = c.conrelid and attname = 'organization_id' and attnum = any(c.conkey))`.execute(
      database.db,
    );
    expect(keysWithout.rows).toEqual([]);
  });

  it('keeps simple keys on the global tables', async () => {
    const result = await sql<{ line: string }>`
      select cl.relname || ' ' || pg_get_constraintdef(c.oid) as line
      from pg_constraint c join pg_class cl on cl.oid = c.conrelid
      where c.contype = 'p' and cl.relname in ('organization', 'login_throttle')
      order by 1`.execute(database.db);
    expect(result.rows.map((r) => r.line)).toEqual([
      'login_throttle PRIMARY KEY (key)',
      'organization PRIMARY KEY (id)',
    ]);
  });

  it("refuses a row that points at another organization's patient or user", async () => {
    const other = await secondOrganization(database.db, demoOrg);
    const mine = await firstIds(database.db, demoOrg);
    await weight(database.db, demoOrg, mine.patientId, mine.userId);
    await expect(weight(database.db, demoOrg, other.patientId, mine.userId)).rejects.toMatchObject({
      code: '23503',
      constraint: 'patient_weight_patient_id_fkey',
    });
    await expect(weight(database.db, demoOrg, mine.patientId, other.userId)).rejects.toMatchObject({
      code: '23503',
      constraint: 'patient_weight_recorded_by_fkey',
    });
    // and a row moved into the other organization cannot keep its parent behind
    await expect(
      sql`update patient_weight set organization_id = ${other.orgId} where patient_id = ${mine.patientId}`.execute(
        database.db,
      ),
    ).rejects.toMatchObject({ code: '23503' });
  });
});

describe('tenant keys on an upgraded install', () => {
  it(
    'keeps the data seeded before it and ends with the same constraints as a fresh install',
    async () => {
      const fresh = await openTestDatabase();
      const upgraded = await openTestDatabase();
      try {
        await migrateToLatest(fresh.db);
        await migrateToPrevious(upgraded.db);
        const { organizationId } = await seedDemo(upgraded.db, demoPassword, now, { fieldDay: true });
        const tables = ['app_user', 'patient', 'visit', 'prescription', 'volunteer', 'alert', 'assessment'];
        const before = await rowCounts(upgraded.db, tables);
        expect(before.patient).toBeGreaterThan(0);
        expect(before.visit).toBeGreaterThan(0);

        await migrateToLatest(upgraded.db);

        expect(await rowCounts(upgraded.db, tables)).toEqual(before);
        expect(await constraints(upgraded.db)).toEqual(await constraints(fresh.db));
        const mine = await firstIds(upgraded.db, organizationId);
        await weight(upgraded.db, organizationId, mine.patientId, mine.userId);
      } finally {
        await fresh.close();
        await upgraded.close();
      }
    },
    slowTest,
  );

  it(
    'can be undone to the exact keys before it, and redone to the same keys as a fresh install',
    async () => {
      const database = await openTestDatabase();
      const fresh = await openTestDatabase();
      try {
        await migrateToPrevious(database.db);
        await seedDemo(database.db, demoPassword, now);
        const before = await constraints(database.db);
        await migrateToLatest(database.db);
        expect(await constraints(database.db)).not.toEqual(before);

        await migrateToPrevious(database.db);
        expect(await constraints(database.db)).toEqual(before);

        await migrateToLatest(database.db);
        await migrateToLatest(fresh.db);
        expect(await constraints(database.db)).toEqual(await constraints(fresh.db));
      } finally {
        await database.close();
        await fresh.close();
      }
    },
    slowTest,
  );

  it(
    'stops with a clear message, changing nothing, when existing rows already cross organizations',
    async () => {
      const database = await openTestDatabase();
      try {
        await migrateToPrevious(database.db);
        const { organizationId } = await seedDemo(database.db, demoPassword, now);
        const other = await secondOrganization(database.db, organizationId);
        const mine = await firstIds(database.db, organizationId);
        await weight(database.db, organizationId, other.patientId, mine.userId);
        const before = await constraints(database.db);

        await expect(migrateToLatest(database.db)).rejects.toThrow(
          /existing data crosses organizations.*1 row\(s\) of patient_weight\.patient_id point at a patient of another organization/,
        );
        expect(await constraints(database.db)).toEqual(before);
      } finally {
        await database.close();
      }
    },
    slowTest,
  );
});

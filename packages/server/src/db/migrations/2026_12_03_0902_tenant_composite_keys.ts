import { type Kysely, sql } from 'kysely';

/**
 * Tenancy in the keys: no row can point into another organization, and the schema can be
 * distributed by `organization_id` (Citus needs the distribution column in every primary key and
 * every foreign key between distributed tables).
 *
 * A tenant table is a table of the public schema with an `organization_id` column (every one has
 * it, not null, with a foreign key to `organization`); the others (`organization`,
 * `login_throttle`, Kysely's own) are global and keep their simple keys. Child tables that reach
 * their organization through a parent (a visit's events, a prescription's versions) already store
 * `organization_id` themselves, written by their repositories, so no column is added and no
 * trigger is needed to fill one. For every tenant table:
 * - its primary key gains `organization_id` (appended, so `patient_pkey` becomes
 *   `(id, organization_id)`). Replacing the key rather than adding a unique constraint beside it
 *   keeps one index per table to write, and Citus refuses a primary key without the distribution
 *   column anyway. `id` stays first because many lookups (sessions, jobs, a record by its id
 *   before its organization is known) filter on `id` alone; a foreign key check filters on both
 *   columns by equality, which either order serves, and PostgreSQL matches the referenced columns
 *   of a foreign key to a key as a set, in any order.
 * - every single-column foreign key to another tenant table, `(x_id) → parent (id)`, becomes
 *   `(organization_id, x_id) → parent (organization_id, id)` with the same name and the same
 *   ON DELETE / ON UPDATE actions; SET NULL and SET DEFAULT name only `x_id` (PostgreSQL 15's
 *   column list) so the row's organization is never cleared. A null `x_id` is not checked, as
 *   before (MATCH SIMPLE).
 * Foreign keys to `organization` itself stay as they are.
 *
 * The catalogue is read in name order, so a fresh install and an upgraded one end with the same
 * constraints. Existing rows that already point across organizations stop the migration with a
 * message naming each foreign key and how many rows break it; nothing is changed then (the
 * migration runs in one transaction).
 */

interface ForeignKey {
  name: string;
  child: string;
  column: string;
  parent: string;
  parentColumn: string;
  onDelete: string;
  onUpdate: string;
  deferrable: boolean;
  deferred: boolean;
}

interface PrimaryKey {
  name: string;
  table: string;
  columns: string[];
}

const tenantColumn = 'organization_id';

export async function up(db: Kysely<unknown>): Promise<void> {
  const tenantTables = await readTenantTables(db);
  const foreignKeys = await readTenantForeignKeys(db, tenantTables);
  await refuseCrossOrganizationRows(db, foreignKeys);
  // One ALTER TABLE per table and step (about 210 statements instead of 430) keeps a fresh
  // embedded install quick. The old primary keys cannot be dropped while foreign keys depend on
  // them, hence drop all, re-key, then add all.
  const byChild = groupBy(foreignKeys, (fk) => fk.child);
  for (const [child, fks] of byChild) {
    const drops = fks.map((fk) => sql`drop constraint ${sql.id(fk.name)}`);
    await sql`alter table ${sql.id(child)} ${sql.join(drops, sql`, `)}`.execute(db);
  }
  for (const pk of await readPrimaryKeys(db, tenantTables)) {
    if (pk.columns.includes(tenantColumn)) continue;
    await sql`
      alter table ${sql.id(pk.table)}
        drop constraint ${sql.id(pk.name)},
        add constraint ${sql.id(pk.name)} primary key (${columnList([...pk.columns, tenantColumn])})`.execute(
      db,
    );
  }
  for (const [child, fks] of byChild) {
    const adds = fks.map(
      (fk) => sql`
        add constraint ${sql.id(fk.name)}
        foreign key (${columnList([tenantColumn, fk.column])})
        references ${sql.id(fk.parent)} (${columnList([tenantColumn, fk.parentColumn])})
        on delete ${sql.raw(referentialAction(fk.onDelete, fk.column))}
        on update ${sql.raw(referentialAction(fk.onUpdate, null))}
        ${sql.raw(deferral(fk))}`,
    );
    await sql`alter table ${sql.id(child)} ${sql.join(adds, sql`, `)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tenantTables = await readTenantTables(db);
  const composite = await readTenantForeignKeys(db, tenantTables, 'composite');
  for (const [child, fks] of groupBy(composite, (fk) => fk.child)) {
    const drops = fks.map((fk) => sql`drop constraint ${sql.id(fk.name)}`);
    await sql`alter table ${sql.id(child)} ${sql.join(drops, sql`, `)}`.execute(db);
  }
  for (const pk of await readPrimaryKeys(db, tenantTables)) {
    if (pk.columns.length < 2 || pk.columns.at(-1) !== tenantColumn) continue;
    await sql`
      alter table ${sql.id(pk.table)}
        drop constraint ${sql.id(pk.name)},
        add constraint ${sql.id(pk.name)} primary key (${columnList(pk.columns.slice(0, -1))})`.execute(db);
  }
  for (const [child, fks] of groupBy(composite, (fk) => fk.child)) {
    const adds = fks.map(
      (fk) => sql`
        add constraint ${sql.id(fk.name)} foreign key (${sql.id(fk.column)})
        references ${sql.id(fk.parent)} (${sql.id(fk.parentColumn)})
        on delete ${sql.raw(referentialAction(fk.onDelete, null))}
        on update ${sql.raw(referentialAction(fk.onUpdate, null))}
        ${sql.raw(deferral(fk))}`,
    );
    await sql`alter table ${sql.id(child)} ${sql.join(adds, sql`, `)}`.execute(db);
  }
}

async function readTenantTables(db: Kysely<unknown>): Promise<string[]> {
  const result = await sql<{ table: string }>`
    select c.relname as table
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attname = ${tenantColumn} and not a.attisdropped
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
    order by c.relname`.execute(db);
  return result.rows.map((r) => r.table);
}

/**
 * Foreign keys from one tenant table to another, in table and name order: the single-column ones
 * (`x_id → parent.id`, before this migration) or the composite ones it made
 * (`(organization_id, x_id) → parent (organization_id, id)`), each named by its own column.
 */
async function readTenantForeignKeys(
  db: Kysely<unknown>,
  tenantTables: string[],
  shape: 'single' | 'composite' = 'single',
): Promise<ForeignKey[]> {
  // the foreign key's own column is the first of a single key and the second of a composite one
  const own = shape === 'single' ? 1 : 2;
  const result = await sql<{
    name: string;
    child: string;
    column: string;
    parent: string;
    parent_column: string;
    on_delete: string;
    on_update: string;
    deferrable: boolean;
    deferred: boolean;
  }>`
    select c.conname as name, (select relname from pg_class where oid = c.conrelid)::text as child, a.attname as column,
           (select relname from pg_class where oid = c.confrelid)::text as parent, pa.attname as parent_column,
           c.confdeltype::text as on_delete, c.confupdtype::text as on_update,
           c.condeferrable as deferrable, c.condeferred as deferred
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[${own}]
    join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[${own}]
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      and array_length(c.conkey, 1) = ${own}
      and (${own} = 1 or (select attname from pg_attribute
                          where attrelid = c.conrelid and attnum = c.conkey[1]) = ${tenantColumn})
      and (select relname from pg_class where oid = c.conrelid)::text = any(${tenantTables}::text[])
      and (select relname from pg_class where oid = c.confrelid)::text = any(${tenantTables}::text[])
    order by (select relname from pg_class where oid = c.conrelid)::text, c.conname`.execute(db);
  return result.rows.map((r) => ({
    name: r.name,
    child: r.child,
    column: r.column,
    parent: r.parent,
    parentColumn: r.parent_column,
    onDelete: r.on_delete,
    onUpdate: r.on_update,
    deferrable: r.deferrable,
    deferred: r.deferred,
  }));
}

/** The primary keys of the tenant tables, with their columns in key order. */
async function readPrimaryKeys(db: Kysely<unknown>, tenantTables: string[]): Promise<PrimaryKey[]> {
  const result = await sql<{ name: string; table: string; columns: string[] }>`
    select c.conname as name, (select relname from pg_class where oid = c.conrelid)::text as table,
           array(select a.attname from unnest(c.conkey) with ordinality k(attnum, n)
                 join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n)::text[] as columns
    from pg_constraint c
    where c.contype = 'p' and c.connamespace = 'public'::regnamespace
      and (select relname from pg_class where oid = c.conrelid)::text = any(${tenantTables}::text[])
    order by 2`.execute(db);
  return result.rows;
}

/**
 * Counts, for every foreign key about to become composite, the rows whose parent belongs to
 * another organization, and stops with all of them named: the composite key could not be added,
 * and which side is right is for a person to decide, not for a migration to guess.
 */
async function refuseCrossOrganizationRows(db: Kysely<unknown>, allForeignKeys: ForeignKey[]): Promise<void> {
  // only keys between tables that hold rows can be broken; on a fresh install none do, and
  // planning 180 joins would be most of this migration's time
  const tables = [...new Set(allForeignKeys.flatMap((fk) => [fk.child, fk.parent]))];
  if (tables.length === 0) return;
  const filled = await sql<{ table: string }>`${sql.join(
    tables.map((t) => sql`select ${t}::text as table where exists (select from ${sql.id(t)})`),
    sql` union all `,
  )}`.execute(db);
  const withRows = new Set(filled.rows.map((r) => r.table));
  const foreignKeys = allForeignKeys.filter((fk) => withRows.has(fk.child) && withRows.has(fk.parent));
  if (foreignKeys.length === 0) return;
  const counts = foreignKeys.map(
    (fk, i) => sql`
      select ${i}::int as key, count(*)::int as n
      from ${sql.id(fk.child)} child
      join ${sql.id(fk.parent)} parent on parent.${sql.id(fk.parentColumn)} = child.${sql.id(fk.column)}
      where parent.${sql.id(tenantColumn)} <> child.${sql.id(tenantColumn)}`,
  );
  const result = await sql<{ key: number; n: number }>`${sql.join(counts, sql` union all `)}`.execute(db);
  const problems = result.rows
    .filter((r) => r.n > 0)
    .sort((a, b) => a.key - b.key)
    .map((r) => {
      const fk = foreignKeys[r.key] as ForeignKey;
      return `${r.n} row(s) of ${fk.child}.${fk.column} point at a ${fk.parent} of another organization`;
    });
  if (problems.length > 0) {
    throw new Error(
      `tenant_composite_keys: existing data crosses organizations, fix these rows and start again: ${problems.join('; ')}`,
    );
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The SQL of a `pg_constraint.confdeltype` / `confupdtype` code. */
function referentialAction(code: string, nullable: string | null): string {
  const onlyColumn = nullable ? ` (${quoteIdent(nullable)})` : '';
  switch (code) {
    case 'a':
      return 'no action';
    case 'r':
      return 'restrict';
    case 'c':
      return 'cascade';
    case 'n':
      return `set null${onlyColumn}`;
    case 'd':
      return `set default${onlyColumn}`;
    default:
      throw new Error(`tenant_composite_keys: unknown referential action ${code}`);
  }
}

const columnList = (columns: string[]) =>
  sql.join(
    columns.map((c) => sql.id(c)),
    sql`, `,
  );

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

const deferral = (fk: ForeignKey) =>
  fk.deferrable ? `deferrable initially ${fk.deferred ? 'deferred' : 'immediate'}` : '';

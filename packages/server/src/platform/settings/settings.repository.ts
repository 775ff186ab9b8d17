import { type OrganizationSettings, organizationSettingsSchema, parseTolerant } from '@hearth/domain';
import type { Selectable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import { storedJson } from '../../db/stored-json.ts';
import type { OrganizationTable } from './settings.table.ts';

/** An organization with its settings parsed over the defaults. */
export interface OrganizationRecord {
  id: string;
  name: string;
  isDemo: boolean;
  settings: OrganizationSettings;
  /**
   * Stored settings that no longer passed their rule and were read as their default. Settings are
   * parsed tolerantly, not strictly like other jsonb: a bad time zone must never take the service
   * down, and the administrator is told (issue 17).
   */
  replacedSettings: string[];
  createdAt: Date;
}

const toOrganization = (r: Selectable<OrganizationTable>): OrganizationRecord => {
  const { value, replaced } = parseTolerant(organizationSettingsSchema, r.settings);
  return {
    id: r.id,
    name: r.name,
    isDemo: r.is_demo,
    settings: value,
    replacedSettings: replaced,
    createdAt: r.created_at,
  };
};

export const findOrganization = async (db: Conn, id: string) => {
  const row = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOrganization(row) : undefined;
};

export const updateOrganizationSettings = (db: Conn, id: string, settings: OrganizationSettings) =>
  db
    .updateTable('organization')
    .set({ settings: storedJson(settings) })
    .where('id', '=', id)
    .execute();

export const countOrganizations = async (db: Conn) =>
  Number(
    (
      await db
        .selectFrom('organization')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );

export const insertOrganization = (
  db: Conn,
  org: { id: string; name: string; isDemo: boolean; settings: OrganizationSettings },
) =>
  db
    .insertInto('organization')
    .values({ id: org.id, name: org.name, is_demo: org.isDemo, settings: storedJson(org.settings) })
    .execute();

/** The demo service's id, in a database that holds only the seeded demo (a test's copy of it). */
export const findDemoOrganizationId = async (db: Conn) =>
  (await db.selectFrom('organization').select('id').where('is_demo', '=', true).executeTakeFirstOrThrow()).id;

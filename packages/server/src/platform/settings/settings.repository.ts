import type { OrganizationSettings } from '@hearth/domain';
import type { Conn } from '../../db/conn.ts';

export const findOrganization = (db: Conn, id: string) =>
  db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();

export const updateOrganizationSettings = (db: Conn, id: string, settings: OrganizationSettings) =>
  db
    .updateTable('organization')
    .set({ settings: JSON.stringify(settings) })
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
  row: { id: string; name: string; is_demo: boolean; settings: OrganizationSettings },
) =>
  db
    .insertInto('organization')
    .values({ ...row, settings: JSON.stringify(row.settings) })
    .execute();

/** The demo service's id, in a database that holds only the seeded demo (a test's copy of it). */
export const findDemoOrganizationId = async (db: Conn) =>
  (await db.selectFrom('organization').select('id').where('is_demo', '=', true).executeTakeFirstOrThrow()).id;

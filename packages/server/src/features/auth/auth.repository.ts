import type { Insertable, Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { AppUserTable, UserSessionTable } from './auth.table.ts';

export const findUserByEmail = (db: Conn, email: string) =>
  db.selectFrom('app_user').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('app_user')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertUser = (db: Conn, row: Insertable<AppUserTable>) =>
  db.insertInto('app_user').values(row).execute();

export const updateUser = (db: Conn, organizationId: string, id: string, patch: Updateable<AppUserTable>) =>
  db
    .updateTable('app_user')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const findUserByInviteToken = (db: Conn, tokenHash: string) =>
  db.selectFrom('app_user').selectAll().where('invite_token_hash', '=', tokenHash).executeTakeFirst();

export const insertSession = (db: Conn, row: UserSessionTable) =>
  db.insertInto('user_session').values(row).execute();

export const findLiveSession = (db: Conn, id: string, now: Date) =>
  db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.expires_at',
      'u.id as user_id',
      'u.organization_id',
      'u.email',
      'u.name',
      'u.role',
      'u.is_lead',
      'u.locale',
      'u.status',
      'o.name as organization_name',
      'o.is_demo',
    ])
    .where('s.id', '=', id)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();

export const revokeSession = (db: Conn, id: string, now: Date) =>
  db.updateTable('user_session').set({ revoked_at: now }).where('id', '=', id).execute();

export const revokeUserSessions = (
  db: Conn,
  organizationId: string,
  userId: string,
  now: Date,
  exceptId?: string,
) => {
  let q = db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.execute();
};

export const familyLinksOf = (db: Conn, organizationId: string, userId: string) =>
  db
    .selectFrom('family_link')
    .select(['patient_id', 'is_designated'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .execute();

export const recentLoginFailures = async (db: Conn, email: string, since: Date) => {
  const row = await db
    .selectFrom('login_failure')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where('email', '=', email)
    .where('at', '>', since)
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), last: row?.last ? new Date(row.last) : null };
};

export const insertLoginFailure = (db: Conn, email: string, ip: string | null, at: Date) =>
  db.insertInto('login_failure').values({ email, ip, at }).execute();

export const clearLoginFailures = (db: Conn, email: string) =>
  db.deleteFrom('login_failure').where('email', '=', email).execute();

import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { AppUserTable, UserSessionTable } from './auth.table.ts';

/** A user account as stored, password and invitation hashes included (never sent as is). */
export interface UserRecord {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  role: string;
  isLead: boolean;
  phone: string | null;
  locale: string;
  status: AppUserTable['status'];
  passwordHash: string | null;
  inviteTokenHash: string | null;
  inviteExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A live session with the user and organization it belongs to: who is asking, in one statement. */
export interface LiveSessionRecord {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
  organizationId: string;
  email: string;
  name: string;
  role: string;
  isLead: boolean;
  locale: string;
  status: AppUserTable['status'];
  organizationName: string;
  isDemo: boolean;
}

/** A family member's link to a patient they may see. */
export interface FamilyLinkRecord {
  patientId: string;
  isDesignated: boolean;
}

/** The account an invitation was just used for. */
export interface AcceptedInvitationRecord {
  id: string;
  organizationId: string;
  role: string;
  email: string;
}

const toUser = (r: Selectable<AppUserTable>): UserRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  email: r.email,
  name: r.name,
  role: r.role,
  isLead: r.is_lead,
  phone: r.phone,
  locale: r.locale,
  status: r.status,
  passwordHash: r.password_hash,
  inviteTokenHash: r.invite_token_hash,
  inviteExpiresAt: r.invite_expires_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toUserOrNone = (r: Selectable<AppUserTable> | undefined) => (r ? toUser(r) : undefined);

export const findUserByEmail = async (db: Conn, email: string) =>
  toUserOrNone(
    await db.selectFrom('app_user').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst(),
  );

export const findUserById = async (db: Conn, organizationId: string, id: string) =>
  toUserOrNone(
    await db
      .selectFrom('app_user')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst(),
  );

export const insertUser = (db: Conn, row: Insertable<AppUserTable>) =>
  db.insertInto('app_user').values(row).execute();

export const updateUser = (db: Conn, organizationId: string, id: string, patch: Updateable<AppUserTable>) =>
  db
    .updateTable('app_user')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const findUserByInviteToken = async (db: Conn, tokenHash: string) =>
  toUserOrNone(
    await db.selectFrom('app_user').selectAll().where('invite_token_hash', '=', tokenHash).executeTakeFirst(),
  );

export const insertSession = (db: Conn, row: UserSessionTable) =>
  db.insertInto('user_session').values(row).execute();

/** The session behind a cookie hash with its user and organization; still the single statement. */
export async function findLiveSession(
  db: Conn,
  id: string,
  now: Date,
): Promise<LiveSessionRecord | undefined> {
  const r = await db
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
  if (!r) return undefined;
  return {
    sessionId: r.session_id,
    csrfToken: r.csrf_token,
    expiresAt: r.expires_at,
    userId: r.user_id,
    organizationId: r.organization_id,
    email: r.email,
    name: r.name,
    role: r.role,
    isLead: r.is_lead,
    locale: r.locale,
    status: r.status,
    organizationName: r.organization_name,
    isDemo: r.is_demo,
  };
}

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

export const familyLinksOf = async (db: Conn, organizationId: string, userId: string) =>
  (
    await db
      .selectFrom('family_link')
      .select(['patient_id', 'is_designated'])
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .where('removed_at', 'is', null)
      .execute()
  ).map((r): FamilyLinkRecord => ({ patientId: r.patient_id, isDesignated: r.is_designated }));

export interface ThrottlePolicy {
  /** The attempt that reaches this count is still checked; the key is blocked after it. */
  limit: number;
  windowSeconds: number;
  /** First block length; it doubles with every further attempt up to `capSeconds`. */
  blockSeconds: number;
  capSeconds: number;
}

/**
 * Counts one login attempt against a key in a single statement (the row is locked by the
 * upsert, so parallel attempts are counted one after another) and answers whether this attempt
 * may go on; a blocked key is not counted further.
 */
export async function countLoginAttempt(
  db: Conn,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<{ allowed: true } | { allowed: false; blockedUntil: Date }> {
  const since = new Date(now.getTime() - policy.windowSeconds * 1000);
  const fresh = sql`t.window_start <= ${since}`;
  const attempts = sql`(case when ${fresh} then 1 else t.attempts + 1 end)`;
  const counted = await sql<{ attempts: number }>`
    insert into login_throttle as t (key, attempts, window_start, blocked_until)
    values (${key}, 1, ${now}, null)
    on conflict (key) do update set
      attempts = ${attempts},
      window_start = case when ${fresh} then ${now} else t.window_start end,
      blocked_until = case when ${attempts} >= ${policy.limit}
        then ${now}::timestamptz + make_interval(secs => least(
          ${policy.blockSeconds}::float8 * power(2, ${attempts} - ${policy.limit}), ${policy.capSeconds}::float8))
        else null end
    where t.blocked_until is null or t.blocked_until <= ${now}
    returning attempts`.execute(db);
  if (counted.rows.length) return { allowed: true };
  const row = await db
    .selectFrom('login_throttle')
    .select('blocked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  return { allowed: false, blockedUntil: row?.blocked_until ?? now };
}

/** After a successful login: the account's keys start again; the address gives back its attempt. */
export async function clearLoginAttempts(db: Conn, accountKeys: string[], addressKey: string) {
  await db.deleteFrom('login_throttle').where('key', 'in', accountKeys).execute();
  await db
    .updateTable('login_throttle')
    .set({ attempts: sql<number>`greatest(attempts - 1, 0)` })
    .where('key', '=', addressKey)
    .execute();
}

/**
 * Uses an invitation once: the update matches only while the token is still unused, so of
 * several parallel accepts exactly one gets the row back.
 */
export async function consumeInvitation(
  db: Conn,
  tokenHash: string,
  now: Date,
  passwordHash: string,
): Promise<AcceptedInvitationRecord | undefined> {
  const r = await db
    .updateTable('app_user')
    .set({
      password_hash: passwordHash,
      status: 'active',
      invite_token_hash: null,
      invite_expires_at: null,
      updated_at: now,
    })
    .where('invite_token_hash', '=', tokenHash)
    .where('status', '=', 'invited')
    .where('invite_expires_at', '>', now)
    .returning(['id', 'organization_id', 'role', 'email'])
    .executeTakeFirst();
  return r && { id: r.id, organizationId: r.organization_id, role: r.role, email: r.email };
}

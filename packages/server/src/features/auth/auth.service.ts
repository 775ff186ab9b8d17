import {
  type Actor,
  because,
  DomainError,
  invalidField,
  landingScreenOf,
  type Me,
  type Role,
  roleSchema,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as repo from './auth.repository.ts';
import { dummyHashForTiming, hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';

export interface SessionInfo {
  sessionId: string;
  actor: Actor;
  me: Me;
}

const invitationGone = () =>
  new DomainError(
    'NOT_FOUND',
    'This invitation is not valid any more. Ask the team for a new one.',
    undefined,
    because('auth.invitationGone'),
  );
const wrongCredentials = () =>
  new DomainError(
    'UNAUTHENTICATED',
    'The e-mail or password is not right.',
    undefined,
    because('auth.wrongCredentials'),
  );

/**
 * Checks a password and opens a session. Every attempt is counted before the password is
 * checked, atomically, against three keys (OWASP Authentication Cheat Sheet, "Protect against
 * automated attacks"):
 * - the account from this address: 5 attempts in 15 minutes, then this address is locked out of
 *   this account for 15 minutes. Keyed on both, so a stranger's guesses cannot lock the real
 *   user out from their own device;
 * - the address: 30 attempts in 15 minutes across all accounts (password spraying);
 * - the account from anywhere: after 10 attempts in 15 minutes each further one waits 1, 2, 4 …
 *   up to 30 seconds (a distributed guesser is slowed; the real user waits seconds at most).
 * The counts live in the database, so every server process sees them.
 */
/** A user account of the organization, inside the caller's transaction (rosters check who may join). */
export const accountOf = (db: Conn, organizationId: string, userId: string) =>
  repo.findUserById(db, organizationId, userId);

export async function login(
  deps: AppDeps,
  email: string,
  password: string,
  ip: string | null,
  requestId: string,
) {
  const now = deps.clock();
  const keys = await countPasswordAttempt(deps, email, ip, now);
  const user = await repo.findUserByEmail(deps.db, email);
  // verify against a dummy hash when there is no user so both paths take the same time
  const ok = await verifyPassword(password, user?.passwordHash ?? dummyHashForTiming);
  if (!user || !ok || user.status !== 'active') {
    await deps.db.transaction().execute(async (trx) => {
      if (user)
        await recordAudit(trx, deps, null, user.organizationId, {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          outcome: 'failed',
        });
    });
    throw wrongCredentials();
  }
  const token = newToken();
  const settings = await loadSettings(deps.db, user.organizationId);
  await deps.db.transaction().execute(async (trx) => {
    await repo.clearLoginAttempts(trx, [keys.account, keys.accountAddress], keys.address);
    await repo.insertSession(trx, {
      id: hashToken(token),
      organization_id: user.organizationId,
      user_id: user.id,
      csrf_token: newToken(),
      created_at: now,
      expires_at: new Date(now.getTime() + settings.sessionHours * 3_600_000),
      revoked_at: null,
    });
    const ctx = { actor: { userId: user.id, role: user.role as Role }, requestId };
    await recordAudit(trx, deps, ctx, user.organizationId, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return { token, maxAgeSeconds: settings.sessionHours * 3600 };
}

/**
 * Counts one password attempt for an account from an address, before the password is checked,
 * and refuses it when a limit is reached (per account and address, per address, and a back-off
 * per account). Logins and a witness's confirmation both go through it, so a witness field is
 * no faster a way to guess a password than the login form.
 */
export async function countPasswordAttempt(deps: AppDeps, email: string, ip: string | null, now: Date) {
  const account = email.toLowerCase();
  const address = ip ?? 'unknown';
  const keys = {
    accountAddress: `account+address:${account}|${address}`,
    address: `address:${address}`,
    account: `account:${account}`,
  };
  const policies = loginPolicies(deps.config.loginThrottle);
  for (const [name, key] of Object.entries(keys) as [keyof typeof keys, string][]) {
    const verdict = await repo.countLoginAttempt(deps.db, key, policies[name], now);
    if (!verdict.allowed) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((verdict.blockedUntil.getTime() - now.getTime()) / 1000),
      );
      throw new DomainError(
        'RATE_LIMITED',
        'Too many failed attempts. Please wait before trying again.',
        { retryAfterSeconds },
        because('auth.tooManyAttempts'),
      );
    }
  }
  return keys;
}

function loginPolicies(
  c: AppDeps['config']['loginThrottle'],
): Record<'accountAddress' | 'address' | 'account', repo.ThrottlePolicy> {
  const window = c.windowMinutes * 60;
  return {
    accountAddress: { limit: c.maxFailures, windowSeconds: window, blockSeconds: window, capSeconds: window },
    address: { limit: c.perAddress, windowSeconds: window, blockSeconds: window, capSeconds: window },
    account: {
      limit: c.accountBackoffAfter,
      windowSeconds: window,
      blockSeconds: 1,
      capSeconds: c.accountBackoffCapSeconds,
    },
  };
}

/** Turns a session cookie into who is asking; `null` when it is unknown, expired or revoked. */
export async function resolveSession(deps: AppDeps, token: string): Promise<SessionInfo | null> {
  const row = await repo.findLiveSession(deps.db, hashToken(token), deps.clock());
  if (row?.status !== 'active') return null;
  const role = roleSchema.parse(row.role);
  const links = role === 'family' ? await repo.familyLinksOf(deps.db, row.organizationId, row.userId) : [];
  const linkedPatientIds = links.map((l) => l.patientId);
  const designatedPatientIds = links.filter((l) => l.isDesignated).map((l) => l.patientId);
  return {
    sessionId: row.sessionId,
    actor: {
      userId: row.userId,
      organizationId: row.organizationId,
      role,
      linkedPatientIds,
      designatedPatientIds,
      isLead: row.isLead,
    },
    me: {
      id: row.userId,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      isDemo: row.isDemo,
      email: row.email,
      name: row.name,
      role,
      isLead: row.isLead,
      locale: row.locale === 'en' ? 'en' : 'ru',
      linkedPatientIds,
      designatedPatientIds,
      csrfToken: row.csrfToken,
      landing: landingScreenOf(role),
      // cached per organization, so this adds no statement to a request
      timeZone: (await loadSettings(deps.db, row.organizationId)).timeZone,
    },
  };
}

export async function logout(deps: AppDeps, ctx: RequestContext, sessionId: string) {
  await inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    await repo.revokeSession(trx, sessionId, deps.clock());
    await audit({ action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
  });
}

/** Changing the password ends every other session of the user (a stolen session stops working). */
export async function changePassword(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string,
  current: string,
  next: string,
) {
  const user = await repo.findUserById(deps.db, ctx.actor.organizationId, ctx.actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
    throw invalidField(
      because('auth.wrongCurrentPassword'),
      'The current password is not right.',
      'body.currentPassword',
      'not right',
    );
  }
  const hash = await hashPassword(next);
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId, audit }) => {
    await repo.updateUser(trx, organizationId, ctx.actor.userId, {
      password_hash: hash,
      updated_at: deps.clock(),
    });
    await repo.revokeUserSessions(trx, organizationId, ctx.actor.userId, deps.clock(), sessionId);
    await audit({ action: 'auth.password-change', entityType: 'user', entityId: ctx.actor.userId });
  });
}

/** An invited person sets a password with the one-time token and becomes active. */
export async function acceptInvitation(deps: AppDeps, token: string, password: string, requestId: string) {
  const user = await repo.findUserByInviteToken(deps.db, hashToken(token));
  const now = deps.clock();
  if (user?.status !== 'invited' || !user.inviteExpiresAt || user.inviteExpiresAt < now) {
    throw invitationGone();
  }
  const hash = await hashPassword(password);
  const accepted = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.consumeInvitation(trx, hashToken(token), now, hash);
    // another accept of the same link got there first
    if (!row) return null;
    const ctx = { actor: { userId: row.id, role: row.role as Role }, requestId };
    await recordAudit(trx, deps, ctx, row.organizationId, {
      action: 'auth.accept-invitation',
      entityType: 'user',
      entityId: row.id,
    });
    return row;
  });
  if (!accepted) throw invitationGone();
  return { email: accepted.email };
}

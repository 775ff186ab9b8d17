import { type Actor, DomainError, type Me, type Role, roleSchema } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadSettings } from '../settings/settings.service.ts';
import * as repo from './auth.repository.ts';
import { dummyHashForTiming, hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';

export interface SessionInfo {
  sessionId: string;
  actor: Actor;
  me: Me;
}

const wrongCredentials = () => new DomainError('UNAUTHENTICATED', 'The e-mail or password is not right.');

/**
 * Checks a password and opens a session. Five failures for one e-mail within 15 minutes lock
 * further attempts for the rest of that window (OWASP Authentication Cheat Sheet: throttle per
 * account, not only per address), and the lock lives in the database so every process sees it.
 */
export async function login(
  deps: AppDeps,
  email: string,
  password: string,
  ip: string | null,
  requestId: string,
) {
  const now = deps.clock();
  const { maxFailures, windowMinutes } = deps.config.loginThrottle;
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const failures = await repo.recentLoginFailures(deps.db, email, since);
  if (failures.count >= maxFailures && failures.last) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((failures.last.getTime() + windowMinutes * 60_000 - now.getTime()) / 1000),
    );
    throw new DomainError('RATE_LIMITED', 'Too many failed attempts. Please wait before trying again.', {
      retryAfterSeconds,
    });
  }
  const user = await repo.findUserByEmail(deps.db, email);
  // verify against a dummy hash when there is no user so both paths take the same time
  const ok = await verifyPassword(password, user?.password_hash ?? dummyHashForTiming);
  if (!user || !ok || user.status !== 'active') {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertLoginFailure(trx, email, ip, now);
      if (user)
        await recordAudit(trx, deps, null, user.organization_id, {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          outcome: 'failed',
        });
    });
    throw wrongCredentials();
  }
  const token = newToken();
  const settings = await loadSettings(deps.db, user.organization_id);
  await deps.db.transaction().execute(async (trx) => {
    await repo.clearLoginFailures(trx, email);
    await repo.insertSession(trx, {
      id: hashToken(token),
      organization_id: user.organization_id,
      user_id: user.id,
      csrf_token: newToken(),
      created_at: now,
      expires_at: new Date(now.getTime() + settings.sessionHours * 3_600_000),
      revoked_at: null,
    });
    const ctx = { actor: { userId: user.id, role: user.role as Role }, requestId };
    await recordAudit(trx, deps, ctx, user.organization_id, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return { token, maxAgeSeconds: settings.sessionHours * 3600 };
}

/** Turns a session cookie into who is asking; `null` when it is unknown, expired or revoked. */
export async function resolveSession(deps: AppDeps, token: string): Promise<SessionInfo | null> {
  const row = await repo.findLiveSession(deps.db, hashToken(token), deps.clock());
  if (row?.status !== 'active') return null;
  const role = roleSchema.parse(row.role);
  const links = role === 'family' ? await repo.familyLinksOf(deps.db, row.organization_id, row.user_id) : [];
  const linkedPatientIds = links.map((l) => l.patient_id);
  const designatedPatientIds = links.filter((l) => l.is_designated).map((l) => l.patient_id);
  return {
    sessionId: row.session_id,
    actor: {
      userId: row.user_id,
      organizationId: row.organization_id,
      role,
      linkedPatientIds,
      designatedPatientIds,
    },
    me: {
      id: row.user_id,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      isDemo: row.is_demo,
      email: row.email,
      name: row.name,
      role,
      isLead: row.is_lead,
      locale: row.locale === 'en' ? 'en' : 'ru',
      linkedPatientIds,
      designatedPatientIds,
      csrfToken: row.csrf_token,
    },
  };
}

export async function logout(deps: AppDeps, ctx: RequestContext, sessionId: string) {
  await deps.db.transaction().execute(async (trx) => {
    await repo.revokeSession(trx, sessionId, deps.clock());
    await recordAudit(trx, deps, ctx, ctx.actor.organizationId, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: ctx.actor.userId,
    });
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
  if (!user?.password_hash || !(await verifyPassword(current, user.password_hash))) {
    throw new DomainError('VALIDATION', 'The current password is not right.', {
      fields: [{ field: 'body.currentPassword', message: 'not right' }],
    });
  }
  const hash = await hashPassword(next);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, ctx.actor.organizationId, ctx.actor.userId, {
      password_hash: hash,
      updated_at: deps.clock(),
    });
    await repo.revokeUserSessions(trx, ctx.actor.organizationId, ctx.actor.userId, deps.clock(), sessionId);
    await recordAudit(trx, deps, ctx, ctx.actor.organizationId, {
      action: 'auth.password-change',
      entityType: 'user',
      entityId: ctx.actor.userId,
    });
  });
}

/** An invited person sets a password with the one-time token and becomes active. */
export async function acceptInvitation(deps: AppDeps, token: string, password: string, requestId: string) {
  const user = await repo.findUserByInviteToken(deps.db, hashToken(token));
  const now = deps.clock();
  if (user?.status !== 'invited' || !user.invite_expires_at || user.invite_expires_at < now) {
    throw new DomainError('NOT_FOUND', 'This invitation is not valid any more. Ask the team for a new one.');
  }
  const hash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.organization_id, user.id, {
      password_hash: hash,
      status: 'active',
      invite_token_hash: null,
      invite_expires_at: null,
      updated_at: now,
    });
    const ctx = { actor: { userId: user.id, role: user.role as Role }, requestId };
    await recordAudit(trx, deps, ctx, user.organization_id, {
      action: 'auth.accept-invitation',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return { email: user.email };
}

import type { inviteStaffBodySchema } from '@hearth/domain';
import { because, can, conflict, forbidden, notFound, type StaffMember } from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { nameCursorAfter, nameCursorOf, pageOfRows } from '../../http/pagination.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import * as users from '../auth/auth.repository.ts';
import { createInvitedUser, newInvitationToken } from './invitations.ts';
import * as repo from './staff.repository.ts';

export async function listStaff(
  deps: AppDeps,
  ctx: RequestContext,
  cursor: string | undefined,
  limit: number,
) {
  if (!can(ctx.actor, 'staff:read')) throw forbidden();
  const rows = await repo.listStaff(deps.db, ctx.actor.organizationId, nameCursorAfter(cursor), limit + 1);
  const { page, nextCursor } = pageOfRows(rows, limit, (last) => nameCursorOf(last.name, last.id));
  const items: StaffMember[] = page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  return { items, nextCursor };
}

export async function inviteStaff(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.infer<typeof inviteStaffBodySchema>,
) {
  if (!can(ctx.actor, 'staff:manage')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId }) => {
    const invitation = await createInvitedUser(trx, deps.clock(), { organizationId, ...body });
    await audit({ action: 'staff.invite', entityType: 'user', entityId: invitation.userId });
    return invitation;
  });
}

/**
 * Deactivating ends the person's sessions at once and kills an unused invitation link; the
 * account and its history stay. Reactivating someone who never accepted their invitation issues
 * a new link (returned once, like the first): the old one stays dead.
 */
export async function setStaffActive(deps: AppDeps, ctx: RequestContext, userId: string, active: boolean) {
  if (!can(ctx.actor, 'staff:manage')) throw forbidden();
  if (userId === ctx.actor.userId)
    throw conflict('You cannot deactivate your own account.', undefined, because('staff.notYourself'));
  return inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    const user = await users.findUserById(trx, orgId, userId);
    if (!user || user.role === 'family') throw notFound('staffMember');
    if (active && user.status !== 'deactivated')
      throw conflict('This account is not deactivated.', undefined, because('staff.notDeactivated'));
    const now = deps.clock();
    const invitation = active && !user.passwordHash ? newInvitationToken(now) : null;
    await users.updateUser(trx, orgId, userId, {
      status: active ? (user.passwordHash ? 'active' : 'invited') : 'deactivated',
      invite_token_hash: invitation?.tokenHash ?? null,
      invite_expires_at: invitation?.expiresAt ?? null,
      updated_at: now,
    });
    if (!active) await users.revokeUserSessions(trx, orgId, userId, now);
    await audit({
      action: active ? 'staff.reactivate' : 'staff.deactivate',
      entityType: 'user',
      entityId: userId,
    });
    return invitation
      ? {
          userId,
          email: user.email,
          acceptToken: invitation.token,
          expiresAt: invitation.expiresAt.toISOString(),
        }
      : null;
  });
}

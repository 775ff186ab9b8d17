import type { inviteStaffBodySchema } from '@hearth/domain';
import { because, can, conflict, forbidden, notFound, type StaffMember } from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { nameCursorAfter, nameCursorOf, pageOfRows } from '../../http/pagination.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
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
  const items: StaffMember[] = page.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as StaffMember['role'],
    isLead: r.is_lead,
    phone: r.phone,
    status: r.status,
    createdAt: r.created_at.toISOString(),
  }));
  return { items, nextCursor };
}

export async function inviteStaff(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.infer<typeof inviteStaffBodySchema>,
) {
  if (!can(ctx.actor, 'staff:manage')) throw forbidden();
  return deps.db.transaction().execute(async (trx) => {
    const invitation = await createInvitedUser(trx, deps.clock(), {
      organizationId: ctx.actor.organizationId,
      ...body,
    });
    await recordAudit(trx, deps, ctx, ctx.actor.organizationId, {
      action: 'staff.invite',
      entityType: 'user',
      entityId: invitation.userId,
    });
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
  return deps.db.transaction().execute(async (trx) => {
    const user = await users.findUserById(trx, ctx.actor.organizationId, userId);
    if (!user || user.role === 'family') throw notFound('staffMember');
    if (active && user.status !== 'deactivated')
      throw conflict('This account is not deactivated.', undefined, because('staff.notDeactivated'));
    const now = deps.clock();
    const invitation = active && !user.password_hash ? newInvitationToken(now) : null;
    await users.updateUser(trx, ctx.actor.organizationId, userId, {
      status: active ? (user.password_hash ? 'active' : 'invited') : 'deactivated',
      invite_token_hash: invitation?.tokenHash ?? null,
      invite_expires_at: invitation?.expiresAt ?? null,
      updated_at: now,
    });
    if (!active) await users.revokeUserSessions(trx, ctx.actor.organizationId, userId, now);
    await recordAudit(trx, deps, ctx, ctx.actor.organizationId, {
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

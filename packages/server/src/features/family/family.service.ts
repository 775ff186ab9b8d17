import {
  because,
  conflict,
  type FamilyMember,
  forbidden,
  type inviteFamilyBodySchema,
  notFound,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { revokeUserSessions } from '../auth/auth.repository.ts';
import { updatePatient } from '../patients/patients.repository.ts';
import { createInvitedUser } from '../staff/invitations.ts';
import * as repo from './family.repository.ts';

export async function listFamily(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
): Promise<FamilyMember[]> {
  const gate = { patient: { id: patientId, action: 'patient:read' } } as const;
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId, audit }) => {
    const family = await repo.familyOf(trx, organizationId, patientId);
    await audit({ action: 'family.list', entityType: 'family_link' });
    return family;
  });
}

/**
 * A coordinator, or the patient's designated family member, invites a relative to the portal.
 * Only a coordinator may make someone the designated member (the one who manages access).
 */
export async function inviteFamily(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof inviteFamilyBodySchema>,
) {
  const gate = { patient: { id: patientId, action: 'family:invite' } } as const;
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit }) => {
    if (body.designated && ctx.actor.role === 'family') {
      throw forbidden(
        'Only the care team can change who manages the family’s access.',
        because('family.careTeamOnly'),
      );
    }
    const now = deps.clock();
    const invitation = await createInvitedUser(trx, now, {
      organizationId: orgId,
      email: body.email,
      name: body.name,
      role: 'family',
      phone: body.phone,
    });
    if (body.designated) await repo.clearDesignated(trx, orgId, patientId);
    await repo.insertFamilyLink(trx, {
      organization_id: orgId,
      patient_id: patientId,
      user_id: invitation.userId,
      relationship: body.relationship,
      is_designated: body.designated,
      invited_by: ctx.actor.userId,
      created_at: now,
      removed_at: null,
    });
    if (body.designated)
      await updatePatient(trx, orgId, patientId, {
        designated_family_user_id: invitation.userId,
        updated_at: now,
      });
    await audit({ action: 'family.invite', entityType: 'family_link', entityId: invitation.userId });
    return invitation;
  });
}

/** Removing a relative ends their access to this patient at once (their sessions end too). */
export async function removeFamily(deps: AppDeps, ctx: RequestContext, patientId: string, userId: string) {
  const gate = { patient: { id: patientId, action: 'family:remove' } } as const;
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit }) => {
    if (userId === ctx.actor.userId)
      throw conflict(
        'You cannot remove yourself; ask the care team.',
        undefined,
        because('family.notYourself'),
      );
    const link = await repo.findFamilyLink(trx, orgId, patientId, userId);
    if (!link) throw notFound('familyMember');
    const now = deps.clock();
    await repo.removeFamilyLink(trx, orgId, patientId, userId, now);
    if (link.designated)
      await updatePatient(trx, orgId, patientId, { designated_family_user_id: null, updated_at: now });
    await revokeUserSessions(trx, orgId, userId, now);
    await audit({ action: 'family.remove', entityType: 'family_link', entityId: userId });
  });
}

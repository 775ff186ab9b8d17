import type { organizationSettingsPatchSchema } from '@hearth/domain';
import {
  can,
  forbidden,
  notFound,
  type OrganizationSettings,
  organizationSettingsSchema,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './settings.repository.ts';

/** Stored settings merged over the defaults, so a new setting is safe for old organizations. */
export async function loadSettings(db: Conn, organizationId: string): Promise<OrganizationSettings> {
  const org = await repo.findOrganization(db, organizationId);
  if (!org) throw notFound('The organization');
  return organizationSettingsSchema.parse(org.settings);
}

export async function getSettings(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'settings:read')) throw forbidden();
  return loadSettings(deps.db, ctx.actor.organizationId);
}

export async function updateSettings(
  deps: AppDeps,
  ctx: RequestContext,
  patch: z.infer<typeof organizationSettingsPatchSchema>,
) {
  if (!can(ctx.actor, 'settings:manage')) throw forbidden();
  return deps.db.transaction().execute(async (trx) => {
    const current = await loadSettings(trx, ctx.actor.organizationId);
    const next = organizationSettingsSchema.parse({ ...current, ...patch });
    await repo.updateOrganizationSettings(trx, ctx.actor.organizationId, next);
    await recordAudit(trx, deps, ctx, ctx.actor.organizationId, {
      action: 'settings.update',
      entityType: 'organization',
      entityId: ctx.actor.organizationId,
    });
    return next;
  });
}

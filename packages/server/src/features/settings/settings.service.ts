import {
  because,
  can,
  DomainError,
  forbidden,
  mergePatch,
  type OrganizationSettingsPatch,
  organizationSettingsSchema,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import * as repo from '../../platform/settings/settings.repository.ts';
import {
  loadSettings,
  readStoredSettings,
  settingsChanged,
} from '../../platform/settings/settings.service.ts';

export async function getSettings(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'settings:read')) throw forbidden();
  return loadSettings(deps.db, ctx.actor.organizationId);
}

/** Which stored settings are invalid and read as their defaults, for the administrator's warning. */
export async function settingsProblems(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'settings:manage')) throw forbidden();
  return { replaced: (await readStoredSettings(deps.db, ctx.actor.organizationId)).replaced };
}

/** PATCH: only the fields in the body change; the merged whole is checked before it is stored. */
export async function updateSettings(deps: AppDeps, ctx: RequestContext, patch: OrganizationSettingsPatch) {
  if (!can(ctx.actor, 'settings:manage')) throw forbidden();
  const saved = await inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId }) => {
    // read past the cache: the change is made on what is stored now
    const current = (await readStoredSettings(trx, organizationId)).value;
    const merged = organizationSettingsSchema.safeParse(mergePatch(current, patch));
    if (!merged.success)
      throw new DomainError(
        'VALIDATION',
        'Some fields need attention.',
        {
          fields: merged.error.issues.map((i) => ({
            field: ['body', ...i.path].join('.'),
            message: i.message,
          })),
        },
        because('fieldsInvalid'),
      );
    const next = merged.data;
    await repo.updateOrganizationSettings(trx, organizationId, next);
    await audit({ action: 'settings.update', entityType: 'organization', entityId: organizationId });
    return next;
  });
  await settingsChanged(deps, ctx.actor.organizationId);
  return saved;
}

import { randomUUID } from 'node:crypto';
import {
  because,
  can,
  type careNoteBodySchema,
  type consentBodySchema,
  forbidden,
  notFound,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { getApplication } from './camp-applications.service.ts';
import * as repo from './programmes.repository.ts';
import { programmeEvent } from './programmes-common.ts';

/**
 * One write to a camp application (a care-note version, a signed form): the application must
 * exist; the write and its audit entry share a transaction.
 */
async function writeToApplication(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  action: string,
  write: (trx: Conn, orgId: string) => Promise<unknown>,
  allowed = can(ctx.actor, 'programme:manage'),
) {
  if (!allowed) throw forbidden();
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const a = await repo.findApplication(trx, orgId, id);
    if (!a) throw notFound('application');
    await write(trx, orgId);
    await audit({ action, entityType: 'camp_application', entityId: id, patientId: a.patientId });
    publish(programmeEvent(a.sessionId));
  });
  return getApplication(deps, ctx, id);
}

/**
 * Per-child care notes for camp staff; each save is a new version. The medicines line is written
 * by a nurse or physician (`camp:read-medicines`); a save by the programme staff, who do not see
 * it, keeps the medicines of the version before.
 */
export function recordCareNote(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof careNoteBodySchema>,
) {
  const clinical = can(ctx.actor, 'camp:read-medicines');
  if (body.medicines !== undefined && !clinical)
    throw forbidden(
      'Only a nurse or physician writes the medicines for camp.',
      because('programmes.campMedicinesClinicianOnly'),
    );
  return writeToApplication(
    deps,
    ctx,
    id,
    'camp.care-note',
    async (trx, orgId) => {
      const earlier = (await repo.latestCareNotes(trx, orgId, [id])).at(-1);
      await repo.insertCareNote(trx, {
        id: randomUUID(),
        organization_id: orgId,
        application_id: id,
        medicines: clinical ? (body.medicines ?? null) : (earlier?.medicines ?? null),
        equipment: body.equipment ?? null,
        diet: body.diet ?? null,
        mobility: body.mobility ?? null,
        who_may_give: body.whoMayGive ?? null,
        notes: body.notes ?? null,
        recorded_by: ctx.actor.userId,
        recorded_at: deps.clock(),
      });
    },
    clinical || can(ctx.actor, 'programme:manage'),
  );
}

/** A signed consent form; a form signed again replaces the earlier signature in the list. */
export const recordConsent = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof consentBodySchema>,
) =>
  writeToApplication(deps, ctx, id, 'camp.consent', (trx, orgId) =>
    repo.insertConsent(trx, {
      id: randomUUID(),
      organization_id: orgId,
      application_id: id,
      kind: body.kind,
      signed_by: body.signedBy,
      signed_on: body.signedOn,
      recorded_by: ctx.actor.userId,
      recorded_at: deps.clock(),
    }),
  );

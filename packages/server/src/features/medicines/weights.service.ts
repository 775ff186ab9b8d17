import { randomUUID } from 'node:crypto';
import { because, invalidField, localDate, type WeightDto, type weightBodySchema } from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as repo from './medicines.repository.ts';

/**
 * The patient's weight with the day it was measured (issue 12): part of the record, read by the
 * medication safety check (a child's prescription needs a current weight for mg/kg limits).
 */
export async function listWeights(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
): Promise<WeightDto[]> {
  const read = {
    patient: { id: patientId, action: 'medicine:read' },
    audit: { action: 'patient.weight.list', entityType: 'patient_weight' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId }) => {
    const rows = await repo.listWeights(trx, organizationId, patientId);
    return rows.map((r) => ({
      id: r.id,
      kg: r.kg,
      measuredOn: r.measuredOn,
      recordedByName: r.recordedByName,
      recordedAt: r.recordedAt.toISOString(),
    }));
  });
}

export async function recordWeight(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof weightBodySchema>,
) {
  const gate = { patient: { id: patientId, action: 'medicine:anticipatory' } } as const;
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit }) => {
    const settings = await loadSettings(trx, orgId);
    const now = deps.clock();
    if (body.measuredOn > localDate(now, settings.timeZone))
      throw invalidField(
        because('medicines.weighingInFuture'),
        'The day of the weighing cannot be in the future.',
        'body.measuredOn',
        'in the future',
      );
    const id = randomUUID();
    await repo.insertWeight(trx, orgId, patientId, {
      id,
      kg: body.kg,
      measuredOn: body.measuredOn,
      recordedBy: ctx.actor.userId,
      recordedAt: now,
    });
    await audit({ action: 'patient.weight.record', entityType: 'patient_weight', entityId: id });
  });
  return listWeights(deps, ctx, patientId);
}

import { randomUUID } from 'node:crypto';
import { DomainError, localDate, type WeightDto, type weightBodySchema } from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { loadPatientFor } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
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
  await loadPatientFor(deps, ctx, 'medicine:read', patientId);
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const rows = await repo.listWeights(trx, orgId, patientId);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'patient.weight.list',
      entityType: 'patient_weight',
      patientId,
    });
    return rows.map((r) => ({
      id: r.id,
      kg: Number(r.kg),
      measuredOn: r.measured_on,
      recordedByName: r.recorded_by_name,
      recordedAt: r.recorded_at.toISOString(),
    }));
  });
}

export async function recordWeight(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof weightBodySchema>,
) {
  await loadPatientFor(deps, ctx, 'medicine:anticipatory', patientId);
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(deps.db, orgId);
  const now = deps.clock();
  if (body.measuredOn > localDate(now, settings.timeZone))
    throw new DomainError('VALIDATION', 'The day of the weighing cannot be in the future.', {
      fields: [{ field: 'body.measuredOn', message: 'in the future' }],
    });
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertWeight(trx, {
      id,
      organization_id: orgId,
      patient_id: patientId,
      kg: body.kg,
      measured_on: body.measuredOn,
      recorded_by: ctx.actor.userId,
      recorded_at: now,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'patient.weight.record',
      entityType: 'patient_weight',
      entityId: id,
      patientId,
    });
  });
  return listWeights(deps, ctx, patientId);
}

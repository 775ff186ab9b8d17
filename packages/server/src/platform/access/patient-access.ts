import { type Action, can, forbidden, notFound } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { findPatient } from '../../features/patients/patients.repository.ts';
import { recordDeniedAggregated } from '../../http/denied-audit.ts';

/**
 * The gate in front of every patient-scoped service call. The patient must exist in the
 * caller's organization and the matrix must allow the action. A family member asking about a
 * patient they are not linked to gets "not found", exactly as for an id that does not exist,
 * so the answer reveals nothing. Refusals are audited.
 */
export async function loadPatientFor(
  deps: AppDeps,
  ctx: RequestContext,
  action: Action,
  patientId: string,
  db: Conn = deps.db,
) {
  const patient = await findPatient(db, ctx.actor.organizationId, patientId);
  if (patient && can(ctx.actor, action, { patientId })) return patient;
  await recordDeniedAggregated(deps, ctx, {
    action,
    entityType: 'patient',
    entityId: patientId,
    patientId: patient ? patientId : null,
  });
  if (!patient || !can(ctx.actor, 'patient:read', { patientId })) throw notFound('patient');
  throw forbidden();
}

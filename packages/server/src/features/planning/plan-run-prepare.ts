import type { AppDeps } from '../../app-context.ts';
import { findPatient } from '../patients/patients.repository.ts';
import type { PreparedRun, RunRequest } from './plan-run-job.ts';
import { prepareUrgent } from './urgent.service.ts';
import { prepareWeek } from './week-plan.service.ts';

/**
 * Prepares a run again from its stored request, for a process taking over a run whose process
 * died: today's visits, rota and clock, as a fresh start would see them. The gate was passed
 * by the request that started the run.
 */
export async function prepareRun(deps: AppDeps, orgId: string, request: RunRequest): Promise<PreparedRun> {
  if (request.kind === 'week') return prepareWeek(deps, orgId, request.weekStart);
  const { kind: _kind, ...body } = request;
  const patient = await findPatient(deps.db, orgId, body.patientId);
  if (!patient) throw new Error('the patient is no longer there');
  return prepareUrgent(deps, orgId, patient, body);
}

import { can, chartFirstPage, type PatientChart } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { alertsPage } from '../alerts/alerts.service.ts';
import { assessmentsPage } from '../assessments/assessments.service.ts';
import { readPatient } from './patients.service.ts';

/**
 * The patient page's first paint in one request, on one connection: the record, the newest
 * assessments and the active alerts, each list only when the reader may see it (the same rules as
 * the lists' own routes). One gate and one audit event instead of three of each, and eight
 * statements in all: the session, the gate's patient row, the record's parts, two for the
 * assessments, two for the alerts and the audit event.
 */
export function getPatientChart(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
): Promise<PatientChart> {
  const read = {
    patient: { id: patientId, action: 'patient:read' },
    audit: { action: 'patient.chart.read', entityType: 'patient', entityId: patientId },
    readOnly: true,
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId, patient }) => {
    const record = await readPatient(deps, trx, organizationId, patientId, patient ?? undefined);
    const assessments = can(ctx.actor, 'assessment:read', { patientId })
      ? await assessmentsPage(trx, organizationId, patientId, { limit: chartFirstPage.assessments })
      : null;
    const activeAlerts = can(ctx.actor, 'alert:read')
      ? await alertsPage(trx, deps, ctx, organizationId, {
          status: 'active',
          mine: false,
          patientId,
          limit: chartFirstPage.alerts,
        })
      : null;
    return { patient: record, assessments, activeAlerts };
  });
}

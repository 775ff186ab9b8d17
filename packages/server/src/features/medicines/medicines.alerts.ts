import type { Actor } from '@hearth/domain';
import type { AppDeps } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { announceAlerts, type RaisedAlert, raiseAlert } from '../alerts/alerts.service.ts';
import { physiciansFor } from './medicines.repository.ts';

export interface MedicineAlert {
  ruleId: 'dose.refused' | 'rescue.over-threshold' | 'controlled.count-discrepancy';
  title: string;
  /** Plain text for the physicians' notification. */
  body: string;
  facts: Record<string, unknown>;
  source: { type: string; id: string };
  raisedBy: Pick<Actor, 'userId' | 'role'> | null;
}

/** Version of the medicines rules that raise alerts (kept with each alert so it can be explained). */
const ruleSetVersion = '1';

/**
 * Raises a medicines alert through the shared alert mechanism (owner: the on-call physician,
 * with its deadline and escalation), inside the caller's transaction. When the alert is new,
 * the patient's own physicians and anyone in `also` (the prescriber) are told as well.
 * Call `announceMedicineAlerts` after the commit.
 */
export async function raiseMedicineAlert(
  trx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  organizationId: string,
  patientId: string,
  alert: MedicineAlert,
  also: readonly string[] = [],
): Promise<RaisedAlert> {
  const raised = await raiseAlert(trx, deps, {
    organizationId,
    patientId,
    severity: 'review',
    audience: 'clinical',
    ruleSet: 'medicines',
    ruleSetVersion,
    ruleId: alert.ruleId,
    title: alert.title,
    facts: alert.facts,
    source: alert.source,
    raisedBy: alert.raisedBy,
  });
  if (raised.created) {
    const extra = [...new Set([...(await physiciansFor(trx, organizationId, patientId)), ...also])].filter(
      (id) => !raised.notifiedUserIds.includes(id),
    );
    if (extra.length)
      await notifyUsers(
        trx,
        organizationId,
        extra,
        {
          kind: `medicines.${alert.ruleId}`,
          params: { ruleId: alert.ruleId },
          title: alert.title,
          body: alert.body,
          entityType: 'alert',
          entityId: raised.alertId,
        },
        deps.clock(),
      );
  }
  return raised;
}

export const announceMedicineAlerts = (deps: Pick<AppDeps, 'events'>, raised: readonly RaisedAlert[]) =>
  announceAlerts(deps, raised);

import type { AppDeps } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { physiciansFor } from './medicines.repository.ts';

export interface MedicineAlert {
  kind:
    | 'medicines.dose-refused'
    | 'medicines.rescue-review'
    | 'medicines.count-discrepancy'
    | 'medicines.countersign';
  title: string;
  body: string;
  entityType: string;
  entityId: string;
}

/**
 * Tells the patient's physicians (and anyone in `also`) inside the transaction that caused it.
 * One place for every medicines alert, so moving to the shared alert mechanism is one change.
 */
export async function alertPhysicians(
  trx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  organizationId: string,
  patientId: string,
  alert: MedicineAlert,
  also: readonly string[] = [],
): Promise<string[]> {
  const users = [...new Set([...(await physiciansFor(trx, organizationId, patientId)), ...also])];
  await notifyUsers(trx, organizationId, users, alert, deps.clock());
  return users;
}

import {
  type EquipmentItemStatus,
  type EquipmentKind,
  equipmentConditions,
  equipmentItemStatuses,
  equipmentKinds,
  type LoanStatus,
  loanStatuses,
} from '@hearth/domain';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored } from '../../db/stored-json.ts';
import type { EquipmentItemTable, EquipmentLoanTable } from './equipment.table.ts';

/** An item of the store: what it is, its state and when it is next serviced. */
export interface EquipmentItemRecord {
  id: string;
  kind: EquipmentKind;
  name: string;
  serialNumber: string;
  condition: (typeof equipmentConditions)[number];
  status: EquipmentItemStatus;
  /** `YYYY-MM-DD`. */
  maintenanceDueOn: string | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A loan to a patient's home, with the patient, the requester and the item lent (if chosen yet). */
export interface LoanRecord {
  id: string;
  patientId: string;
  patientName: string;
  patientStatus: string;
  kind: EquipmentKind;
  itemId: string | null;
  itemName: string | null;
  itemSerial: string | null;
  status: LoanStatus;
  reason: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  /** `YYYY-MM-DD` days below. */
  expectedReturnOn: string | null;
  deliveredOn: string | null;
  deliveredBy: string | null;
  deliveryRecordedBy: string | null;
  oxygenSafetyCheckId: string | null;
  inUseAt: Date | null;
  collectedOn: string | null;
  collectedBy: string | null;
  cleanedAt: Date | null;
  cleanedBy: string | null;
  collectionRequestedAt: Date | null;
  updatedAt: Date;
}

/** A loan as locked for a step: its own columns only. */
export type LockedLoanRecord = Omit<
  LoanRecord,
  'patientName' | 'patientStatus' | 'itemName' | 'itemSerial' | 'requestedByName'
>;

const kindSchema = z.enum(equipmentKinds);
const conditionSchema = z.enum(equipmentConditions);
const itemStatusSchema = z.enum(equipmentItemStatuses);
const loanStatusSchema = z.enum(loanStatuses);

const toItem = (r: Selectable<EquipmentItemTable>): EquipmentItemRecord => {
  const at = (column: string) => ({ table: 'equipment_item', column, id: r.id });
  return {
    id: r.id,
    kind: parseStored(kindSchema, r.kind, at('kind')),
    name: r.name,
    serialNumber: r.serial_number,
    condition: parseStored(conditionSchema, r.condition, at('condition')),
    status: parseStored(itemStatusSchema, r.status, at('status')),
    maintenanceDueOn: r.maintenance_due_on,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};

const toLockedLoan = (r: Selectable<EquipmentLoanTable>): LockedLoanRecord => {
  const at = (column: string) => ({ table: 'equipment_loan', column, id: r.id });
  return {
    id: r.id,
    patientId: r.patient_id,
    kind: parseStored(kindSchema, r.kind, at('kind')),
    itemId: r.item_id,
    status: parseStored(loanStatusSchema, r.status, at('status')),
    reason: r.reason,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    expectedReturnOn: r.expected_return_on,
    deliveredOn: r.delivered_on,
    deliveredBy: r.delivered_by,
    deliveryRecordedBy: r.delivery_recorded_by,
    oxygenSafetyCheckId: r.oxygen_safety_check_id,
    inUseAt: r.in_use_at,
    collectedOn: r.collected_on,
    collectedBy: r.collected_by,
    cleanedAt: r.cleaned_at,
    cleanedBy: r.cleaned_by,
    collectionRequestedAt: r.collection_requested_at,
    updatedAt: r.updated_at,
  };
};

const toLoan = (
  r: Selectable<EquipmentLoanTable> & {
    patient_name: string;
    patient_status: string;
    requested_by_name: string;
    item_name: string | null;
    item_serial: string | null;
  },
): LoanRecord => ({
  ...toLockedLoan(r),
  patientName: r.patient_name,
  patientStatus: r.patient_status,
  itemName: r.item_name,
  itemSerial: r.item_serial,
  requestedByName: r.requested_by_name,
});

export const insertItem = (db: Conn, row: Insertable<EquipmentItemTable>) =>
  db.insertInto('equipment_item').values(row).execute();

export const updateItem = (db: Conn, orgId: string, id: string, patch: Updateable<EquipmentItemTable>) =>
  db
    .updateTable('equipment_item')
    .set(patch)
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();

export const findItem = async (db: Conn, orgId: string, id: string) => {
  const r = await db
    .selectFrom('equipment_item')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r && toItem(r);
};

export const findItemForUpdate = async (db: Conn, orgId: string, id: string) => {
  const r = await db
    .selectFrom('equipment_item')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return r && toItem(r);
};

export const findItemBySerial = (db: Conn, orgId: string, serial: string) =>
  db
    .selectFrom('equipment_item')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('serial_number', '=', serial)
    .executeTakeFirst();

export async function listItems(
  db: Conn,
  orgId: string,
  filter: { kind?: string | undefined; status?: string | undefined; afterSerial?: string | undefined },
  limit: number,
) {
  let q = db.selectFrom('equipment_item').selectAll().where('organization_id', '=', orgId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.afterSerial) q = q.where('serial_number', '>', filter.afterSerial);
  return (await q.orderBy('serial_number').limit(limit).execute()).map(toItem);
}

export const itemsMaintenanceDue = async (db: Conn, orgId: string, byDate: string) =>
  (
    await db
      .selectFrom('equipment_item')
      .selectAll()
      .where('organization_id', '=', orgId)
      .where('status', '!=', 'retired')
      .where('maintenance_due_on', '<=', byDate)
      .orderBy('maintenance_due_on')
      .limit(200)
      .execute()
  ).map(toItem);

/** How many items of a kind are in a status. */
export interface AvailabilityCountRecord {
  kind: string;
  status: string;
  count: number;
}

export const availabilityCounts = async (db: Conn, orgId: string) =>
  (
    await db
      .selectFrom('equipment_item')
      .select(['kind', 'status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('organization_id', '=', orgId)
      .groupBy(['kind', 'status'])
      .execute()
  ).map((r): AvailabilityCountRecord => ({ kind: r.kind, status: r.status, count: Number(r.n) }));

export const openLoanIdsByItem = (db: Conn, orgId: string, itemIds: string[]) =>
  itemIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('equipment_loan')
        .select(['id', 'item_id as itemId'])
        .where('organization_id', '=', orgId)
        .where('item_id', 'in', itemIds)
        .where('status', 'in', ['requested', 'delivered', 'in_use', 'collected'])
        .execute();

export const insertLoan = (db: Conn, row: Insertable<EquipmentLoanTable>) =>
  db.insertInto('equipment_loan').values(row).execute();

export const updateLoan = (db: Conn, orgId: string, id: string, patch: Updateable<EquipmentLoanTable>) =>
  db
    .updateTable('equipment_loan')
    .set(patch)
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();

export const findLoanForUpdate = async (db: Conn, orgId: string, patientId: string, id: string) => {
  const r = await db
    .selectFrom('equipment_loan')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return r && toLockedLoan(r);
};

const loanColumns = (db: Conn) =>
  db
    .selectFrom('equipment_loan as l')
    .innerJoin('patient as p', 'p.id', 'l.patient_id')
    .innerJoin('app_user as u', 'u.id', 'l.requested_by')
    .leftJoin('equipment_item as i', 'i.id', 'l.item_id')
    .selectAll('l')
    .select([
      'p.status as patient_status',
      'u.name as requested_by_name',
      'i.name as item_name',
      'i.serial_number as item_serial',
    ])
    .select((eb) =>
      eb
        .fn<string>('concat', ['p.last_name', eb.cast(eb.val(' '), 'text'), 'p.first_name'])
        .as('patient_name'),
    );

export const findLoan = async (db: Conn, orgId: string, id: string) => {
  const r = await loanColumns(db)
    .where('l.organization_id', '=', orgId)
    .where('l.id', '=', id)
    .executeTakeFirst();
  return r && toLoan(r);
};

export const loansOfPatient = async (db: Conn, orgId: string, patientId: string) =>
  (
    await loanColumns(db)
      .where('l.organization_id', '=', orgId)
      .where('l.patient_id', '=', patientId)
      .orderBy('l.requested_at', 'desc')
      .limit(200)
      .execute()
  ).map(toLoan);

export const loansWithStatus = async (db: Conn, orgId: string, statuses: string[]) =>
  (
    await loanColumns(db)
      .where('l.organization_id', '=', orgId)
      .where('l.status', 'in', statuses)
      .orderBy('l.requested_at')
      .limit(500)
      .execute()
  ).map(toLoan);

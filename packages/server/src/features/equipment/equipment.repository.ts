import type { Insertable, Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { EquipmentItemTable, EquipmentLoanTable } from './equipment.table.ts';

export const insertItem = (db: Conn, row: Insertable<EquipmentItemTable>) =>
  db.insertInto('equipment_item').values(row).execute();

export const updateItem = (db: Conn, orgId: string, id: string, patch: Updateable<EquipmentItemTable>) =>
  db
    .updateTable('equipment_item')
    .set(patch)
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();

export const findItem = (db: Conn, orgId: string, id: string) =>
  db
    .selectFrom('equipment_item')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findItemForUpdate = (db: Conn, orgId: string, id: string) =>
  db
    .selectFrom('equipment_item')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const findItemBySerial = (db: Conn, orgId: string, serial: string) =>
  db
    .selectFrom('equipment_item')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('serial_number', '=', serial)
    .executeTakeFirst();

export function listItems(
  db: Conn,
  orgId: string,
  filter: { kind?: string | undefined; status?: string | undefined; afterSerial?: string | undefined },
  limit: number,
) {
  let q = db.selectFrom('equipment_item').selectAll().where('organization_id', '=', orgId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.afterSerial) q = q.where('serial_number', '>', filter.afterSerial);
  return q.orderBy('serial_number').limit(limit).execute();
}

export const itemsMaintenanceDue = (db: Conn, orgId: string, byDate: string) =>
  db
    .selectFrom('equipment_item')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('status', '!=', 'retired')
    .where('maintenance_due_on', '<=', byDate)
    .orderBy('maintenance_due_on')
    .limit(200)
    .execute();

export const availabilityCounts = (db: Conn, orgId: string) =>
  db
    .selectFrom('equipment_item')
    .select(['kind', 'status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('organization_id', '=', orgId)
    .groupBy(['kind', 'status'])
    .execute();

export const openLoanIdsByItem = (db: Conn, orgId: string, itemIds: string[]) =>
  itemIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('equipment_loan')
        .select(['id', 'item_id'])
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

export const findLoanForUpdate = (db: Conn, orgId: string, patientId: string, id: string) =>
  db
    .selectFrom('equipment_loan')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

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

export type LoanRow = Awaited<ReturnType<typeof findLoan>> & {};

export const findLoan = (db: Conn, orgId: string, id: string) =>
  loanColumns(db).where('l.organization_id', '=', orgId).where('l.id', '=', id).executeTakeFirst();

export const loansOfPatient = (db: Conn, orgId: string, patientId: string) =>
  loanColumns(db)
    .where('l.organization_id', '=', orgId)
    .where('l.patient_id', '=', patientId)
    .orderBy('l.requested_at', 'desc')
    .limit(200)
    .execute();

export const loansWithStatus = (db: Conn, orgId: string, statuses: string[]) =>
  loanColumns(db)
    .where('l.organization_id', '=', orgId)
    .where('l.status', 'in', statuses)
    .orderBy('l.requested_at')
    .limit(500)
    .execute();

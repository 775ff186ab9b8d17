import {
  type HomeSafetyItemKey,
  homeSafetyItemKeys,
  type SafetyItemAnswer,
  safetyItemAnswerSchema,
  safetyOccasions,
} from '@hearth/domain';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { HomeSafetyActionTable, HomeSafetyCheckTable } from './home-safety.table.ts';

/** A home safety check: when, on which occasion, by whom, and each item's answer. */
export interface HomeSafetyCheckRecord {
  id: string;
  patientId: string;
  occasion: (typeof safetyOccasions)[number];
  checkedOn: string;
  checkedBy: string;
  checkedByName: string;
  items: SafetyItemAnswer[];
  createdAt: Date;
}

/** What is to be done about an unmet item, who owns it, and whether it is done. */
export interface HomeSafetyActionRecord {
  id: string;
  patientId: string;
  checkId: string;
  itemKey: HomeSafetyItemKey;
  description: string;
  ownerName: string;
  ownerUserId: string | null;
  dueOn: string | null;
  status: HomeSafetyActionTable['status'];
  doneAt: Date | null;
  doneBy: string | null;
  createdAt: Date;
}

const itemsSchema = z.array(safetyItemAnswerSchema);
const occasionSchema = z.enum(safetyOccasions);
const itemKeySchema = z.enum(homeSafetyItemKeys);

const toCheck = (
  r: Selectable<HomeSafetyCheckTable> & { checked_by_name: string },
): HomeSafetyCheckRecord => {
  const at = (column: string) => ({ table: 'home_safety_check', column, id: r.id });
  return {
    id: r.id,
    patientId: r.patient_id,
    occasion: parseStored(occasionSchema, r.occasion, at('occasion')),
    checkedOn: r.checked_on,
    checkedBy: r.checked_by,
    checkedByName: r.checked_by_name,
    items: parseStored(itemsSchema, r.items, at('items')),
    createdAt: r.created_at,
  };
};

const toAction = (r: Selectable<HomeSafetyActionTable>): HomeSafetyActionRecord => ({
  id: r.id,
  patientId: r.patient_id,
  checkId: r.check_id,
  itemKey: parseStored(itemKeySchema, r.item_key, {
    table: 'home_safety_action',
    column: 'item_key',
    id: r.id,
  }),
  description: r.description,
  ownerName: r.owner_name,
  ownerUserId: r.owner_user_id,
  dueOn: r.due_on,
  status: r.status,
  doneAt: r.done_at,
  doneBy: r.done_by,
  createdAt: r.created_at,
});

export const insertCheck = (
  db: Conn,
  organizationId: string,
  c: Omit<HomeSafetyCheckRecord, 'checkedByName'>,
) =>
  db
    .insertInto('home_safety_check')
    .values({
      id: c.id,
      organization_id: organizationId,
      patient_id: c.patientId,
      occasion: c.occasion,
      checked_on: c.checkedOn,
      checked_by: c.checkedBy,
      items: storedJson(c.items),
      created_at: c.createdAt,
    })
    .execute();

export const insertActions = (db: Conn, organizationId: string, actions: HomeSafetyActionRecord[]) =>
  actions.length === 0
    ? Promise.resolve()
    : db
        .insertInto('home_safety_action')
        .values(
          actions.map((a) => ({
            id: a.id,
            organization_id: organizationId,
            patient_id: a.patientId,
            check_id: a.checkId,
            item_key: a.itemKey,
            description: a.description,
            owner_name: a.ownerName,
            owner_user_id: a.ownerUserId,
            due_on: a.dueOn,
            status: a.status,
            done_at: a.doneAt,
            done_by: a.doneBy,
            created_at: a.createdAt,
          })),
        )
        .execute();

/** The patient's checks, newest first. */
export const checksOf = async (db: Conn, orgId: string, patientId: string) =>
  (
    await db
      .selectFrom('home_safety_check as c')
      .innerJoin('app_user as u', 'u.id', 'c.checked_by')
      .selectAll('c')
      .select('u.name as checked_by_name')
      .where('c.organization_id', '=', orgId)
      .where('c.patient_id', '=', patientId)
      .orderBy('c.created_at', 'desc')
      .limit(100)
      .execute()
  ).map(toCheck);

/** The patient's actions in the order they were set, each with who marked it done. */
export const actionsOf = async (db: Conn, orgId: string, patientId: string) =>
  (
    await db
      .selectFrom('home_safety_action as a')
      .leftJoin('app_user as u', 'u.id', 'a.done_by')
      .selectAll('a')
      .select('u.name as done_by_name')
      .where('a.organization_id', '=', orgId)
      .where('a.patient_id', '=', patientId)
      .orderBy('a.created_at')
      .execute()
  ).map((r) => ({ ...toAction(r), doneByName: r.done_by_name }));

export const findActionForUpdate = async (db: Conn, orgId: string, patientId: string, id: string) => {
  const row = await db
    .selectFrom('home_safety_action')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toAction(row);
};

export const markActionDone = (db: Conn, orgId: string, id: string, by: string, at: Date) =>
  db
    .updateTable('home_safety_action')
    .set({ status: 'done', done_at: at, done_by: by })
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();

import {
  type BereavementTaskKind,
  bereavementTaskKinds,
  checklistWitnessesSchema,
  griefRiskLevels,
  places,
} from '@hearth/domain';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { BereavementTaskTable, DeathChecklistItemTable, DeathRecordTable } from './end-of-life.table.ts';

type Place = (typeof places)[number];
type GriefRiskLevel = (typeof griefRiskLevels)[number];

/** A recorded death, with who recorded it. */
export interface DeathRecordRecord {
  id: string;
  patientId: string;
  diedAt: Date;
  place: Place;
  placeNote: string | null;
  preferredPlace: Place | null;
  inPreferredPlace: boolean | null;
  verifiedBy: string;
  verifiedAt: Date;
  notes: string | null;
  familyMessage: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
}

/** One item of the home checklist after a death. */
export interface ChecklistItemRecord {
  deathRecordId: string;
  item: string;
  status: DeathChecklistItemTable['status'];
  note: string | null;
  witnesses: string[];
  doneAt: Date | null;
  doneBy: string | null;
  doneByName: string | null;
}

/** A bereavement contact with the family. */
export interface BereavementTaskRecord {
  id: string;
  patientId: string;
  deathRecordId: string;
  kind: BereavementTaskKind;
  dueOn: string;
  ownerId: string;
  status: BereavementTaskTable['status'];
  completedOn: string | null;
  outcome: string | null;
  riskLevel: GriefRiskLevel | null;
  completedBy: string | null;
  createdAt: Date;
}

/** A bereavement contact with the names the lists and reminders show. */
export interface NamedBereavementTaskRecord extends BereavementTaskRecord {
  patientName: string;
  ownerName: string;
}

/** A family contact of a patient, for whoever calls the family. */
export interface FamilyContactRecord {
  patientId: string;
  name: string;
  relationship: string;
  phone: string | null;
}

/** A death in a period, for the end-of-life measures. */
export interface DeathInPeriodRecord {
  id: string;
  diedAt: Date;
  inPreferredPlace: boolean | null;
  hadPlan: boolean;
}

const placeSchema = z.enum(places);
const kindSchema = z.enum(bereavementTaskKinds);
const riskSchema = z.enum(griefRiskLevels);

const toDeath = (r: Selectable<DeathRecordTable> & { recorded_by_name: string }): DeathRecordRecord => {
  const at = (column: string) => ({ table: 'death_record', column, id: r.id });
  return {
    id: r.id,
    patientId: r.patient_id,
    diedAt: r.died_at,
    place: parseStored(placeSchema, r.place, at('place')),
    placeNote: r.place_note,
    preferredPlace:
      r.preferred_place === null ? null : parseStored(placeSchema, r.preferred_place, at('preferred_place')),
    inPreferredPlace: r.in_preferred_place,
    verifiedBy: r.verified_by,
    verifiedAt: r.verified_at,
    notes: r.notes,
    familyMessage: r.family_message,
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
  };
};

const toChecklistItem = (
  r: Selectable<DeathChecklistItemTable> & { done_by_name: string | null },
): ChecklistItemRecord => ({
  deathRecordId: r.death_record_id,
  item: r.item,
  status: r.status,
  note: r.note,
  witnesses: parseStored(checklistWitnessesSchema, r.witnesses, {
    table: 'death_checklist_item',
    column: 'witnesses',
    id: `${r.death_record_id}/${r.item}`,
  }),
  doneAt: r.done_at,
  doneBy: r.done_by,
  doneByName: r.done_by_name,
});

const toTask = (r: Selectable<BereavementTaskTable>): BereavementTaskRecord => {
  const at = (column: string) => ({ table: 'bereavement_task', column, id: r.id });
  return {
    id: r.id,
    patientId: r.patient_id,
    deathRecordId: r.death_record_id,
    kind: parseStored(kindSchema, r.kind, at('kind')),
    dueOn: r.due_on,
    ownerId: r.owner_id,
    status: r.status,
    completedOn: r.completed_on,
    outcome: r.outcome,
    riskLevel: r.risk_level === null ? null : parseStored(riskSchema, r.risk_level, at('risk_level')),
    completedBy: r.completed_by,
    createdAt: r.created_at,
  };
};

const toNamedTask = (
  r: Selectable<BereavementTaskTable> & { patient_name: string; owner_name: string },
): NamedBereavementTaskRecord => ({ ...toTask(r), patientName: r.patient_name, ownerName: r.owner_name });

export const insertDeath = (db: Conn, row: Insertable<DeathRecordTable>) =>
  db.insertInto('death_record').values(row).execute();

export const updateDeath = (db: Conn, orgId: string, id: string, patch: Updateable<DeathRecordTable>) =>
  db
    .updateTable('death_record')
    .set(patch)
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();

export async function findDeath(db: Conn, orgId: string, patientId: string) {
  const row = await db
    .selectFrom('death_record as d')
    .innerJoin('app_user as u', 'u.id', 'd.recorded_by')
    .selectAll('d')
    .select('u.name as recorded_by_name')
    .where('d.organization_id', '=', orgId)
    .where('d.patient_id', '=', patientId)
    .executeTakeFirst();
  return row && toDeath(row);
}

export const insertChecklist = (db: Conn, orgId: string, deathId: string, items: readonly string[]) =>
  db
    .insertInto('death_checklist_item')
    .values(
      items.map((item) => ({
        organization_id: orgId,
        death_record_id: deathId,
        item,
        status: 'open' as const,
        note: null,
        witnesses: storedJson([]),
        done_at: null,
        done_by: null,
      })),
    )
    .execute();

export const checklistOf = async (db: Conn, orgId: string, deathId: string) =>
  (
    await db
      .selectFrom('death_checklist_item as c')
      .leftJoin('app_user as u', 'u.id', 'c.done_by')
      .selectAll('c')
      .select('u.name as done_by_name')
      .where('c.organization_id', '=', orgId)
      .where('c.death_record_id', '=', deathId)
      .execute()
  ).map(toChecklistItem);

export const updateChecklistItem = (
  db: Conn,
  orgId: string,
  deathId: string,
  item: string,
  patch: {
    status: 'done' | 'not_needed';
    note: string | null;
    witnesses: string[];
    done_at: Date;
    done_by: string;
  },
) =>
  db
    .updateTable('death_checklist_item')
    .set({ ...patch, witnesses: storedJson(patch.witnesses) })
    .where('organization_id', '=', orgId)
    .where('death_record_id', '=', deathId)
    .where('item', '=', item)
    .execute();

export const insertTasks = (db: Conn, rows: Insertable<BereavementTaskTable>[]) =>
  db.insertInto('bereavement_task').values(rows).execute();

export async function findTaskForUpdate(db: Conn, orgId: string, patientId: string, id: string) {
  const row = await db
    .selectFrom('bereavement_task')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toTask(row);
}

export const updateTask = (db: Conn, orgId: string, id: string, patch: Updateable<BereavementTaskTable>) =>
  db
    .updateTable('bereavement_task')
    .set(patch)
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();

const taskColumns = (db: Conn) =>
  db
    .selectFrom('bereavement_task as t')
    .innerJoin('patient as p', 'p.id', 't.patient_id')
    .innerJoin('app_user as u', 'u.id', 't.owner_id')
    .selectAll('t')
    .select('u.name as owner_name')
    .select((eb) =>
      eb
        .fn<string>('concat', ['p.last_name', eb.cast(eb.val(' '), 'text'), 'p.first_name'])
        .as('patient_name'),
    );

export const tasksOfPatient = async (db: Conn, orgId: string, patientId: string) =>
  (
    await taskColumns(db)
      .where('t.organization_id', '=', orgId)
      .where('t.patient_id', '=', patientId)
      .orderBy('t.due_on')
      .execute()
  ).map(toNamedTask);

export async function findTaskById(db: Conn, orgId: string, id: string) {
  const row = await taskColumns(db)
    .where('t.organization_id', '=', orgId)
    .where('t.id', '=', id)
    .executeTakeFirst();
  return row && toNamedTask(row);
}

export async function listTasks(
  db: Conn,
  orgId: string,
  f: {
    status: string;
    dueFrom?: string | undefined;
    dueBy?: string | undefined;
    ownerId?: string | undefined;
    after?: { dueOn: string; id: string } | undefined;
  },
  limit: number,
) {
  let q = taskColumns(db).where('t.organization_id', '=', orgId);
  if (f.status !== 'all') q = q.where('t.status', '=', f.status as 'open');
  if (f.dueFrom) q = q.where('t.due_on', '>=', f.dueFrom);
  if (f.dueBy) q = q.where('t.due_on', '<=', f.dueBy);
  if (f.ownerId) q = q.where('t.owner_id', '=', f.ownerId);
  const after = f.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('t.due_on', '>', after.dueOn),
        eb.and([eb('t.due_on', '=', after.dueOn), eb('t.id', '>', after.id)]),
      ]),
    );
  return (await q.orderBy('t.due_on').orderBy('t.id').limit(limit).execute()).map(toNamedTask);
}

export const contactsOfPatients = async (
  db: Conn,
  orgId: string,
  patientIds: string[],
): Promise<FamilyContactRecord[]> =>
  patientIds.length === 0
    ? []
    : (
        await db
          .selectFrom('patient_contact')
          .select(['patient_id', 'name', 'relationship', 'phone'])
          .where('organization_id', '=', orgId)
          .where('patient_id', 'in', patientIds)
          .orderBy('created_at')
          .execute()
      ).map((r) => ({ patientId: r.patient_id, name: r.name, relationship: r.relationship, phone: r.phone }));

export const findActiveUser = (db: Conn, orgId: string, id: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'role', 'name'])
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();

/**
 * Deaths in a period with whether each was in the preferred place, and whether an advance care
 * plan was on record when the death was recorded (the quality measures of palliative-research.md §6
 * item 16: "% died in preferred place", "% with a shared plan at death").
 */
export const deathsBetween = async (
  db: Conn,
  orgId: string,
  from: Date,
  to: Date,
): Promise<DeathInPeriodRecord[]> =>
  (
    await db
      .selectFrom('death_record as d')
      .select(['d.id', 'd.died_at', 'd.in_preferred_place'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('advance_care_plan as a')
              .select('a.id')
              .whereRef('a.organization_id', '=', 'd.organization_id')
              .whereRef('a.patient_id', '=', 'd.patient_id')
              // staff often type the death in hours later; a plan written before that counts
              // (the plan is closed to changes once the death is recorded)
              .whereRef('a.recorded_at', '<=', 'd.recorded_at'),
          )
          .as('had_plan'),
      )
      .where('d.organization_id', '=', orgId)
      .where('d.died_at', '>=', from)
      .where('d.died_at', '<', to)
      .limit(10_000)
      .execute()
  ).map((r) => ({
    id: r.id,
    diedAt: r.died_at,
    inPreferredPlace: r.in_preferred_place,
    hadPlan: Boolean(r.had_plan),
  }));

/** Open bereavement contacts, and how many of them are past their due day. */
export async function countOpenTasks(db: Conn, orgId: string, today: string) {
  const r = await db
    .selectFrom('bereavement_task')
    .select((eb) => [
      eb.fn.countAll<string>().as('open'),
      eb.fn.count<string>('id').filterWhere('due_on', '<', today).as('overdue'),
    ])
    .where('organization_id', '=', orgId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return { open: Number(r.open), overdue: Number(r.overdue) };
}

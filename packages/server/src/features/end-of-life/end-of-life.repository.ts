import type { Insertable, Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { BereavementTaskTable, DeathRecordTable } from './end-of-life.table.ts';

export const insertDeath = (db: Conn, row: Insertable<DeathRecordTable>) =>
  db.insertInto('death_record').values(row).execute();

export const updateDeath = (db: Conn, orgId: string, id: string, patch: Updateable<DeathRecordTable>) =>
  db
    .updateTable('death_record')
    .set(patch)
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();

export const findDeath = (db: Conn, orgId: string, patientId: string) =>
  db
    .selectFrom('death_record as d')
    .innerJoin('app_user as u', 'u.id', 'd.recorded_by')
    .selectAll('d')
    .select('u.name as recorded_by_name')
    .where('d.organization_id', '=', orgId)
    .where('d.patient_id', '=', patientId)
    .executeTakeFirst();

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
        witnesses: '[]',
        done_at: null,
        done_by: null,
      })),
    )
    .execute();

export const checklistOf = (db: Conn, orgId: string, deathId: string) =>
  db
    .selectFrom('death_checklist_item as c')
    .leftJoin('app_user as u', 'u.id', 'c.done_by')
    .selectAll('c')
    .select('u.name as done_by_name')
    .where('c.organization_id', '=', orgId)
    .where('c.death_record_id', '=', deathId)
    .execute();

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
    .set({ ...patch, witnesses: JSON.stringify(patch.witnesses) })
    .where('organization_id', '=', orgId)
    .where('death_record_id', '=', deathId)
    .where('item', '=', item)
    .execute();

export const insertTasks = (db: Conn, rows: Insertable<BereavementTaskTable>[]) =>
  db.insertInto('bereavement_task').values(rows).execute();

export const findTaskForUpdate = (db: Conn, orgId: string, patientId: string, id: string) =>
  db
    .selectFrom('bereavement_task')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

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
export type TaskRow = Awaited<ReturnType<typeof tasksOfPatient>>[number];

export const tasksOfPatient = (db: Conn, orgId: string, patientId: string) =>
  taskColumns(db)
    .where('t.organization_id', '=', orgId)
    .where('t.patient_id', '=', patientId)
    .orderBy('t.due_on')
    .execute();

export const findTaskById = (db: Conn, orgId: string, id: string) =>
  taskColumns(db).where('t.organization_id', '=', orgId).where('t.id', '=', id).executeTakeFirst();

export function listTasks(
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
  return q.orderBy('t.due_on').orderBy('t.id').limit(limit).execute();
}

export const contactsOfPatients = (db: Conn, orgId: string, patientIds: string[]) =>
  patientIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('patient_contact')
        .select(['patient_id', 'name', 'relationship', 'phone'])
        .where('organization_id', '=', orgId)
        .where('patient_id', 'in', patientIds)
        .orderBy('created_at')
        .execute();

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
export const deathsBetween = (db: Conn, orgId: string, from: Date, to: Date) =>
  db
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
    .execute();

export const countOpenTasks = (db: Conn, orgId: string, today: string) =>
  db
    .selectFrom('bereavement_task')
    .select((eb) => [
      eb.fn.countAll<string>().as('open'),
      eb.fn.count<string>('id').filterWhere('due_on', '<', today).as('overdue'),
    ])
    .where('organization_id', '=', orgId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();

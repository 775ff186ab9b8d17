import { type Insertable, sql, type Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { AlertEventTable, AlertTable } from './alerts.table.ts';

type AlertInsert = Omit<Insertable<AlertTable>, 'facts'> & { facts: Record<string, unknown> };

export const insertAlert = (db: Conn, row: AlertInsert) =>
  db
    .insertInto('alert')
    .values({ ...row, facts: JSON.stringify(row.facts) })
    .execute();

/**
 * Inserts the alert unless an unresolved one exists for the same patient and rule (the partial
 * unique index decides, so two concurrent raisers cannot both insert); true when inserted.
 */
export async function insertAlertIfNoneActive(db: Conn, row: AlertInsert): Promise<boolean> {
  const result = await db
    .insertInto('alert')
    .values({ ...row, facts: JSON.stringify(row.facts) })
    .onConflict((oc) =>
      oc
        .columns(['organization_id', 'patient_id', 'rule_set', 'rule_id'])
        .where('status', '<>', 'resolved')
        .doNothing(),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const insertAlertEvent = (
  db: Conn,
  row: Omit<Insertable<AlertEventTable>, 'data'> & { data?: Record<string, unknown> },
) =>
  db
    .insertInto('alert_event')
    .values({ ...row, data: JSON.stringify(row.data ?? {}) })
    .execute();

/** The unresolved alert for a patient and rule, locked so two raisers queue up. */
export const findActiveForRuleForUpdate = (
  db: Conn,
  organizationId: string,
  patientId: string,
  ruleSet: string,
  ruleId: string,
) =>
  db
    .selectFrom('alert')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('rule_set', '=', ruleSet)
    .where('rule_id', '=', ruleId)
    .where('status', '<>', 'resolved')
    .forUpdate()
    .executeTakeFirst();

export const findAlertForUpdate = (db: Conn, organizationId: string, id: string) =>
  db
    .selectFrom('alert')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const updateAlert = (db: Conn, organizationId: string, id: string, patch: Updateable<AlertTable>) =>
  db
    .updateTable('alert')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

const alertColumns = (db: Conn) =>
  db
    .selectFrom('alert as a')
    .innerJoin('patient as p', 'p.id', 'a.patient_id')
    .leftJoin('app_user as o', 'o.id', 'a.owner_id')
    .leftJoin('app_user as k', 'k.id', 'a.acknowledged_by')
    .leftJoin('app_user as r', 'r.id', 'a.resolved_by')
    .selectAll('a')
    .select([
      'p.first_name',
      'p.last_name',
      'o.name as owner_name',
      'k.name as acknowledged_by_name',
      'r.name as resolved_by_name',
    ]);

export type AlertRow = Awaited<ReturnType<typeof findAlertView>> & {};

export const findAlertView = (db: Conn, organizationId: string, id: string) =>
  alertColumns(db).where('a.organization_id', '=', organizationId).where('a.id', '=', id).executeTakeFirst();

export function listAlerts(
  db: Conn,
  organizationId: string,
  filter: {
    statuses: AlertTable['status'][];
    ownerId?: string | undefined;
    patientId?: string | undefined;
    audiences?: AlertTable['audience'][] | undefined;
    patientIds?: string[] | undefined;
  },
  after: { raisedAt: Date; id: string } | undefined,
  limit: number,
) {
  let q = alertColumns(db)
    .where('a.organization_id', '=', organizationId)
    .where('a.status', 'in', filter.statuses);
  if (filter.ownerId) q = q.where('a.owner_id', '=', filter.ownerId);
  if (filter.patientId) q = q.where('a.patient_id', '=', filter.patientId);
  if (filter.audiences) q = q.where('a.audience', 'in', filter.audiences);
  if (filter.patientIds) {
    if (filter.patientIds.length === 0) return Promise.resolve([]);
    q = q.where('a.patient_id', 'in', filter.patientIds);
  }
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('a.raised_at', '<', after.raisedAt),
        eb.and([eb('a.raised_at', '=', after.raisedAt), eb('a.id', '<', after.id)]),
      ]),
    );
  }
  return q.orderBy('a.raised_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
}

export const eventsFor = (db: Conn, organizationId: string, alertIds: string[]) =>
  alertIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('alert_event as e')
        .leftJoin('app_user as a', 'a.id', 'e.actor_id')
        .leftJoin('app_user as t', 't.id', 'e.to_user_id')
        .selectAll('e')
        .select(['a.name as actor_name', 't.name as to_user_name'])
        .where('e.organization_id', '=', organizationId)
        .where('e.alert_id', 'in', alertIds)
        .orderBy('e.at')
        .orderBy('e.seq')
        .execute();

/** Alerts raised from given source records (e.g. a family's diary entries), for their answers. */
export const alertsForSources = (
  db: Conn,
  organizationId: string,
  sourceType: string,
  sourceIds: string[],
) =>
  sourceIds.length === 0
    ? Promise.resolve([])
    : alertColumns(db)
        .where('a.organization_id', '=', organizationId)
        .where('a.source_type', '=', sourceType)
        .where('a.source_id', 'in', sourceIds)
        .execute();

/**
 * Alerts raised from given source records, and alerts that those records joined later as a
 * repeat (an entry that made an open alert worse), each with `source_id` set to the record it
 * answers: the diary shows the team's response on every entry that reached an alert.
 */
export async function alertsAnsweringSources(
  db: Conn,
  organizationId: string,
  sourceType: string,
  sourceIds: string[],
) {
  if (sourceIds.length === 0) return [];
  const repeatedBy = sql<string>`e.data->'source'->>'id'`;
  const repeats = await alertColumns(db)
    .innerJoin('alert_event as e', (j) =>
      j.onRef('e.organization_id', '=', 'a.organization_id').onRef('e.alert_id', '=', 'a.id'),
    )
    .select(repeatedBy.as('repeated_by'))
    .where('a.organization_id', '=', organizationId)
    .where('e.kind', 'in', ['repeated', 'worsened'])
    .where(sql<string>`e.data->'source'->>'type'`, '=', sourceType)
    .where(repeatedBy, 'in', sourceIds)
    .execute();
  return [
    ...(await alertsForSources(db, organizationId, sourceType, sourceIds)),
    ...repeats.map(({ repeated_by, ...a }) => ({ ...a, source_id: repeated_by })),
  ];
}

export const userNames = (db: Conn, organizationId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('app_user')
        .select(['id', 'name'])
        .where('organization_id', '=', organizationId)
        .where('id', 'in', ids)
        .execute();

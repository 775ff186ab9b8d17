import { type AlertFacts, alertEventDataSchema, alertFactsSchema } from '@hearth/domain';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { AlertEventTable, AlertTable } from './alerts.table.ts';

/** An alert as stored: the rule that fired, its facts, and where it stands. */
export interface AlertRecord {
  id: string;
  patientId: string;
  severity: AlertTable['severity'];
  audience: AlertTable['audience'];
  status: AlertTable['status'];
  ruleSet: string;
  ruleSetVersion: string;
  ruleId: string;
  title: string;
  facts: AlertFacts;
  sourceType: string | null;
  sourceId: string | null;
  ownerId: string | null;
  escalationLevel: number;
  raisedBy: string | null;
  raisedAt: Date;
  dueAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  outcome: AlertTable['outcome'];
  outcomeNote: string | null;
  familyMessage: string | null;
}

/** An alert with the names the inbox shows. */
export interface AlertViewRecord extends AlertRecord {
  patientFirstName: string;
  patientLastName: string;
  ownerName: string | null;
  acknowledgedByName: string | null;
  resolvedByName: string | null;
}

/** One entry of an alert's timeline, with who acted and who it went to. */
export interface AlertEventRecord {
  id: string;
  alertId: string;
  at: Date;
  kind: string;
  actorId: string | null;
  toUserId: string | null;
  note: string | null;
  data: Record<string, unknown>;
  actorName: string | null;
  toUserName: string | null;
}

const toAlert = (r: Selectable<AlertTable>): AlertRecord => ({
  id: r.id,
  patientId: r.patient_id,
  severity: r.severity,
  audience: r.audience,
  status: r.status,
  ruleSet: r.rule_set,
  ruleSetVersion: r.rule_set_version,
  ruleId: r.rule_id,
  title: r.title,
  facts: parseStored(alertFactsSchema, r.facts, { table: 'alert', column: 'facts', id: r.id }),
  sourceType: r.source_type,
  sourceId: r.source_id,
  ownerId: r.owner_id,
  escalationLevel: r.escalation_level,
  raisedBy: r.raised_by,
  raisedAt: r.raised_at,
  dueAt: r.due_at,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
  outcome: r.outcome,
  outcomeNote: r.outcome_note,
  familyMessage: r.family_message,
});

type AlertViewRow = Selectable<AlertTable> & {
  first_name: string;
  last_name: string;
  owner_name: string | null;
  acknowledged_by_name: string | null;
  resolved_by_name: string | null;
};

const toAlertView = (r: AlertViewRow): AlertViewRecord => ({
  ...toAlert(r),
  patientFirstName: r.first_name,
  patientLastName: r.last_name,
  ownerName: r.owner_name,
  acknowledgedByName: r.acknowledged_by_name,
  resolvedByName: r.resolved_by_name,
});

const toEvent = (
  r: Selectable<AlertEventTable> & { actor_name: string | null; to_user_name: string | null },
): AlertEventRecord => ({
  id: r.id,
  alertId: r.alert_id,
  at: r.at,
  kind: r.kind,
  actorId: r.actor_id,
  toUserId: r.to_user_id,
  note: r.note,
  data: parseStored(alertEventDataSchema, r.data, { table: 'alert_event', column: 'data', id: r.id }),
  actorName: r.actor_name,
  toUserName: r.to_user_name,
});

type AlertInsert = Omit<Insertable<AlertTable>, 'facts'> & { facts: AlertFacts };

export const insertAlert = (db: Conn, row: AlertInsert) =>
  db
    .insertInto('alert')
    .values({ ...row, facts: storedJson(row.facts) })
    .execute();

/**
 * Inserts the alert unless an unresolved one exists for the same patient and rule (the partial
 * unique index decides, so two concurrent raisers cannot both insert); true when inserted.
 */
export async function insertAlertIfNoneActive(db: Conn, row: AlertInsert): Promise<boolean> {
  const result = await db
    .insertInto('alert')
    .values({ ...row, facts: storedJson(row.facts) })
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
    .values({ ...row, data: storedJson(row.data ?? {}) })
    .execute();

/** The unresolved alert for a patient and rule, locked so two raisers queue up. */
export async function findActiveForRuleForUpdate(
  db: Conn,
  organizationId: string,
  patientId: string,
  ruleSet: string,
  ruleId: string,
) {
  const row = await db
    .selectFrom('alert')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('rule_set', '=', ruleSet)
    .where('rule_id', '=', ruleId)
    .where('status', '<>', 'resolved')
    .forUpdate()
    .executeTakeFirst();
  return row && toAlert(row);
}

export async function findAlertForUpdate(db: Conn, organizationId: string, id: string) {
  const row = await db
    .selectFrom('alert')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toAlert(row);
}

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

export async function findAlertView(db: Conn, organizationId: string, id: string) {
  const row = await alertColumns(db)
    .where('a.organization_id', '=', organizationId)
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row && toAlertView(row);
}

export async function listAlerts(
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
    if (filter.patientIds.length === 0) return [];
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
  return (await q.orderBy('a.raised_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute()).map(
    toAlertView,
  );
}

export const eventsFor = async (
  db: Conn,
  organizationId: string,
  alertIds: string[],
): Promise<AlertEventRecord[]> =>
  alertIds.length === 0
    ? []
    : (
        await db
          .selectFrom('alert_event as e')
          .leftJoin('app_user as a', 'a.id', 'e.actor_id')
          .leftJoin('app_user as t', 't.id', 'e.to_user_id')
          .selectAll('e')
          .select(['a.name as actor_name', 't.name as to_user_name'])
          .where('e.organization_id', '=', organizationId)
          .where('e.alert_id', 'in', alertIds)
          .orderBy('e.at')
          .orderBy('e.seq')
          .execute()
      ).map(toEvent);

/** Alerts raised from given source records (e.g. a family's diary entries), for their answers. */
export const alertsForSources = async (
  db: Conn,
  organizationId: string,
  sourceType: string,
  sourceIds: string[],
): Promise<AlertViewRecord[]> =>
  sourceIds.length === 0
    ? []
    : (
        await alertColumns(db)
          .where('a.organization_id', '=', organizationId)
          .where('a.source_type', '=', sourceType)
          .where('a.source_id', 'in', sourceIds)
          .execute()
      ).map(toAlertView);

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
): Promise<AlertViewRecord[]> {
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
    ...repeats.map(({ repeated_by, ...a }) => ({ ...toAlertView(a), sourceId: repeated_by })),
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

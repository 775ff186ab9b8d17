import { type RawBuilder, sql } from 'kysely';
import { type ItemsQuery, type ItemsScope, patientColumns } from './measure-sql.repository.ts';

/** Alerts raised in the period, by severity, with what each adds to the measure. */
const alerts = (
  s: ItemsScope,
  num: RawBuilder<unknown>,
  den: RawBuilder<unknown>,
  value: RawBuilder<unknown>,
  only: RawBuilder<unknown> = sql`true`,
) => sql`
  select al.raised_at as at, ${patientColumns(s, sql`al.raised_at`)}, al.severity::text as category,
    (${num})::float8 as num, (${den})::float8 as den, (${value})::float8 as value
  from alert al
  join patient p on p.organization_id = al.organization_id and p.id = al.patient_id
  where al.organization_id = ${s.orgId} and al.raised_at >= ${s.from} and al.raised_at < ${s.to} and ${only}`;

/** Minutes from an alert to its acknowledgement (numerator: acknowledged). */
const alertAcknowledgement: ItemsQuery = (s) =>
  alerts(
    s,
    sql`case when al.acknowledged_at is not null then 1 else 0 end`,
    sql`1`,
    sql`extract(epoch from (al.acknowledged_at - al.raised_at)) / 60.0`,
  );

/** Minutes from an alert to its recorded outcome (numerator: resolved). */
const alertOutcome: ItemsQuery = (s) =>
  alerts(
    s,
    sql`case when al.resolved_at is not null then 1 else 0 end`,
    sql`1`,
    sql`extract(epoch from (al.resolved_at - al.raised_at)) / 60.0`,
  );

/** Alerts that had to be escalated up the on-call chain because nobody answered in time. */
const alertEscalations: ItemsQuery = (s) =>
  alerts(s, sql`case when al.escalation_level > 0 then 1 else 0 end`, sql`1`, sql`al.escalation_level`);

/**
 * Calls about a patient where the family had called an ambulance before calling the service
 * (palliative-research.md §4: over half of caregivers called 911 before calling hospice, PMC5333527).
 */
const ambulanceFirst: ItemsQuery = (s) => sql`
  select c.received_at as at, ${patientColumns(s, sql`c.received_at`)}, c.caller_type::text as category,
    (case when c.ambulance_called_first then 1 else 0 end)::float8 as num, 1::float8 as den, null::float8 as value
  from call_log c
  join patient p on p.organization_id = c.organization_id and p.id = c.patient_id
  where c.organization_id = ${s.orgId} and c.received_at >= ${s.from} and c.received_at < ${s.to}`;

/** Alerts raised because more rescue doses than the review threshold were given in 24 hours. */
const rescueDoseAlerts: ItemsQuery = (s) =>
  alerts(s, sql`1`, sql`0`, sql`null`, sql`al.rule_id = 'rescue.over-threshold'`);

export const oncallMeasures = {
  alertAcknowledgement,
  alertOutcome,
  alertEscalations,
  ambulanceFirst,
} satisfies Record<string, ItemsQuery>;

export const rescueDoseMeasure = { rescueDoseAlerts } satisfies Record<string, ItemsQuery>;

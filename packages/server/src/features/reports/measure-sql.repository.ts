import { monthAfter, monthStart } from '@hearth/domain';
import { type RawBuilder, sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { MeasureItemRow, MeasureTotalsRow } from './reports.table.ts';

/** One item behind a measure (a request, an alert, a visit …), with the day and month it falls in. */
export interface MeasureItemRecord {
  at: Date;
  subject: MeasureItemRow['subject'];
  subjectId: string;
  patientId: string | null;
  label: string;
  category: string | null;
  /** What the item adds to the numerator and the denominator. */
  num: number;
  den: number;
  /** The time or score a median or mean is taken of. */
  value: number | null;
  area: string | null;
  child: boolean | null;
  /** `YYYY-MM-DD` and `YYYY-MM` of `at` in the organization's time zone. */
  day: string;
  month: string;
}

/** One line of a measure's totals: the whole period (both flags set), one month, or one category. */
export interface MeasureTotalsRecord {
  month: string | null;
  category: string | null;
  /** The line is not split by month / by category. */
  allMonths: boolean;
  allCategories: boolean;
  num: number;
  den: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

/** What every measure's SQL is given: the organization, its time zone and the period's bounds. */
export interface ItemsScope {
  orgId: string;
  tz: string;
  /** Local midnight of the period's first day, and of the day after its last. */
  from: RawBuilder<Date>;
  to: RawBuilder<Date>;
  now: Date;
}

/**
 * A measure is one SQL query listing its items (columns of `MeasureItemRow` without `month`);
 * the same query gives the totals, the monthly trend, the breakdown and the drill-down, so they
 * can never disagree.
 */
export type ItemsQuery = (s: ItemsScope) => RawBuilder<unknown>;

export const scopeOf = (orgId: string, tz: string, from: string, to: string, now: Date): ItemsScope => ({
  orgId,
  tz,
  now,
  from: sql<Date>`(${monthStart(from)}::timestamp at time zone ${tz})`,
  to: sql<Date>`(${monthAfter(to)}::timestamp at time zone ${tz})`,
});

/** Local midnight of a `date` column, as an instant (so dates and timestamps share one period). */
export const dayStart = (s: ItemsScope, column: string) =>
  sql<Date>`(${sql.ref(column)}::timestamp at time zone ${s.tz})`;

/** The organization's "today" as a date. */
export const today = (s: ItemsScope) => sql<string>`(${s.now}::timestamptz at time zone ${s.tz})::date`;

/** The item columns of a patient-level item (the patient joined as `p`), aged at `at`. */
export const patientColumns = (s: ItemsScope, at: RawBuilder<unknown>) => sql`'patient'::text as subject,
  p.id::text as subject_id, p.id as patient_id, (p.last_name || ' ' || p.first_name) as label,
  p.area as area, (p.date_of_birth > (${at} at time zone ${s.tz})::date - interval '18 years') as child`;

/**
 * When the patient (joined as `p`) came into the service: first made active, or the record's
 * creation when no status change says so.
 */
export const admittedAt = sql<Date>`coalesce(
  (select min(h.at) from patient_status_history h
    where h.organization_id = p.organization_id and h.patient_id = p.id and h.kind = 'status' and h.to_value = 'active'),
  p.created_at)`;

/** The filters of the report; null means "all". */
export interface ItemFilter {
  area: string | null;
  child: boolean | null;
}

const filtered = (s: ItemsScope, items: RawBuilder<unknown>, f: ItemFilter) => sql`
  select i.*, to_char(i.at at time zone ${s.tz}, 'YYYY-MM') as month,
    to_char(i.at at time zone ${s.tz}, 'YYYY-MM-DD') as day
  from (${items}) i
  where i.at >= ${s.from} and i.at < ${s.to}
  ${f.area === null ? sql`` : sql`and i.area = ${f.area}`}
  ${f.child === null ? sql`` : sql`and i.child = ${f.child}`}`;

/** Totals of one measure for the whole period, each month and each category, in one pass. */
export async function measureTotals(
  db: Conn,
  s: ItemsScope,
  items: RawBuilder<unknown>,
  f: ItemFilter,
): Promise<MeasureTotalsRecord[]> {
  const { rows } = await sql<MeasureTotalsRow>`
    with f as (${filtered(s, items, f)})
    select month, category,
      grouping(month)::int as all_months, grouping(category)::int as all_categories,
      coalesce(sum(num), 0)::float8 as num, coalesce(sum(den), 0)::float8 as den,
      (percentile_cont(0.5) within group (order by value))::float8 as median,
      (percentile_cont(0.9) within group (order by value))::float8 as p90,
      avg(value)::float8 as mean
    from f
    group by grouping sets ((month), (category), ())`.execute(db);
  return rows.map(
    (r): MeasureTotalsRecord => ({
      month: r.month,
      category: r.category,
      allMonths: r.all_months === 1,
      allCategories: r.all_categories === 1,
      num: r.num,
      den: r.den,
      median: r.median,
      p90: r.p90,
      mean: r.mean,
    }),
  );
}

export interface DrillFilter {
  outcome: 'met' | 'unmet' | 'all';
  category: string | null;
  month: string | null;
  after: { at: Date; id: string } | undefined;
  limit: number;
}

/** The items behind a measure, newest first: met (counted in the numerator) or unmet. */
export async function measureItems(
  db: Conn,
  s: ItemsScope,
  items: RawBuilder<unknown>,
  f: ItemFilter,
  d: DrillFilter,
): Promise<MeasureItemRecord[]> {
  const { rows } = await sql<MeasureItemRow>`
    with f as (${filtered(s, items, f)})
    select * from f
    where true
    ${d.outcome === 'met' ? sql`and num > 0` : sql``}
    ${d.outcome === 'unmet' ? sql`and den > 0 and num = 0` : sql``}
    ${d.category === null ? sql`` : sql`and category = ${d.category}`}
    ${d.month === null ? sql`` : sql`and month = ${d.month}`}
    ${d.after ? sql`and (at, subject_id) < (${d.after.at}::timestamptz, ${d.after.id})` : sql``}
    order by at desc, subject_id desc
    limit ${d.limit + 1}`.execute(db);
  return rows.map(
    (r): MeasureItemRecord => ({
      at: r.at,
      subject: r.subject,
      subjectId: r.subject_id,
      patientId: r.patient_id,
      label: r.label,
      category: r.category,
      num: r.num,
      den: r.den,
      value: r.value,
      area: r.area,
      child: r.child,
      day: r.day,
      month: r.month,
    }),
  );
}

/** The areas the organization's patients live in, for the area filter. */
export const patientAreas = (db: Conn, orgId: string) =>
  db
    .selectFrom('patient')
    .select('area')
    .distinct()
    .where('organization_id', '=', orgId)
    .orderBy('area')
    .limit(500)
    .execute();

export const organizationName = async (db: Conn, orgId: string) =>
  (await db.selectFrom('organization').select('name').where('id', '=', orgId).executeTakeFirstOrThrow()).name;

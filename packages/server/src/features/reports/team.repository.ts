import { sql } from 'kysely';
import {
  admittedAt,
  dayStart,
  type ItemsQuery,
  type ItemsScope,
  patientColumns,
  today,
} from './measure-sql.repository.ts';

/** Visits dated in the period (as local dates). */
const visitDateInPeriod = (s: ItemsScope) =>
  sql`v.visit_date >= (${s.from} at time zone ${s.tz})::date and v.visit_date < (${s.to} at time zone ${s.tz})::date`;

/**
 * Visits done against visits planned: every visit put on a day that has passed (requests not
 * yet scheduled aside), and whether it was completed; missed and cancelled ones count as not done.
 */
const visitsDone: ItemsQuery = (s) => sql`
  select ${dayStart(s, 'v.visit_date')} as at, ${patientColumns(s, dayStart(s, 'v.visit_date'))},
    v.discipline::text as category,
    (case when v.status = 'completed' then 1 else 0 end)::float8 as num, 1::float8 as den, null::float8 as value
  from visit v
  join patient p on p.organization_id = v.organization_id and p.id = v.patient_id
  where v.organization_id = ${s.orgId} and v.status <> 'requested' and ${visitDateInPeriod(s)}
    and v.visit_date < ${today(s)}`;

/**
 * Kilometres from the previous home on a staff member's day to this one (straight line, the
 * haversine formula on the patients' coordinates); the drive from base to the first home is not
 * counted, as the records keep no start point per day.
 */
const travelPerVisit: ItemsQuery = (s) => sql`
  select ${dayStart(s, 'x.visit_date')} as at, ${patientColumns(s, dayStart(s, 'x.visit_date'))},
    x.discipline::text as category, 1::float8 as num, 1::float8 as den,
    (2 * 6371 * asin(sqrt(
      power(sin(radians(p.lat - x.prev_lat) / 2), 2)
      + cos(radians(x.prev_lat)) * cos(radians(p.lat)) * power(sin(radians(p.lon - x.prev_lon) / 2), 2)
    )))::float8 as value
  from (
    select v.patient_id, v.visit_date, v.discipline,
      lag(q.lat) over day as prev_lat, lag(q.lon) over day as prev_lon
    from visit v
    join patient q on q.organization_id = v.organization_id and q.id = v.patient_id
    where v.organization_id = ${s.orgId} and v.status = 'completed' and v.staff_id is not null
      and ${visitDateInPeriod(s)}
    window day as (partition by v.staff_id, v.visit_date order by v.start_min nulls last, v.completed_at)
  ) x
  join patient p on p.organization_id = ${s.orgId} and p.id = x.patient_id
  where x.prev_lat is not null and p.lat is not null`;

/**
 * Completed visits to patients with a key worker named in their care plan at the time, and
 * whether the key worker made the visit (continuity of care). A visit older than every version
 * of the plan takes the first version: a plan typed in later records the arrangement in place.
 */
const keyWorkerContinuity: ItemsQuery = (s) => sql`
  select ${dayStart(s, 'v.visit_date')} as at, ${patientColumns(s, dayStart(s, 'v.visit_date'))},
    v.discipline::text as category,
    (case when v.staff_id = k.key_worker_id then 1 else 0 end)::float8 as num, 1::float8 as den,
    null::float8 as value
  from visit v
  join patient p on p.organization_id = v.organization_id and p.id = v.patient_id
  join lateral (
    select c.key_worker_id from care_plan_version c
    where c.organization_id = v.organization_id and c.patient_id = v.patient_id
    order by (c.created_at <= coalesce(v.completed_at, ${dayStart(s, 'v.visit_date')} + interval '1 day')) desc,
      case when c.created_at <= coalesce(v.completed_at, ${dayStart(s, 'v.visit_date')} + interval '1 day')
        then -c.version else c.version end
    limit 1
  ) k on k.key_worker_id is not null
  where v.organization_id = ${s.orgId} and v.status = 'completed' and ${visitDateInPeriod(s)}`;

/**
 * Rota shifts on past days, and those where the staff member's last completed visit ended after
 * the shift did (value: minutes over). Staff-level: the patient filters do not apply.
 */
const overtime: ItemsQuery = (s) => sql`
  select ${dayStart(s, 'sh.shift_date')} as at, 'patient'::text as subject, sh.id::text as subject_id,
    null::uuid as patient_id, u.name as label, u.role::text as category,
    (case when o.minutes > 0 then 1 else 0 end)::float8 as num, 1::float8 as den,
    greatest(o.minutes, 0)::float8 as value, null::text as area, null::boolean as child
  from staff_shift sh
  join app_user u on u.organization_id = sh.organization_id and u.id = sh.user_id
  cross join lateral (
    select coalesce(max(
      extract(hour from v.completed_at at time zone ${s.tz}) * 60
      + extract(minute from v.completed_at at time zone ${s.tz})), sh.end_min) - sh.end_min as minutes
    from visit v
    where v.organization_id = sh.organization_id and v.staff_id = sh.user_id and v.status = 'completed'
      and v.visit_date = sh.shift_date and v.completed_at is not null
  ) o
  where sh.organization_id = ${s.orgId} and sh.cancelled_at is null and sh.shift_date < ${today(s)}
    and sh.shift_date >= (${s.from} at time zone ${s.tz})::date and sh.shift_date < (${s.to} at time zone ${s.tz})::date`;

/**
 * Team-meeting reviews of the period, and whether each came no more than 15 days after the
 * patient's previous review (or their coming into the service): US hospice CoP 42 CFR 418.56,
 * the plan of care reviewed at least every 15 calendar days (palliative-research.md §0).
 */
const teamReviewOnTime: ItemsQuery = (s) => sql`
  select ${dayStart(s, 'r.held_on')} as at, ${patientColumns(s, dayStart(s, 'r.held_on'))},
    null::text as category,
    (case when g.days <= 15 then 1 else 0 end)::float8 as num, 1::float8 as den, g.days::float8 as value
  from team_meeting_review r
  join patient p on p.organization_id = r.organization_id and p.id = r.patient_id
  cross join lateral (
    select r.held_on - coalesce(
      (select max(b.held_on) from team_meeting_review b
        where b.organization_id = r.organization_id and b.patient_id = r.patient_id and b.held_on < r.held_on),
      (${admittedAt} at time zone ${s.tz})::date) as days
  ) g
  where r.organization_id = ${s.orgId}`;

export const teamMeasures = {
  visitsDone,
  travelPerVisit,
  keyWorkerContinuity,
  overtime,
  teamReviewOnTime,
} satisfies Record<string, ItemsQuery>;

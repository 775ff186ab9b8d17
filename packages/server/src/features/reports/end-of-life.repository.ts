import { sql } from 'kysely';
import {
  admittedAt,
  dayStart,
  type ItemsQuery,
  type ItemsScope,
  patientColumns,
  today,
} from './measure-sql.repository.ts';

/**
 * Patient-months of care: each patient with a completed visit in a month, and whether an advance
 * care plan was on record by the end of that month (NICE QS13, advance care planning; the
 * shared record at death is about one third nationally, PMC9565729).
 */
const advanceCarePlan: ItemsQuery = (s) => sql`
  select pm.at, ${patientColumns(s, sql`pm.at`)}, null::text as category,
    (case when exists (
      select 1 from advance_care_plan a
      where a.organization_id = p.organization_id and a.patient_id = p.id
        and a.recorded_at < ((pm.month_start + interval '1 month')::timestamp at time zone ${s.tz})
    ) then 1 else 0 end)::float8 as num,
    1::float8 as den, null::float8 as value
  from (
    select v.patient_id, date_trunc('month', v.visit_date)::date as month_start,
      (date_trunc('month', v.visit_date)::timestamp at time zone ${s.tz}) as at
    from visit v
    where v.organization_id = ${s.orgId} and v.status = 'completed'
    group by v.patient_id, date_trunc('month', v.visit_date)
  ) pm
  join patient p on p.organization_id = ${s.orgId} and p.id = pm.patient_id`;

/** Deaths of the period with the patient (the item columns shared by the death measures). */
const deaths = (s: ItemsScope) => sql`
  select d.died_at as at, ${patientColumns(s, sql`d.died_at`)}, d.place, d.in_preferred_place,
    d.died_at - ${admittedAt} as in_service
  from death_record d
  join patient p on p.organization_id = d.organization_id and p.id = d.patient_id
  where d.organization_id = ${s.orgId} and d.died_at >= ${s.from} and d.died_at < ${s.to}`;

const deathItems = sql`d.at, d.subject, d.subject_id, d.patient_id, d.label, d.area, d.child`;

/**
 * Deaths in the preferred place, over the deaths whose preferred place was recorded: the core
 * end-of-life indicator; Coordinate My Care reached 77.8% (palliative-research.md §4).
 */
const preferredPlaceOfDeath: ItemsQuery = (s) => sql`
  select ${deathItems}, d.place::text as category,
    (case when d.in_preferred_place then 1 else 0 end)::float8 as num,
    (case when d.in_preferred_place is not null then 1 else 0 end)::float8 as den, null::float8 as value
  from (${deaths(s)}) d`;

/** Where patients died. */
const placeOfDeath: ItemsQuery = (s) => sql`
  select ${deathItems}, d.place::text as category, 1::float8 as num, 0::float8 as den, null::float8 as value
  from (${deaths(s)}) d`;

/** Days from coming into the service to death. */
const daysBeforeDeath: ItemsQuery = (s) => sql`
  select ${deathItems}, null::text as category, 1::float8 as num, 1::float8 as den,
    (extract(epoch from d.in_service) / 86400.0)::float8 as value
  from (${deaths(s)}) d`;

/**
 * Bereavement contacts due in the period and whether each was made by its due day (local
 * practice: bereavement support starts within a week of the death, bohhospice.org). A contact
 * not yet due and not yet made is not counted either way.
 */
const bereavementOnTime: ItemsQuery = (s) => sql`
  select ${dayStart(s, 't.due_on')} as at, ${patientColumns(s, dayStart(s, 't.due_on'))}, t.kind::text as category,
    (case when t.completed_on is not null and t.completed_on <= t.due_on then 1 else 0 end)::float8 as num,
    (case when t.completed_on is not null or t.due_on < ${today(s)} then 1 else 0 end)::float8 as den,
    (t.completed_on - t.due_on)::float8 as value
  from bereavement_task t
  join patient p on p.organization_id = t.organization_id and p.id = t.patient_id
  where t.organization_id = ${s.orgId}`;

export const endOfLifeMeasures = {
  advanceCarePlan,
  preferredPlaceOfDeath,
  placeOfDeath,
  daysBeforeDeath,
  bereavementOnTime,
} satisfies Record<string, ItemsQuery>;

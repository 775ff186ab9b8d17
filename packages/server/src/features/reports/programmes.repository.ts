import { sql } from 'kysely';
import { dayStart, type ItemsQuery, type ItemsScope, patientColumns } from './measure-sql.repository.ts';

/** Item columns of a service-level item (not about one patient: the patient filters drop it). */
const serviceItem = (id: string, label: string) =>
  sql`'patient'::text as subject, ${sql.ref(id)}::text as subject_id, null::uuid as patient_id,
    ${sql.ref(label)}::text as label, null::text as area, null::boolean as child`;

/**
 * Approved volunteer hours (numerator) against paid staff's patient-care hours (denominator),
 * month by month: volunteer hours should be at least 5% of paid care hours (US hospice CoP,
 * palliative-research.md §0). Paid hours are the figure the volunteer coordinator typed for the
 * month, else the completed visits' time (checked-in to completed, else the planned length), as
 * on the volunteer coordinator's page.
 */
const volunteerShare: ItemsQuery = (s) => sql`
  select x.at, ${serviceItem('x.id', 'x.label')}, x.category, x.num::float8 as num, x.den::float8 as den,
    null::float8 as value
  from (
    select h.id::text as id, ${dayStart(s, 'h.on_date')} as at, v.name as label, 'volunteer' as category,
      h.minutes / 60.0 as num, 0 as den
    from volunteer_hours h
    join volunteer v on v.organization_id = h.organization_id and v.id = h.volunteer_id
    where h.organization_id = ${s.orgId} and h.status = 'approved'
    union all
    select to_char(m.month, 'YYYY-MM'), (m.month::timestamp at time zone ${s.tz}), 'paid', 'paid', 0,
      coalesce(pc.hours, (
        select sum(case when v.checked_in_at is not null and v.completed_at > v.checked_in_at
          then extract(epoch from (v.completed_at - v.checked_in_at)) / 60.0 else v.duration_min end) / 60.0
        from visit v
        where v.organization_id = ${s.orgId} and v.status = 'completed' and v.staff_id is not null
          and v.visit_date >= m.month::date and v.visit_date < (m.month + interval '1 month')::date
      ), 0)
    from generate_series(
      (${s.from} at time zone ${s.tz})::date::timestamp,
      (${s.to} at time zone ${s.tz})::date::timestamp - interval '1 day',
      interval '1 month') m(month)
    left join paid_care_hours pc on pc.organization_id = ${s.orgId} and pc.month = to_char(m.month, 'YYYY-MM')
  ) x`;

/** Summer-camp sessions of the period: children accepted (numerator) against places (denominator). */
const campPlaces: ItemsQuery = (s) => sql`
  select cs.starts_at as at, ${serviceItem('cs.id', 'cs.title')}, null::text as category,
    (select count(*) from camp_application a
      where a.organization_id = cs.organization_id and a.session_id = cs.id and a.status = 'accepted')::float8 as num,
    cs.capacity::float8 as den, null::float8 as value
  from programme_session cs
  join programme pr on pr.organization_id = cs.organization_id and pr.id = cs.programme_id
  where cs.organization_id = ${s.orgId} and pr.kind = 'summer_camp'`;

/** Children on a camp session's waiting list. */
const campWaitingList: ItemsQuery = (s) => sql`
  select cs.starts_at as at, ${patientColumns(s, sql`cs.starts_at`)}, cs.title::text as category,
    1::float8 as num, 0::float8 as den, a.queue_no::float8 as value
  from camp_application a
  join programme_session cs on cs.organization_id = a.organization_id and cs.id = a.session_id
  join patient p on p.organization_id = a.organization_id and p.id = a.patient_id
  where a.organization_id = ${s.orgId} and a.status = 'waitlisted'`;

/** Friends'-club places taken by the service's children and clown-doctor visits made. */
const clubAndClownVisits: ItemsQuery = (s: ItemsScope) => sql`
  select cs.starts_at as at, ${patientColumns(s, sql`cs.starts_at`)}, 'friends_club'::text as category,
    1::float8 as num, 0::float8 as den, null::float8 as value
  from session_participant sp
  join programme_session cs on cs.organization_id = sp.organization_id and cs.id = sp.session_id
  join programme pr on pr.organization_id = cs.organization_id and pr.id = cs.programme_id
  join patient p on p.organization_id = sp.organization_id and p.id = sp.patient_id
  where sp.organization_id = ${s.orgId} and pr.kind = 'friends_club'
  union all
  select c.scheduled_at, ${patientColumns(s, sql`c.scheduled_at`)}, 'clown_doctors', 1, 0, null
  from clown_visit c
  join patient p on p.organization_id = c.organization_id and p.id = c.patient_id
  where c.organization_id = ${s.orgId} and c.status = 'done'`;

/** Training-course enrolments of the period and those completed (certificate issued). */
const courseCompletions: ItemsQuery = (s) => sql`
  select e.enrolled_at as at, ${serviceItem('e.id', 'pr.name')}, null::text as category,
    (case when e.completed_on is not null then 1 else 0 end)::float8 as num, 1::float8 as den,
    null::float8 as value
  from course_enrolment e
  join programme pr on pr.organization_id = e.organization_id and pr.id = e.programme_id
  where e.organization_id = ${s.orgId}`;

export const programmeMeasures = {
  volunteerShare,
  campPlaces,
  campWaitingList,
  clubAndClownVisits,
  courseCompletions,
} satisfies Record<string, ItemsQuery>;

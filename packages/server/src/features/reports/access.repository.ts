import { type RawBuilder, sql } from 'kysely';
import {
  admittedAt,
  dayStart,
  type ItemsQuery,
  type ItemsScope,
  patientColumns,
} from './measure-sql.repository.ts';

/**
 * Care requests of the period with the patient they became (if the commission case was opened).
 * A request's age band comes from the age the caller gave until a patient record exists.
 */
const requests = (
  s: ItemsScope,
  num: RawBuilder<unknown>,
  den: RawBuilder<unknown>,
  value: RawBuilder<unknown>,
  category: RawBuilder<unknown> = sql`null`,
) => sql`
  select r.created_at as at, 'request'::text as subject, r.id::text as subject_id, cc.patient_id,
    (r.reference || ' · ' || r.patient_name) as label, (${category})::text as category,
    (${num})::float8 as num, (${den})::float8 as den, (${value})::float8 as value,
    p.area as area,
    case when p.id is not null
      then p.date_of_birth > (r.created_at at time zone ${s.tz})::date - interval '18 years'
      else r.patient_age_years < 18 end as child
  from care_request r
  left join commission_case cc on cc.organization_id = r.organization_id and cc.id = r.commission_case_id
  left join patient p on p.organization_id = cc.organization_id and p.id = cc.patient_id
  where r.organization_id = ${s.orgId} and r.created_at >= ${s.from} and r.created_at < ${s.to}`;

const minutesToFirstCall = sql`extract(epoch from (r.first_call_at - r.created_at)) / 60.0`;

/** Called back by the deadline: requests whose deadline has passed or that were called (PCOC Benchmark 1). */
const callbackOnTime: ItemsQuery = (s) =>
  requests(
    s,
    sql`case when r.first_call_at is not null and r.first_call_at <= r.callback_due_at then 1 else 0 end`,
    // a request still inside its deadline and not yet called is neither late nor on time
    sql`case when r.first_call_at is not null or r.callback_due_at < ${s.now}::timestamptz then 1 else 0 end`,
    minutesToFirstCall,
  );

/** Minutes from the request to the first call, over the requests called back. */
const callbackTime: ItemsQuery = (s) =>
  requests(s, sql`case when r.first_call_at is not null then 1 else 0 end`, sql`1`, minutesToFirstCall);

/** Requests by source (web form, phone) and where they stand (new, in progress, referred, closed). */
const requestsBySource: ItemsQuery = (s) =>
  requests(s, sql`1`, sql`0`, sql`null`, sql`r.source || ':' || r.status`);

/** The first decision on each case, with the day the request (or the case) came in. */
const firstDecisions = (s: ItemsScope, decision: 'any' | 'granted') => sql`
  select c.id as case_id, c.patient_id, d.decided_on,
    (coalesce(r.created_at, c.created_at) at time zone ${s.tz})::date as referred_on
  from commission_case c
  join lateral (
    select decided_on from commission_decision cd
    where cd.organization_id = c.organization_id and cd.case_id = c.id
    ${decision === 'granted' ? sql`and cd.decision = 'granted'` : sql``}
    order by cd.recorded_at limit 1
  ) d on true
  left join care_request r on r.organization_id = c.organization_id and r.id = c.care_request_id
  where c.organization_id = ${s.orgId}`;

/** Days from the request to the commission's first decision. */
const referralToDecision: ItemsQuery = (s) => sql`
  select ${dayStart(s, 'fd.decided_on')} as at, ${patientColumns(s, dayStart(s, 'fd.decided_on'))},
    null::text as category, 1::float8 as num, 1::float8 as den,
    (fd.decided_on - fd.referred_on)::float8 as value
  from (${firstDecisions(s, 'any')}) fd
  join patient p on p.organization_id = ${s.orgId} and p.id = fd.patient_id`;

/** Days from the grant of palliative status to the first completed visit (numerator: visited). */
const decisionToFirstVisit: ItemsQuery = (s) => sql`
  select ${dayStart(s, 'fd.decided_on')} as at, ${patientColumns(s, dayStart(s, 'fd.decided_on'))},
    null::text as category,
    (case when v.visit_date is not null then 1 else 0 end)::float8 as num, 1::float8 as den,
    (v.visit_date - fd.decided_on)::float8 as value
  from (${firstDecisions(s, 'granted')}) fd
  join patient p on p.organization_id = ${s.orgId} and p.id = fd.patient_id
  left join lateral (
    select min(visit_date) as visit_date from visit
    where organization_id = p.organization_id and patient_id = p.id and status = 'completed'
      and visit_date >= fd.decided_on
  ) v on true`;

/**
 * Patients who came into the service in the period (first made active; the record's creation
 * when no status change says so), with a category taken from the record.
 */
const newPatients =
  (category: 'area' | 'age' | 'icd10'): ItemsQuery =>
  (s) =>
    sql`
  select a.at, ${patientColumns(s, sql`a.at`)},
    ${category === 'area' ? sql`p.area` : sql``}
    ${category === 'age' ? sql`extract(year from age((a.at at time zone ${s.tz})::date, p.date_of_birth))::int::text` : sql``}
    ${category === 'icd10' ? sql`(select d.icd10 from patient_diagnosis d where d.organization_id = p.organization_id and d.patient_id = p.id order by d.is_primary desc, d.created_at limit 1)` : sql``}
      as category,
    1::float8 as num, 0::float8 as den, null::float8 as value
  from patient p
  cross join lateral (select ${admittedAt} as at) a
  where p.organization_id = ${s.orgId} and a.at >= ${s.from} and a.at < ${s.to}`;

export const accessMeasures = {
  callbackOnTime,
  callbackTime,
  referralToDecision,
  decisionToFirstVisit,
  requestsBySource,
  patientsByArea: newPatients('area'),
  patientsByAge: newPatients('age'),
  patientsByDiagnosis: newPatients('icd10'),
} satisfies Record<string, ItemsQuery>;

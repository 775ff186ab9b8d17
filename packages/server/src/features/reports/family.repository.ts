import { sql } from 'kysely';
import { dayStart, type ItemsQuery, patientColumns } from './measure-sql.repository.ts';

/**
 * Caregiver burden screenings (ZBI-12 or MCSI questionnaires, and "I cannot cope" calls) and
 * whether each led to a referral to the psychologist or social worker.
 */
const caregiverScreenings: ItemsQuery = (s) => sql`
  select x.at, ${patientColumns(s, sql`x.at`)}, x.instrument::text as category,
    (case when x.referral_id is not null then 1 else 0 end)::float8 as num, 1::float8 as den,
    null::float8 as value
  from (
    select patient_id, created_at as at, instrument, referral_id from caregiver_screening
    where organization_id = ${s.orgId} and created_at >= ${s.from} and created_at < ${s.to}
    union all
    select patient_id, recorded_at, kind, referral_id from caregiver_burden
    where organization_id = ${s.orgId} and recorded_at >= ${s.from} and recorded_at < ${s.to}
  ) x
  join patient p on p.organization_id = ${s.orgId} and p.id = x.patient_id`;

/** Days from an equipment request to its delivery to the home (numerator: delivered). */
const equipmentTurnaround: ItemsQuery = (s) => sql`
  select l.requested_at as at, ${patientColumns(s, sql`l.requested_at`)}, l.kind::text as category,
    (case when l.delivered_on is not null then 1 else 0 end)::float8 as num, 1::float8 as den,
    (l.delivered_on - (l.requested_at at time zone ${s.tz})::date)::float8 as value
  from equipment_loan l
  join patient p on p.organization_id = l.organization_id and p.id = l.patient_id
  where l.organization_id = ${s.orgId} and l.requested_at >= ${s.from} and l.requested_at < ${s.to}`;

/** Caregiver skills a nurse signed off in the period, by level (shown, practised, confident). */
const caregiverSkills: ItemsQuery = (s) => sql`
  select ${dayStart(s, 'k.signed_on')} as at, ${patientColumns(s, dayStart(s, 'k.signed_on'))},
    k.level::text as category, 1::float8 as num, 0::float8 as den, null::float8 as value
  from caregiver_skill_record k
  join patient p on p.organization_id = k.organization_id and p.id = k.patient_id
  where k.organization_id = ${s.orgId}`;

export const familyMeasures = { caregiverScreenings, equipmentTurnaround, caregiverSkills } satisfies Record<
  string,
  ItemsQuery
>;

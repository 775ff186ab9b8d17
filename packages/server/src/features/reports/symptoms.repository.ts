import { type RawBuilder, sql } from 'kysely';
import { dayStart, type ItemsQuery, type ItemsScope, patientColumns } from './measure-sql.repository.ts';

/** Current versions of a patient's assessments with one instrument (corrections replace the old). */
const current = (s: ItemsScope, alias: string, instrument: string) =>
  sql`${sql.ref(`${alias}.organization_id`)} = ${s.orgId} and ${sql.ref(`${alias}.is_current`)}
    and ${sql.ref(`${alias}.instrument`)} = ${instrument}`;

/**
 * ESAS-r ratings with any item at 7 or more (severe, Selby et al. 2010), and whether a completed
 * visit or a staff assessment followed within 48 hours: the HOPE Symptom Follow-up Visit within
 * 2 calendar days (palliative-research.md §0, §4). A rating less than 48 h old and not yet
 * followed up is not counted either way.
 */
const severeSymptomFollowUp: ItemsQuery = (s) => sql`
  select a.taken_at as at, ${patientColumns(s, sql`a.taken_at`)}, a.source::text as category,
    (case when f.done then 1 else 0 end)::float8 as num,
    (case when f.done or a.taken_at + interval '48 hours' < ${s.now}::timestamptz then 1 else 0 end)::float8 as den,
    null::float8 as value
  from assessment a
  join patient p on p.organization_id = a.organization_id and p.id = a.patient_id
  cross join lateral (
    select exists (
      select 1 from visit v
      where v.organization_id = a.organization_id and v.patient_id = a.patient_id and v.status = 'completed'
        and v.completed_at > a.taken_at and v.completed_at <= a.taken_at + interval '48 hours'
    ) or exists (
      select 1 from assessment b
      where ${current(s, 'b', 'esas_r')} and b.patient_id = a.patient_id and b.source = 'staff'
        and b.taken_at > a.taken_at and b.taken_at <= a.taken_at + interval '48 hours'
    ) as done
  ) f
  where ${current(s, 'a', 'esas_r')} and a.taken_at >= ${s.from} and a.taken_at < ${s.to}
    and exists (
      select 1 from jsonb_each(a.answers) e
      where jsonb_typeof(e.value) = 'number' and (e.value)::numeric >= 7
    )`;

/**
 * Unstable phases (PCOC phase of illness) that began in the period, and whether the next phase
 * rating was another phase within 3 days: PCOC Benchmark 2, 90% of unstable phases resolved in
 * 3 days or less (aihw.gov.au palliative care phases). An unstable phase younger than 3 days is
 * not yet counted.
 */
const unstableResolved: ItemsQuery = (s) => sql`
  select a.taken_at as at, ${patientColumns(s, sql`a.taken_at`)}, null::text as category,
    (case when n.taken_at is not null and n.taken_at <= a.taken_at + interval '3 days' then 1 else 0 end)::float8 as num,
    (case when n.taken_at is not null and n.taken_at <= a.taken_at + interval '3 days'
      or a.taken_at + interval '3 days' < ${s.now}::timestamptz then 1 else 0 end)::float8 as den,
    (extract(epoch from (n.taken_at - a.taken_at)) / 86400.0)::float8 as value
  from assessment a
  join patient p on p.organization_id = a.organization_id and p.id = a.patient_id
  left join lateral (
    select b.answers->>'phase' as phase from assessment b
    where ${current(s, 'b', 'phase')} and b.patient_id = a.patient_id and b.taken_at < a.taken_at
    order by b.taken_at desc limit 1
  ) prev on true
  left join lateral (
    select b.taken_at from assessment b
    where ${current(s, 'b', 'phase')} and b.patient_id = a.patient_id and b.taken_at > a.taken_at
      and b.answers->>'phase' <> 'unstable'
    order by b.taken_at limit 1
  ) n on true
  where ${current(s, 'a', 'phase')} and a.answers->>'phase' = 'unstable'
    and prev.phase is distinct from 'unstable'
    and a.taken_at >= ${s.from} and a.taken_at < ${s.to}`;

/**
 * The change in a symptom score between the first and the latest rating of the period, for
 * patients rated at least twice (PCOC Benchmark 3, change in symptoms). Pain is the ESAS-r pain
 * item, or for children the Wong-Baker FACES score (0-10 like the NRS, palliative-research.md
 * §2.7); breathlessness is the ESAS-r item. Value: latest minus first (negative is better);
 * numerator: patients whose score fell.
 */
const scoreChange =
  (score: RawBuilder<unknown>, instruments: readonly string[]): ItemsQuery =>
  (s) =>
    sql`
  select r.last_at as at, ${patientColumns(s, sql`r.last_at`)}, r.instrument::text as category,
    (case when r.last_score < r.first_score then 1 else 0 end)::float8 as num, 1::float8 as den,
    (r.last_score - r.first_score)::float8 as value
  from (
    select a.patient_id, min(a.instrument) as instrument, count(*) as n, max(a.taken_at) as last_at,
      (array_agg((${score})::numeric order by a.taken_at))[1] as first_score,
      (array_agg((${score})::numeric order by a.taken_at desc))[1] as last_score
    from assessment a
    where a.organization_id = ${s.orgId} and a.is_current and a.instrument in (${sql.join(instruments)})
      and ${score} is not null and a.taken_at >= ${s.from} and a.taken_at < ${s.to}
    group by a.patient_id
  ) r
  join patient p on p.organization_id = ${s.orgId} and p.id = r.patient_id
  where r.n >= 2`;

const painScore = sql`case a.instrument when 'faces' then a.answers->>'score' else a.answers->>'pain' end`;
const breathlessnessScore = sql`a.answers->>'breathlessness'`;

/**
 * Completed physician and nurse visits, and whether pain was assessed: a pain rating (ESAS-r
 * pain item, FLACC or FACES) linked to the visit or taken by staff on the visit's day (HIS
 * comprehensive assessment, pain screening; hhs.gov HQRP current measures).
 */
const visitsWithPainAssessment: ItemsQuery = (s) => sql`
  select ${dayStart(s, 'v.visit_date')} as at, ${patientColumns(s, dayStart(s, 'v.visit_date'))},
    v.discipline::text as category,
    (case when exists (
      select 1 from assessment a
      where a.organization_id = v.organization_id and a.patient_id = v.patient_id and a.is_current
        and (a.instrument in ('flacc', 'faces') or (a.instrument = 'esas_r' and a.answers ? 'pain'))
        and (a.visit_id = v.id or (a.source = 'staff' and (a.taken_at at time zone ${s.tz})::date = v.visit_date))
    ) then 1 else 0 end)::float8 as num,
    1::float8 as den, null::float8 as value
  from visit v
  join patient p on p.organization_id = v.organization_id and p.id = v.patient_id
  where v.organization_id = ${s.orgId} and v.status = 'completed' and v.discipline in ('physician', 'nurse')
    and v.visit_date >= (${s.from} at time zone ${s.tz})::date and v.visit_date < (${s.to} at time zone ${s.tz})::date`;

export const symptomMeasures = {
  severeSymptomFollowUp,
  unstableResolved,
  painChange: scoreChange(painScore, ['esas_r', 'faces']),
  breathlessnessChange: scoreChange(breathlessnessScore, ['esas_r']),
  visitsWithPainAssessment,
} satisfies Record<string, ItemsQuery>;

import { sql } from 'kysely';
import { dayStart, type ItemsQuery, patientColumns, today } from './measure-sql.repository.ts';

/** Controlled-drug counts in the period, and those whose count differed from the register. */
const controlledDiscrepancies: ItemsQuery = (s) => sql`
  select e.at, ${patientColumns(s, sql`e.at`)}, st.name::text as category,
    (case when coalesce(e.discrepancy, 0) <> 0 then 1 else 0 end)::float8 as num, 1::float8 as den,
    e.discrepancy::float8 as value
  from controlled_entry e
  join controlled_stock st on st.organization_id = e.organization_id and st.id = e.stock_id
  join patient p on p.organization_id = e.organization_id and p.id = e.patient_id
  where e.organization_id = ${s.orgId} and e.kind = 'count' and e.at >= ${s.from} and e.at < ${s.to}`;

/**
 * Anticipatory medicine boxes whose expiry day falls in the period, still in a living patient's
 * home: expired (before today) or expiring (today or later).
 */
const anticipatoryExpiring: ItemsQuery = (s) => sql`
  select ${dayStart(s, 'b.expires_on')} as at, ${patientColumns(s, dayStart(s, 'b.expires_on'))},
    (case when b.expires_on < ${today(s)} then 'expired' else 'expiring' end)::text as category,
    1::float8 as num, 0::float8 as den, null::float8 as value
  from anticipatory_box b
  join patient p on p.organization_id = b.organization_id and p.id = b.patient_id
  where b.organization_id = ${s.orgId} and p.status <> 'deceased'`;

export const medicineMeasures = { controlledDiscrepancies, anticipatoryExpiring } satisfies Record<
  string,
  ItemsQuery
>;

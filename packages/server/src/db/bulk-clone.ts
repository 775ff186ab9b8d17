import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Tables copied with each patient: the columns each copy gets anew (besides `id` and
 * `patient_id`; an assessment copy is its own record, so its versions do not collide) and the
 * values it is given. Alert copies are resolved (only one alert per rule and patient may be open,
 * and in a service that has run for years nearly all alerts are closed).
 */
const perPatient: Record<
  string,
  { fresh: string[]; set: Record<string, string>; times: 'repeat' | 'alerts' }
> = {
  assessment: { fresh: ['record_id'], set: {}, times: 'repeat' },
  alert: { fresh: [], set: { status: 'resolved' }, times: 'alerts' },
  visit: { fresh: [], set: {}, times: 'repeat' },
};

/**
 * Makes an organization large by copying each of its patients `copies` times, with their
 * assessments, alerts and visits (`repeat` times each), in one transaction, then refreshing the
 * planner's statistics. The copies look like the originals (same dates, staff and answers), so
 * reads hit the same code paths on a database the size of a big service. Used by the API
 * benchmark and by the query-plan test; never by the running server.
 */
export async function cloneOrganizationPatients(
  db: Db,
  organizationId: string,
  options: { copies: number; repeat?: number; alertRepeat?: number },
): Promise<{ patients: number; rows: Record<string, number> }> {
  const times = { repeat: options.repeat ?? 1, alerts: options.alertRepeat ?? options.repeat ?? 1 };
  const rows: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    // a bulk load runs longer than the server's per-statement limit allows a request
    await sql`set local statement_timeout = 0`.execute(trx);
    await sql`create temp table patient_copy on commit drop as
      select p.id as source_id, gen_random_uuid() as id
      from patient p, generate_series(1, ${options.copies})
      where p.organization_id = ${organizationId}`.execute(trx);
    await sql`insert into patient
      select (jsonb_populate_record(null::patient, to_jsonb(p) || jsonb_build_object('id', c.id))).*
      from patient p join patient_copy c on c.source_id = p.id`.execute(trx);
    for (const [table, { fresh, set, times: which }] of Object.entries(perPatient)) {
      // fixed column names and values from this file only, never from input
      const freshIds = [
        ...fresh.map((column) => `, '${column}', gen_random_uuid()`),
        ...Object.entries(set).map(([column, value]) => `, '${column}', '${value}'`),
      ].join('');
      const result = await sql`insert into ${sql.table(table)}
        select (jsonb_populate_record(null::${sql.table(table)}, to_jsonb(t) || jsonb_build_object(
          'id', gen_random_uuid(), 'patient_id', c.id${sql.raw(freshIds)}))).*
        from ${sql.table(table)} t
        join patient_copy c on c.source_id = t.patient_id, generate_series(1, ${times[which]})`.execute(trx);
      rows[table] = Number(result.numAffectedRows ?? 0);
    }
  });
  for (const table of ['patient', ...Object.keys(perPatient)])
    await sql`analyze ${sql.table(table)}`.execute(db);
  const patients = await sql<{
    n: number;
  }>`select count(*)::int as n from patient where organization_id = ${organizationId}`.execute(db);
  return { patients: patients.rows[0]?.n ?? 0, rows };
}

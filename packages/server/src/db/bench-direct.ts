import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from './database.ts';

/** A statement as the query listener saw it. */
export interface CapturedStatement {
  sql: string;
  parameters: readonly unknown[];
}

/** Patients and assessments of the organization: the API benchmark's base size. */
export async function organizationSize(db: Db, organizationId: string) {
  const { rows } = await sql<{ patients: number; assessments: number }>`select
    (select count(*) from patient where organization_id = ${organizationId})::int as patients,
    (select count(*) from assessment where organization_id = ${organizationId})::int as assessments`.execute(
    db,
  );
  return rows[0]!;
}

/**
 * Replays the SELECTs an HTTP request issued, straight through `pg` with the sample patient's id
 * swapped for another's: what the database alone serves, without HTTP, sessions or audit, so the
 * benchmark can say what share of it the API reaches. Benchmark only.
 */
export function directReads(
  databaseUrl: string,
  captured: CapturedStatement[],
  sampleId: string,
  connections: number,
) {
  const reads = captured.filter((s) => /^\s*(with|select)\b/i.test(s.sql));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  return {
    statements: reads.length,
    async read(patientId: string) {
      const client = await pool.connect();
      try {
        for (const read of reads)
          await client.query(
            read.sql,
            read.parameters.map((p) => (p === sampleId ? patientId : p)),
          );
      } finally {
        client.release();
      }
    },
    end: () => pool.end(),
  };
}

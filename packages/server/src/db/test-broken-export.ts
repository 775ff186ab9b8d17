import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Test-only: leaves a bulk export in a state its batch job cannot read (its list of types is not
 * a list), so every attempt of the job fails, as a bug or a damaged row would make it.
 */
export async function breakExportTypes(db: Db, exportId: string) {
  await sql`update fhir_export set types = '{}'::jsonb where id = ${exportId}`.execute(db);
}

import type { Generated, JSONColumnType } from 'kysely';

export interface JobTable {
  id: string;
  organization_id: string;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>>;
  run_at: Date;
  status: Generated<'pending' | 'running' | 'done' | 'failed'>;
  attempts: Generated<number>;
  locked_at: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
}

import type { Generated } from 'kysely';
import type { StoredJson } from '../../db/stored-json.ts';

export interface JobTable {
  id: string;
  organization_id: string;
  kind: string;
  /** Parsed by the runner with the kind's schema (`checkJobPayload`) before its handler runs. */
  payload: StoredJson;
  run_at: Date;
  status: Generated<'pending' | 'running' | 'done' | 'failed'>;
  attempts: Generated<number>;
  locked_at: Date | null;
  /** The runner holding a running job's lease (one id per runner instance). */
  locked_by: Generated<string | null>;
  /** A running job whose lease has passed is taken over by any runner. */
  lease_until: Generated<Date | null>;
  /** Unique per organization while the row exists: a second enqueue with it adds nothing. */
  idempotency_key: Generated<string | null>;
  /** When the job became done or failed; the retention purge reads it. */
  finished_at: Generated<Date | null>;
  last_error: string | null;
  created_at: Generated<Date>;
}

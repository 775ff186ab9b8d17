import type { NullableStoredJson, StoredJson } from '../../db/stored-json.ts';

export interface PlanRunTable {
  id: string;
  organization_id: string;
  kind: 'week' | 'urgent';
  status: 'running' | 'ready' | 'failed' | 'published' | 'discarded';
  week_start: string;
  /**
   * What was asked (requirements, or the urgent visit), kept so publishing creates exactly it
   * (`weekRunInputSchema` or `urgentRunInputSchema`, by kind).
   */
  input: StoredJson;
  /** The reviewed result: routes, unassigned, measures, changes (`planRunResultSchema`). */
  result: NullableStoredJson;
  error: string | null;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
  published_at: Date | null;
  published_by: string | null;
  /** What the run was asked (kind and its parameters): any process can prepare it again from this (`planRunRequestSchema`). */
  request: NullableStoredJson;
  /** The solver's latest progress, written about once a second by the process holding the run's job (`planRunProgressSchema`). */
  progress: NullableStoredJson;
}

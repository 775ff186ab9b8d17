import type { JSONColumnType } from 'kysely';

export interface PlanRunTable {
  id: string;
  organization_id: string;
  kind: 'week' | 'urgent';
  status: 'running' | 'ready' | 'failed' | 'published' | 'discarded';
  week_start: string;
  /** What was asked (requirements, or the urgent visit), kept so publishing creates exactly it. */
  input: JSONColumnType<Record<string, unknown>>;
  /** The reviewed result: routes, unassigned, measures, changes. */
  result: JSONColumnType<Record<string, unknown>> | null;
  error: string | null;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
  published_at: Date | null;
  published_by: string | null;
  /** What the run was asked (kind and its parameters): any process can prepare it again from this. */
  request: JSONColumnType<Record<string, unknown>> | null;
  /** The solver's latest progress, written about once a second by the process holding the run's job. */
  progress: JSONColumnType<Record<string, unknown>> | null;
}

import {
  type PlanRunProgress,
  type PlanRunRequest,
  type PlanRunResult,
  planRunProgressSchema,
  planRunRequestSchema,
  planRunResultSchema,
  type UrgentRunInput,
  urgentRunInputSchema,
  type WeekRunInput,
  weekRunInputSchema,
} from '@hearth/domain';
import type { Selectable, Updateable } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { PlanRunTable } from './planning.table.ts';

/**
 * A plan run. What it was asked for publishing (its input) is read on its own (`inputOfRun`) by
 * publishing, the one step that needs it: a run that can no longer be prepared is still shown
 * and failed.
 */
export interface PlanRunRecord {
  id: string;
  kind: PlanRunTable['kind'];
  status: PlanRunTable['status'];
  weekStart: string;
  result: PlanRunResult | null;
  error: string | null;
  createdBy: string;
  createdAt: Date;
  finishedAt: Date | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  request: PlanRunRequest | null;
  progress: PlanRunProgress | null;
}

/** A run's input, by its kind. */
export type PlanRunInput = { kind: 'week'; input: WeekRunInput } | { kind: 'urgent'; input: UrgentRunInput };

type Json = 'input' | 'result' | 'request' | 'progress';

const runColumns = [
  'id',
  'kind',
  'status',
  'week_start',
  'result',
  'error',
  'created_by',
  'created_at',
  'finished_at',
  'published_at',
  'published_by',
  'request',
  'progress',
] as const;

const toRun = (r: Omit<Selectable<PlanRunTable>, 'organization_id' | 'input'>): PlanRunRecord => {
  const at = (column: string) => ({ table: 'plan_run', column, id: r.id });
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    weekStart: r.week_start,
    result: r.result === null ? null : parseStored(planRunResultSchema, r.result, at('result')),
    error: r.error,
    createdBy: r.created_by,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    request: r.request === null ? null : parseStored(planRunRequestSchema, r.request, at('request')),
    progress: r.progress === null ? null : parseStored(planRunProgressSchema, r.progress, at('progress')),
  };
};

export const insertRun = (
  db: Conn,
  row: Omit<PlanRunTable, Json> & {
    input: unknown;
    result: unknown;
    request?: unknown;
  },
) =>
  db
    .insertInto('plan_run')
    .values({
      ...row,
      input: storedJson(row.input),
      result: row.result ? storedJson(row.result) : null,
      request: row.request ? storedJson(row.request) : null,
    })
    .execute();

export const updateRun = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Omit<Updateable<PlanRunTable>, 'result'> & { result?: unknown },
) => {
  const { result, ...rest } = patch;
  return db
    .updateTable('plan_run')
    .set({ ...rest, ...(result !== undefined ? { result: storedJson(result) } : {}) })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
};

/**
 * Writes to a run that is still running (its progress, or its outcome). False when the run no
 * longer runs (a coordinator discarded it, or an earlier holder of its job finished it). The
 * caller fences this by the lease of the run's job.
 */
export async function writeRunning(
  db: Conn,
  organizationId: string,
  id: string,
  patch: {
    progress?: PlanRunProgress;
    status?: 'ready' | 'failed';
    input?: unknown;
    result?: PlanRunResult;
    error?: string;
    finished_at?: Date;
  },
): Promise<boolean> {
  const { progress, input, result, ...rest } = patch;
  const done = await db
    .updateTable('plan_run')
    .set({
      ...rest,
      ...(progress !== undefined ? { progress: storedJson(progress) } : {}),
      ...(input !== undefined ? { input: storedJson(input) } : {}),
      ...(result !== undefined ? { result: storedJson(result) } : {}),
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

export const findRun = async (db: Conn, organizationId: string, id: string) => {
  const row = await db
    .selectFrom('plan_run')
    .select(runColumns)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toRun(row);
};

export const lockRun = async (db: Conn, organizationId: string, id: string) => {
  const row = await db
    .selectFrom('plan_run')
    .select(runColumns)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toRun(row);
};

/** What a run was asked, as publishing makes it real. */
export const inputOfRun = async (
  db: Conn,
  organizationId: string,
  run: Pick<PlanRunRecord, 'id' | 'kind'>,
): Promise<PlanRunInput> => {
  const { input } = await db
    .selectFrom('plan_run')
    .select('input')
    .where('organization_id', '=', organizationId)
    .where('id', '=', run.id)
    .executeTakeFirstOrThrow();
  const at = { table: 'plan_run', column: 'input', id: run.id };
  return run.kind === 'week'
    ? { kind: 'week', input: parseStored(weekRunInputSchema, input, at) }
    : { kind: 'urgent', input: parseStored(urgentRunInputSchema, input, at) };
};

import { CompiledQuery } from 'kysely';
import type { Db } from './database.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function* nodesOf(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* nodesOf(child);
}

/**
 * Plans a statement with the parameters it ran with (EXPLAIN, never executed) and names the
 * tables among `tables` that the plan reads by a sequential scan.
 */
export async function seqScannedTables(
  db: Db,
  query: { sql: string; parameters: readonly unknown[] },
  tables: readonly string[],
): Promise<string[]> {
  const result = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(
    CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
  );
  const raw = result.rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
  return [...nodesOf(plan[0].Plan)]
    .filter((n) => n['Node Type'] === 'Seq Scan' && tables.includes(n['Relation Name'] ?? ''))
    .map((n) => n['Relation Name']!);
}

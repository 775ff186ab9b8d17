import { type ContractArgs, type ContractResponse, contractPath, type RouteContract } from '@hearth/domain';
import { send, withQuery } from './client.ts';

/**
 * Calls a route by its contract from `@hearth/domain`: the path is filled from the params, the
 * body and query are typed by the route's schemas, and the answer is parsed with the route's
 * response schema, so what the page receives is checked, not assumed.
 */
export async function call<C extends RouteContract>(
  contract: C,
  ...[input]: ContractArgs<C>
): Promise<ContractResponse<C>> {
  const parts: { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown } =
    input ?? {};
  const path = contractPath(contract, parts.params);
  const query = Object.fromEntries(
    Object.entries(parts.query ?? {}).map(([k, v]) => [k, v === undefined || v === null ? v : String(v)]),
  );
  const body = contract.method === 'GET' || contract.method === 'DELETE' ? undefined : (parts.body ?? {});
  const answer = await send(contract.method, withQuery(path, query), body);
  // the parse is the check; TypeScript cannot follow a generic schema's output, so it is named here once
  return contract.response.parse(answer) as ContractResponse<C>;
}

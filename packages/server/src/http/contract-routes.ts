import type {
  ContractBody,
  ContractParams,
  ContractQuery,
  ContractResponse,
  RouteContract,
} from '@hearth/domain';
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ZodApp } from './routes.ts';

/** What a contract's handler receives: the validated parts, typed from the contract. */
export interface ContractCall<C extends RouteContract> {
  params: ContractParams<C>;
  query: ContractQuery<C>;
  body: ContractBody<C>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** What a few routes add beyond the contract: a rate limit and the error answers it documents. */
export interface ServeOptions {
  config?: FastifyContextConfig;
  /** Error answers for the OpenAPI description, by status (e.g. 429 from the rate limit). */
  errors?: Record<number, z.ZodType>;
}

/**
 * Registers a route from its contract in `@hearth/domain`: method, path, status and the schemas
 * Fastify validates and serializes with. The handler gets the parsed params, query and body typed
 * from the same schemas the web client is typed with.
 */
export function serve<C extends RouteContract>(
  app: ZodApp,
  contract: C,
  handler: (call: ContractCall<C>) => Promise<ContractResponse<C>>,
  options: ServeOptions = {},
): void {
  const status = contract.status ?? 200;
  app.route({
    method: contract.method,
    url: contract.path,
    schema: {
      ...(contract.tags ? { tags: [...contract.tags] } : {}),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: { ...options.errors, [status]: contract.response },
    },
    ...(options.config ? { config: options.config } : {}),
    handler: async (request, reply) => {
      const result = await handler({
        // Fastify has already parsed each part with the contract's own schema (the Zod type
        // provider's validator), so these are the schemas' output types
        params: request.params as ContractParams<C>,
        query: request.query as ContractQuery<C>,
        body: request.body as ContractBody<C>,
        request,
        reply,
      });
      if (status !== 200) reply.code(status);
      return result;
    },
  });
}

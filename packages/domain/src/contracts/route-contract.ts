import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One HTTP route as both sides see it: the server registers its handler from this (validation
 * and the OpenAPI description come from the schemas), and the web calls it through a typed
 * client that fills the path, sends the body and parses the answer with the same response
 * schema, so a change on one side is a type error on the other instead of a cast that lies.
 */
export interface RouteContract {
  method: HttpMethod;
  /** Under `/api/v1`, with `:name` placeholders for the params. */
  path: string;
  /** The success status (201 for a create, 202 for work that goes on after the answer). */
  status?: 200 | 201 | 202;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** OpenAPI tags. */
  tags?: readonly string[];
}

/** Declares a contract, keeping its exact schemas in the type. */
export const route = <const C extends RouteContract>(contract: C): C => contract;

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type Input<S> = S extends z.ZodType ? z.input<S> : undefined;

export type ContractParams<C extends RouteContract> = Infer<C['params']>;
export type ContractQuery<C extends RouteContract> = Infer<C['query']>;
export type ContractBody<C extends RouteContract> = Infer<C['body']>;
export type ContractResponse<C extends RouteContract> = z.infer<C['response']>;

/** What a caller passes: only the parts the route has, in their input shape (before defaults). */
export type ContractInput<C extends RouteContract> = (C['params'] extends z.ZodType
  ? { params: Input<C['params']> }
  : { params?: undefined }) &
  (C['query'] extends z.ZodType ? { query?: Input<C['query']> } : { query?: undefined }) &
  (C['body'] extends z.ZodType ? { body: Input<C['body']> } : { body?: undefined });

/** A call's arguments: the input is required when the route has params or a body. */
export type ContractArgs<C extends RouteContract> = C['params'] extends z.ZodType
  ? [input: ContractInput<C>]
  : C['body'] extends z.ZodType
    ? [input: ContractInput<C>]
    : [input?: ContractInput<C>];

/** The concrete path: each `:name` replaced by its encoded param. */
export function contractPath(contract: RouteContract, params: Record<string, unknown> | undefined): string {
  return contract.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`${contract.method} ${contract.path}: missing path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}

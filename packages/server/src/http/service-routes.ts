import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../app-context.ts';
import { requireContext } from './session.ts';

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

/** A service call: the app's dependencies, the caller, the validated path parameters and input. */
type ServiceCall<P, I, R> = (deps: AppDeps, ctx: RequestContext, params: P, input: I) => Promise<R> | R;

interface RouteSchemas<P extends Schema, I extends Schema | undefined, R extends Schema> {
  params?: P;
  /** The body (POST, PUT) or the query string (GET). */
  input?: I;
  response: R;
}

/**
 * Most routes are "validate, call the service with (deps, ctx, params, input), send the
 * result": this registers one from its schemas and the call, so a feature's routes file says
 * only which path maps to which service function. Validation, OpenAPI and the reply's shape
 * still come from the domain schemas given here.
 */
export function serviceRoutes(base: FastifyInstance, deps: AppDeps, tags: string[]) {
  const route =
    (method: 'GET' | 'POST' | 'PUT' | 'DELETE', status: 200 | 201) =>
    <P extends Schema, I extends Schema | undefined, R extends Schema>(
      url: string,
      schemas: RouteSchemas<P, I, R>,
      call: ServiceCall<Infer<P>, Infer<I>, z.input<R>>,
    ) => {
      const schema: FastifySchema = {
        tags,
        ...(schemas.params ? { params: schemas.params } : {}),
        ...(schemas.input ? { [method === 'GET' ? 'querystring' : 'body']: schemas.input } : {}),
        response: { [status]: schemas.response },
      };
      const handler = async (request: FastifyRequest, reply: FastifyReply) => {
        const given = method === 'GET' ? request.query : request.body;
        const result = await call(
          deps,
          requireContext(request),
          request.params as Infer<P>,
          (schemas.input ? given : undefined) as Infer<I>,
        );
        return reply.status(status).send(result);
      };
      // the app's Zod validator and serializer compilers check and shape every route; the
      // types come from the schemas given here
      base.route({ method, url, schema, handler });
    };
  return {
    get: route('GET', 200),
    post: route('POST', 200),
    /** POST that creates something: 201. */
    create: route('POST', 201),
    put: route('PUT', 200),
    delete: route('DELETE', 200),
  };
}

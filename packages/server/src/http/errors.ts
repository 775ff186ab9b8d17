import { type Because, DomainError } from '@hearth/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { domainErrorFromDatabase } from './database-errors.ts';
import { httpStatusOf } from './error-status.ts';

/**
 * The one place where errors become HTTP answers: `{ error: { code, reason, params, message, details } }`.
 * `reason` and `params` are left out only for refusals whose feature has not named them yet.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  options: { spaIndex: boolean; logRequests: boolean },
): void {
  app.setErrorHandler((thrown: FastifyError | DomainError | Error, request, reply) => {
    const err = domainErrorFromDatabase(thrown) ?? thrown;
    if (err instanceof DomainError) {
      const headers =
        err.code === 'RATE_LIMITED' && isRetry(err.details)
          ? { 'retry-after': String(err.details.retryAfterSeconds) }
          : {};
      return reply
        .headers(headers)
        .status(httpStatusOf[err.code])
        .send({ error: { code: err.code, ...reasonOf(err), message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send({
        error: {
          code: 'VALIDATION',
          ...said('fieldsInvalid'),
          message: 'Some fields need attention.',
          details: { fields },
        },
      });
    }
    const fastifyErr = err as FastifyError;
    if (fastifyErr.statusCode === 429) {
      return reply.status(429).send({
        error: {
          code: 'RATE_LIMITED',
          ...said('rateLimited'),
          message: 'Too many requests. Please wait and try again.',
        },
      });
    }
    if (fastifyErr.statusCode === 413 || fastifyErr.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          ...said('tooLarge'),
          message: 'The file or request is too large.',
        },
      });
    }
    if (fastifyErr.statusCode && fastifyErr.statusCode >= 400 && fastifyErr.statusCode < 500) {
      return reply
        .status(fastifyErr.statusCode)
        .send({ error: { code: 'VALIDATION', message: fastifyErr.message } });
    }
    // Unexpected: log the error with its request id (never request bodies: they may hold clinical
    // text) and hide details. With request logging off it still goes to stderr.
    if (options.logRequests)
      request.log.error({ err: { message: err.message, stack: err.stack } }, 'unhandled error');
    else
      console.error(
        JSON.stringify({
          level: 'error',
          time: new Date().toISOString(),
          reqId: request.id,
          method: request.method,
          url: request.url.split('?')[0],
          msg: 'unhandled error',
          err: { message: err.message, stack: err.stack },
        }),
      );
    return reply.status(500).send({
      error: { code: 'INTERNAL', ...said('internal'), message: 'Something went wrong on our side.' },
    });
  });
  app.setNotFoundHandler((request, reply) => {
    // client-side routes of the single-page app get its index.html; API paths get the error shape
    if (options.spaIndex && request.method === 'GET' && !request.url.startsWith('/api'))
      return reply.sendFile('index.html');
    return reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        ...said('noRoute'),
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
}

const isRetry = (d: unknown): d is { retryAfterSeconds: number } =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as { retryAfterSeconds?: unknown }).retryAfterSeconds === 'number';

const reasonOf = (err: DomainError) => (err.reason ? { reason: err.reason, params: err.params ?? {} } : {});

/** A reason without parameters, for the answers this handler words itself. */
const said = (reason: Extract<Because, { params: Record<string, never> }>['reason']) => ({
  reason,
  params: {},
});

import {
  because,
  DomainError,
  type ErrorCode,
  fhirJsonContentType,
  type IssueType,
  type OutcomeIssue,
  operationOutcome,
} from '@hearth/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { httpStatusOf } from '../../http/error-status.ts';

/** An error whose answer is an OperationOutcome listing several problems (an import's, say). */
export class FhirOutcomeError extends Error {
  constructor(
    readonly status: number,
    readonly issues: OutcomeIssue[],
  ) {
    super(issues.map((i) => i.text).join(' '));
  }
}

const issueTypeOf: Record<ErrorCode, IssueType> = {
  VALIDATION: 'invalid',
  UNAUTHENTICATED: 'login',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
  UNPROCESSABLE: 'processing',
  PAYLOAD_TOO_LARGE: 'too-costly',
  RATE_LIMITED: 'throttled',
  INTERNAL: 'exception',
};

/** Sends a FHIR resource (or OperationOutcome) as `application/fhir+json`. */
export const sendFhir = (reply: FastifyReply, status: number, body: unknown) =>
  reply
    .status(status)
    .header('content-type', `${fhirJsonContentType}; charset=utf-8`)
    .send(JSON.stringify(body));

const outcome = (reply: FastifyReply, status: number, issues: OutcomeIssue[]) =>
  sendFhir(reply, status, operationOutcome(issues));

/**
 * The FHIR endpoint speaks FHIR in its errors too: every failure under the FHIR base is an
 * OperationOutcome with a fitting status, never the REST error envelope. FHIR clients send
 * `application/fhir+json`, which is parsed like JSON.
 */
export function registerFhirHttp(fhir: FastifyInstance) {
  fhir.addContentTypeParser(
    [fhirJsonContentType, 'application/json+fhir'],
    { parseAs: 'string' },
    (_request: FastifyRequest, body: string | Buffer, done: (err: Error | null, value?: unknown) => void) => {
      try {
        done(null, JSON.parse(String(body)));
      } catch {
        done(
          new DomainError(
            'VALIDATION',
            'The body is not valid JSON.',
            undefined,
            because('fhir.bodyNotJson'),
          ),
        );
      }
    },
  );
  fhir.setErrorHandler((err: FastifyError | DomainError | FhirOutcomeError | Error, request, reply) => {
    if (err instanceof FhirOutcomeError) return outcome(reply, err.status, err.issues);
    if (err instanceof DomainError)
      return outcome(reply, httpStatusOf[err.code], [
        { severity: 'error', code: issueTypeOf[err.code], text: err.message },
      ]);
    const status = (err as FastifyError).statusCode;
    if (status === 413)
      return outcome(reply, 413, [
        { severity: 'error', code: 'too-costly', text: 'The request is too large.' },
      ]);
    if (status === 415)
      return outcome(reply, 415, [
        { severity: 'error', code: 'not-supported', text: `Send the body as ${fhirJsonContentType}.` },
      ]);
    if (status && status >= 400 && status < 500)
      return outcome(reply, status, [{ severity: 'error', code: 'invalid', text: err.message }]);
    // unexpected: logged without the body (it may hold clinical text), answered without details
    request.log.error({ err: { message: err.message, stack: err.stack } }, 'unhandled FHIR error');
    return outcome(reply, 500, [
      { severity: 'fatal', code: 'exception', text: 'Something went wrong on our side.' },
    ]);
  });
  fhir.setNotFoundHandler((request, reply) =>
    outcome(reply, 404, [
      {
        severity: 'error',
        code: 'not-supported',
        text: `Hearth does not support ${request.method} ${request.url.split('?')[0]}; see /api/fhir/R4/metadata.`,
      },
    ]),
  );
}

/** The FHIR base URL as the client reached it (for fullUrl, Content-Location and the manifest). */
export const fhirBase = (request: FastifyRequest) => `${request.protocol}://${request.host}${fhirPrefix}`;
export const fhirPrefix = '/api/fhir/R4';

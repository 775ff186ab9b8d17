import { because, DomainError, notFound } from '@hearth/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps, RequestContext } from '../app-context.ts';
import { resolveSession, type SessionInfo } from '../features/auth/auth.service.ts';
import { recordDeniedAggregated } from './denied-audit.ts';

export const sessionCookie = 'hearth_session';
export const csrfHeader = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Loads the session from its cookie on every request. Mutating requests made with a session
 * must carry the session's CSRF token in a header, which a cross-site form cannot set.
 */
export function registerSession(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookie];
    request.session = token ? await resolveSession(deps, token) : null;
    // logging in again replaces the session, so it needs no token from the old one
    const isLogin = request.url.split('?')[0] === '/api/v1/auth/login';
    if (request.session && mutating.has(request.method) && !isLogin) {
      if (request.headers[csrfHeader] !== request.session.me.csrfToken) {
        throw new DomainError(
          'FORBIDDEN',
          'The page is out of date. Reload it and try again.',
          { reason: 'csrf' },
          because('staleSession'),
        );
      }
    }
  });
}

/**
 * Defence in depth for portal users: any route with a `:patientId` answers 404 to a family
 * member for a patient they are not linked to, and to a volunteer for every patient (volunteers
 * never read the record), before the body is even validated (so not even a 400 tells them the
 * route would have worked). The services check again.
 */
export function registerFamilyGate(app: FastifyInstance, deps: AppDeps): void {
  app.addHook('preValidation', async (request) => {
    const actor = request.session?.actor;
    if (actor?.role !== 'family' && actor?.role !== 'volunteer') return;
    const patientId = (request.params as Record<string, unknown> | undefined)?.patientId;
    if (typeof patientId !== 'string' || actor.linkedPatientIds.includes(patientId)) return;
    const ctx = { actor, requestId: request.id, ip: request.ip };
    await recordDeniedAggregated(deps, ctx, {
      action: `${request.method} ${request.routeOptions.url ?? ''}`,
      entityType: 'patient',
      entityId: patientId,
      patientId: isUuid(patientId) ? patientId : null,
    });
    throw notFound('patient');
  });
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** The caller's context, or a 401 when nobody is logged in. */
export function requireContext(request: FastifyRequest): RequestContext {
  if (!request.session)
    throw new DomainError('UNAUTHENTICATED', 'Please log in.', undefined, because('loginRequired'));
  return { actor: request.session.actor, requestId: request.id, ip: request.ip };
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean) {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

import zlib from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/** HSTS for a year: once a browser has seen Hearth over HTTPS it never tries plain HTTP again. */
const hstsValue = 'max-age=31536000; includeSubDomains';

/**
 * Whether this request came over HTTPS: directly, or through a proxy that says so
 * (`X-Forwarded-Proto`, trusted only with HEARTH_TRUST_PROXY=1), or because the operator says
 * every request does (HEARTH_SECURE_COOKIES=1).
 */
export const overHttps = (request: FastifyRequest, config: Config) =>
  config.secureCookies || request.protocol === 'https';

/**
 * Defaults that hold for every answer, whatever the route:
 * - HSTS whenever the request arrived over HTTPS (never on plain HTTP, where it would be
 *   ignored and would only confuse a localhost trial);
 * - `Cache-Control: no-store` on every API answer (patient data must not stay in a shared or
 *   browser cache) unless the route chose its own;
 * - the request id in `X-Request-Id`, so a user can quote it and it can be found in the log;
 * - brotli or gzip for JSON and static files above 1 KB, as the browser accepts.
 */
export async function registerSecureDefaults(app: FastifyInstance, config: Config) {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // light settings: a chart answer compresses to within about a tenth of the default's size at
    // a fraction of its CPU, which at 50 concurrent chart reads is the server's single largest cost
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 3 },
    // live event streams (text/event-stream) must reach the browser event by event, not buffered
    customTypes:
      /^(?:application\/(?:json|javascript|fhir\+json)|text\/(?:html|css|javascript|plain)|image\/svg\+xml)\b/,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    if (overHttps(request, config)) reply.header('strict-transport-security', hstsValue);
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}

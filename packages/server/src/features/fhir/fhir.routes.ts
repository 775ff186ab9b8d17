import {
  capabilityStatement,
  type FhirResourceType,
  fhirResourceTypes,
  fhirSearchParams,
  operationOutcome,
} from '@hearth/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { requireContext } from '../../http/session.ts';
import * as bulk from './bulk-export.service.ts';
import * as service from './fhir.service.ts';
import { fhirBase, registerFhirHttp, sendFhir } from './fhir-http.ts';
import { importReferral } from './referral-import.service.ts';

const tags = ['fhir'];
type IdParams = { id: string };
const softwareVersion = '0.1.0';

/** The request's own URL, absolute (Bundle self links, the export manifest's `request`). */
const selfUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}${request.url}`;
/** FHIR ids are at most 64 letters, digits, '-' and '.'; anything else names nothing. */
const fhirId = /^[A-Za-z0-9\-.]{1,64}$/;
const query = (request: FastifyRequest) => request.query as Record<string, string | string[] | undefined>;

/**
 * HL7 FHIR R4 under /api/fhir/R4: the CapabilityStatement, read and search of each resource
 * type, Patient/$everything, the Bulk Data $export and referral import. Registered from the same
 * lists the CapabilityStatement is built from.
 */
export function fhirRoutes(fhir: FastifyInstance, deps: AppDeps) {
  registerFhirHttp(fhir);

  fhir.get('/metadata', { schema: { tags } }, async (request, reply) =>
    sendFhir(
      reply,
      200,
      capabilityStatement({ baseUrl: fhirBase(request), date: deps.clock().toISOString(), softwareVersion }),
    ),
  );

  fhir.get<{ Params: IdParams }>('/Patient/:id/$everything', { schema: { tags } }, async (request, reply) => {
    const ctx = requireContext(request);
    const { id } = request.params;
    if (!service.isUuid(id)) return sendFhir(reply, 404, notFoundOutcome(`Patient/${id}`));
    const resources = await service.everything(deps, ctx, id);
    return sendFhir(reply, 200, service.searchset(fhirBase(request), selfUrl(request), resources));
  });

  for (const type of fhirResourceTypes) registerType(fhir, deps, type);

  fhir.get('/$export', { schema: { tags } }, async (request, reply) => {
    const ctx = requireContext(request);
    const id = await bulk.startExport(deps, ctx, {
      query: query(request),
      prefer: request.headers.prefer,
      accept: request.headers.accept,
      requestUrl: selfUrl(request),
    });
    return reply
      .status(202)
      .header('content-location', `${fhirBase(request)}/$export-status/${id}`)
      .send();
  });

  fhir.get<{ Params: IdParams }>('/$export-status/:id', { schema: { tags } }, async (request, reply) => {
    const status = await bulk.exportStatus(
      deps,
      requireContext(request),
      request.params.id,
      fhirBase(request),
    );
    if (status.kind === 'running')
      return reply
        .status(202)
        .header('x-progress', status.progress)
        .header('retry-after', String(bulk.retryAfterSeconds))
        .send();
    if (status.kind === 'failed')
      return sendFhir(
        reply,
        500,
        operationOutcome([{ severity: 'error', code: 'exception', text: status.error }]),
      );
    return reply.status(200).header('content-type', 'application/json; charset=utf-8').send(status.manifest);
  });

  fhir.delete<{ Params: IdParams }>('/$export-status/:id', { schema: { tags } }, async (request, reply) => {
    await bulk.cancelExport(deps, requireContext(request), request.params.id);
    return reply.status(202).send();
  });

  fhir.get<{ Params: IdParams & { file: string } }>(
    '/$export-file/:id/:file',
    { schema: { tags } },
    async (request, reply) => {
      const type = request.params.file.replace(/\.ndjson$/, '');
      const ndjson = await bulk.exportFile(deps, requireContext(request), request.params.id, type);
      return reply.status(200).header('content-type', 'application/fhir+ndjson').send(ndjson);
    },
  );

  fhir.post('/Bundle', { schema: { tags } }, async (request, reply) => {
    const created = await importReferral(deps, requireContext(request), request.body);
    return sendFhir(
      reply,
      201,
      operationOutcome([
        {
          severity: 'information',
          code: 'informational',
          text: `Referral received: intake request ${created.reference} (id ${created.id}), to be called back by ${created.callbackDueAt.toISOString()}.`,
        },
      ]),
    );
  });
}

const notFoundOutcome = (what: string) =>
  operationOutcome([{ severity: 'error', code: 'not-found', text: `${what} was not found.` }]);

function registerType(fhir: FastifyInstance, deps: AppDeps, type: FhirResourceType) {
  fhir.get<{ Params: IdParams }>(`/${type}/:id`, { schema: { tags } }, async (request, reply) => {
    const ctx = requireContext(request);
    const { id } = request.params;
    if (!fhirId.test(id)) return sendFhir(reply, 404, notFoundOutcome(`${type}/${id}`));
    return sendFhir(reply, 200, await service.readResource(deps, ctx, type, id));
  });
  if (fhirSearchParams[type].length === 0) return;
  fhir.get(`/${type}`, { schema: { tags } }, async (request, reply) => {
    const resources = await service.searchResources(deps, requireContext(request), type, query(request));
    return sendFhir(reply, 200, service.searchset(fhirBase(request), selfUrl(request), resources));
  });
}

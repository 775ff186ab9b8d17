import {
  because,
  commissionDocumentSchema,
  DomainError,
  idSchema,
  invalidField,
  commissionRoutes as routes,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { serve } from '../../http/contract-routes.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as service from './commission.service.ts';
import { safeFileName } from './file-check.ts';

export function commissionRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['commission'];
  const params = z.object({ id: idSchema });

  serve(app, routes.refer, ({ request, body }) => service.refer(deps, requireContext(request), body));
  serve(app, routes.list, ({ request, query }) =>
    service.listCases(deps, requireContext(request), query.status, query.cursor, query.limit),
  );
  serve(app, routes.get, ({ request, params }) => service.getCase(deps, requireContext(request), params.id));
  serve(app, routes.decide, ({ request, params, body }) =>
    service.decide(deps, requireContext(request), params.id, body),
  );
  // the document upload (multipart) and download (the file's bytes) are not JSON contracts
  app.post(
    '/commission/cases/:id/documents',
    {
      schema: {
        tags,
        params,
        consumes: ['multipart/form-data'],
        response: { 201: commissionDocumentSchema },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      if (!request.isMultipart())
        throw new DomainError(
          'VALIDATION',
          'Send the file as multipart/form-data in the field "file".',
          undefined,
          because('file.notMultipart'),
        );
      const part = await request.file();
      if (part?.fieldname !== 'file')
        throw invalidField(because('file.missing'), 'Attach a file in the field "file".', 'file', 'required');
      const bytes = await part.toBuffer();
      const doc = await service.addDocument(deps, ctx, request.params.id, {
        fileName: part.filename,
        contentType: part.mimetype,
        bytes,
      });
      return reply.status(201).send(doc);
    },
  );
  app.get(
    '/commission/cases/:id/documents/:fileId',
    { schema: { tags, params: params.extend({ fileId: idSchema }) } },
    async (request, reply) => {
      const doc = await service.readDocument(
        deps,
        requireContext(request),
        request.params.id,
        request.params.fileId,
      );
      // names stored before bidirectional controls were stripped are cleaned on the way out too
      const name = safeFileName(doc.fileName);
      const asciiName = name.replaceAll(/[^\x20-\x7e]|"/g, '_');
      return reply
        .header('content-type', doc.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(doc.content));
    },
  );
}

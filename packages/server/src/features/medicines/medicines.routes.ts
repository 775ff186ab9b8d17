import {
  administrationBodySchema,
  administrationSchema,
  anticipatoryBoxBodySchema,
  anticipatorySchema,
  controlledEntryBodySchema,
  controlledStockBodySchema,
  controlledStockSchema,
  conversionBodySchema,
  conversionResultSchema,
  formularyItemSchema,
  idSchema,
  marQuerySchema,
  marSchema,
  patientIdParamsSchema,
  prescriptionChangeSchema,
  prescriptionInputSchema,
  prescriptionSchema,
  prescriptionStopSchema,
  regimenReviewSchema,
  todaySchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { zodApp } from '../../http/routes.ts';
import { requireContext } from '../../http/session.ts';
import * as controlled from './controlled-drugs.service.ts';
import * as service from './medicines.service.ts';

export function medicineRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = zodApp(base);
  const tags = ['medicines'];
  const params = patientIdParamsSchema;
  const withId = params.extend({ id: idSchema });

  app.get(
    '/medicines/formulary',
    { schema: { tags, response: { 200: z.array(formularyItemSchema) } } },
    async (request) => service.listFormulary(requireContext(request)),
  );
  app.post(
    '/medicines/convert',
    { schema: { tags, body: conversionBodySchema, response: { 200: conversionResultSchema } } },
    async (request) => service.convert(requireContext(request), request.body),
  );

  app.get(
    '/patients/:patientId/prescriptions',
    { schema: { tags, params, response: { 200: z.array(prescriptionSchema) } } },
    async (request) => service.listPrescriptions(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/prescriptions',
    { schema: { tags, params, body: prescriptionInputSchema, response: { 201: prescriptionSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.prescribe(deps, requireContext(request), request.params.patientId, request.body)),
  );
  app.post(
    '/patients/:patientId/prescriptions/review',
    {
      schema: {
        tags,
        params,
        body: z.object({
          draft: prescriptionInputSchema.nullable().default(null),
          replacingId: idSchema.nullable().default(null),
        }),
        response: { 200: regimenReviewSchema },
      },
    },
    async (request) =>
      service.reviewForPatient(
        deps,
        requireContext(request),
        request.params.patientId,
        request.body.draft,
        request.body.replacingId,
      ),
  );
  app.get(
    '/patients/:patientId/prescriptions/:id',
    { schema: { tags, params: withId, response: { 200: prescriptionSchema } } },
    async (request) =>
      service.getPrescription(deps, requireContext(request), request.params.patientId, request.params.id),
  );
  app.get(
    '/patients/:patientId/prescriptions/:id/versions',
    { schema: { tags, params: withId, response: { 200: z.array(prescriptionSchema) } } },
    async (request) =>
      service.prescriptionHistory(deps, requireContext(request), request.params.patientId, request.params.id),
  );
  app.post(
    '/patients/:patientId/prescriptions/:id/change',
    {
      schema: { tags, params: withId, body: prescriptionChangeSchema, response: { 200: prescriptionSchema } },
    },
    async (request) =>
      service.changePrescription(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.id,
        request.body,
      ),
  );
  app.post(
    '/patients/:patientId/prescriptions/:id/stop',
    { schema: { tags, params: withId, body: prescriptionStopSchema, response: { 200: prescriptionSchema } } },
    async (request) =>
      service.stopPrescription(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.id,
        request.body.reason,
      ),
  );

  app.post(
    '/patients/:patientId/administrations',
    { schema: { tags, params, body: administrationBodySchema, response: { 200: administrationSchema } } },
    async (request) =>
      service.recordAdministration(deps, requireContext(request), request.params.patientId, request.body),
  );
  app.post(
    '/patients/:patientId/administrations/:id/countersign',
    { schema: { tags, params: withId, response: { 200: administrationSchema } } },
    async (request) =>
      service.countersign(deps, requireContext(request), request.params.patientId, request.params.id),
  );
  app.get(
    '/patients/:patientId/medicine-chart',
    { schema: { tags, params, querystring: marQuerySchema, response: { 200: marSchema } } },
    async (request) =>
      service.medicineChart(deps, requireContext(request), request.params.patientId, request.query),
  );
  app.get(
    '/patients/:patientId/medicines/today',
    { schema: { tags, params, response: { 200: todaySchema } } },
    async (request) => service.todaySchedule(deps, requireContext(request), request.params.patientId),
  );

  app.get(
    '/patients/:patientId/anticipatory',
    { schema: { tags, params, response: { 200: anticipatorySchema } } },
    async (request) => service.getAnticipatory(deps, requireContext(request), request.params.patientId),
  );
  app.put(
    '/patients/:patientId/anticipatory/box',
    { schema: { tags, params, body: anticipatoryBoxBodySchema, response: { 200: anticipatorySchema } } },
    async (request) =>
      service.setAnticipatoryBox(deps, requireContext(request), request.params.patientId, request.body),
  );

  app.get(
    '/patients/:patientId/controlled-drugs',
    { schema: { tags, params, response: { 200: z.array(controlledStockSchema) } } },
    async (request) => controlled.listRegister(deps, requireContext(request), request.params.patientId),
  );
  app.post(
    '/patients/:patientId/controlled-drugs',
    { schema: { tags, params, body: controlledStockBodySchema, response: { 201: controlledStockSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await controlled.addStock(deps, requireContext(request), request.params.patientId, request.body),
        ),
  );
  app.post(
    '/patients/:patientId/controlled-drugs/:id/entries',
    {
      schema: {
        tags,
        params: withId,
        body: controlledEntryBodySchema,
        response: { 200: controlledStockSchema },
      },
    },
    async (request) =>
      controlled.addEntry(
        deps,
        requireContext(request),
        request.params.patientId,
        request.params.id,
        request.body,
      ),
  );
}

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
  weightBodySchema,
  weightSchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-context.ts';
import { serviceRoutes } from '../../http/service-routes.ts';
import * as controlled from './controlled-drugs.service.ts';
import * as service from './medicines.service.ts';
import * as weights from './weights.service.ts';

export function medicineRoutes(base: FastifyInstance, deps: AppDeps) {
  const r = serviceRoutes(base, deps, ['medicines']);
  const params = patientIdParamsSchema;
  const withId = params.extend({ id: idSchema });
  const reviewBody = z.object({
    draft: prescriptionInputSchema.nullable().default(null),
    replacingId: idSchema.nullable().default(null),
  });

  r.get('/medicines/formulary', { response: z.array(formularyItemSchema) }, (_d, ctx) =>
    service.listFormulary(ctx),
  );
  r.post(
    '/medicines/convert',
    { input: conversionBodySchema, response: conversionResultSchema },
    (d, ctx, _p, body) => service.convert(d, ctx, body),
  );

  // prescriptions: physicians write and change them; every change is a new version
  const rx = '/patients/:patientId/prescriptions';
  r.get(rx, { params, response: z.array(prescriptionSchema) }, (d, ctx, p) =>
    service.listPrescriptions(d, ctx, p.patientId),
  );
  r.create(rx, { params, input: prescriptionInputSchema, response: prescriptionSchema }, (d, ctx, p, body) =>
    service.prescribe(d, ctx, p.patientId, body),
  );
  r.post(`${rx}/review`, { params, input: reviewBody, response: regimenReviewSchema }, (d, ctx, p, body) =>
    service.reviewForPatient(d, ctx, p.patientId, body.draft, body.replacingId),
  );
  r.get(`${rx}/:id`, { params: withId, response: prescriptionSchema }, (d, ctx, p) =>
    service.getPrescription(d, ctx, p.patientId, p.id),
  );
  r.get(`${rx}/:id/versions`, { params: withId, response: z.array(prescriptionSchema) }, (d, ctx, p) =>
    service.prescriptionHistory(d, ctx, p.patientId, p.id),
  );
  r.post(
    `${rx}/:id/change`,
    { params: withId, input: prescriptionChangeSchema, response: prescriptionSchema },
    (d, ctx, p, body) => service.changePrescription(d, ctx, p.patientId, p.id, body),
  );
  r.post(
    `${rx}/:id/restart`,
    { params: withId, input: prescriptionChangeSchema, response: prescriptionSchema },
    (d, ctx, p, body) => service.changePrescription(d, ctx, p.patientId, p.id, body, 'restart'),
  );
  r.post(
    `${rx}/:id/stop`,
    { params: withId, input: prescriptionStopSchema, response: prescriptionSchema },
    (d, ctx, p, body) => service.stopPrescription(d, ctx, p.patientId, p.id, body.reason),
  );

  // the weight with its date (issue 12: children's mg/kg limits need a current one)
  const weightsPath = '/patients/:patientId/weights';
  r.get(weightsPath, { params, response: z.array(weightSchema) }, (d, ctx, p) =>
    weights.listWeights(d, ctx, p.patientId),
  );
  r.post(
    weightsPath,
    { params, input: weightBodySchema, response: z.array(weightSchema) },
    (d, ctx, p, body) => weights.recordWeight(d, ctx, p.patientId, body),
  );

  // administration through the dose guard, the chart (MAR) and today's schedule
  r.post(
    '/patients/:patientId/administrations',
    { params, input: administrationBodySchema, response: administrationSchema },
    (d, ctx, p, body) => service.recordAdministration(d, ctx, p.patientId, body),
  );
  r.post(
    '/patients/:patientId/administrations/:id/countersign',
    { params: withId, response: administrationSchema },
    (d, ctx, p) => service.countersign(d, ctx, p.patientId, p.id),
  );
  r.get(
    '/patients/:patientId/medicine-chart',
    { params, input: marQuerySchema, response: marSchema },
    (d, ctx, p, query) => service.medicineChart(d, ctx, p.patientId, query),
  );
  r.get('/patients/:patientId/medicines/today', { params, response: todaySchema }, (d, ctx, p) =>
    service.todaySchedule(d, ctx, p.patientId),
  );

  // "just in case" medicines and the controlled-drug register
  r.get('/patients/:patientId/anticipatory', { params, response: anticipatorySchema }, (d, ctx, p) =>
    service.getAnticipatory(d, ctx, p.patientId),
  );
  r.put(
    '/patients/:patientId/anticipatory/box',
    { params, input: anticipatoryBoxBodySchema, response: anticipatorySchema },
    (d, ctx, p, body) => service.setAnticipatoryBox(d, ctx, p.patientId, body),
  );
  const register = '/patients/:patientId/controlled-drugs';
  r.get(register, { params, response: z.array(controlledStockSchema) }, (d, ctx, p) =>
    controlled.listRegister(d, ctx, p.patientId),
  );
  r.create(
    register,
    { params, input: controlledStockBodySchema, response: controlledStockSchema },
    (d, ctx, p, body) => controlled.addStock(d, ctx, p.patientId, body),
  );
  r.post(
    `${register}/:id/entries`,
    { params: withId, input: controlledEntryBodySchema, response: controlledStockSchema },
    (d, ctx, p, body) => controlled.addEntry(d, ctx, p.patientId, p.id, body),
  );
}

import { z } from 'zod';
import { idSchema } from '../common/schemas.ts';
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
  marQuerySchema,
  marSchema,
  prescriptionChangeSchema,
  prescriptionInputSchema,
  prescriptionSchema,
  prescriptionStopSchema,
  regimenReviewSchema,
  todaySchema,
  weightBodySchema,
  weightSchema,
} from '../medicines/schemas.ts';
import { patientIdParamsSchema } from '../patients/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['medicines'] as const;
const params = patientIdParamsSchema;
const withId = params.extend({ id: idSchema });
const rx = '/patients/:patientId/prescriptions';
const register = '/patients/:patientId/controlled-drugs';

/** Prescriptions and their versions, doses, the chart, weights, anticipatory medicines and the register. */
export const medicationRoutes = {
  formulary: route({
    method: 'GET',
    path: '/medicines/formulary',
    response: z.array(formularyItemSchema),
    tags,
  }),
  convert: route({
    method: 'POST',
    path: '/medicines/convert',
    body: conversionBodySchema,
    response: conversionResultSchema,
    tags,
  }),
  prescriptions: route({ method: 'GET', path: rx, params, response: z.array(prescriptionSchema), tags }),
  prescribe: route({
    method: 'POST',
    path: rx,
    status: 201,
    params,
    body: prescriptionInputSchema,
    response: prescriptionSchema,
    tags,
  }),
  review: route({
    method: 'POST',
    path: `${rx}/review`,
    params,
    body: z.object({
      draft: prescriptionInputSchema.nullable().default(null),
      replacingId: idSchema.nullable().default(null),
    }),
    response: regimenReviewSchema,
    tags,
  }),
  prescription: route({
    method: 'GET',
    path: `${rx}/:id`,
    params: withId,
    response: prescriptionSchema,
    tags,
  }),
  versions: route({
    method: 'GET',
    path: `${rx}/:id/versions`,
    params: withId,
    response: z.array(prescriptionSchema),
    tags,
  }),
  change: route({
    method: 'POST',
    path: `${rx}/:id/change`,
    params: withId,
    body: prescriptionChangeSchema,
    response: prescriptionSchema,
    tags,
  }),
  restart: route({
    method: 'POST',
    path: `${rx}/:id/restart`,
    params: withId,
    body: prescriptionChangeSchema,
    response: prescriptionSchema,
    tags,
  }),
  stop: route({
    method: 'POST',
    path: `${rx}/:id/stop`,
    params: withId,
    body: prescriptionStopSchema,
    response: prescriptionSchema,
    tags,
  }),
  weights: route({
    method: 'GET',
    path: '/patients/:patientId/weights',
    params,
    response: z.array(weightSchema),
    tags,
  }),
  recordWeight: route({
    method: 'POST',
    path: '/patients/:patientId/weights',
    params,
    body: weightBodySchema,
    response: z.array(weightSchema),
    tags,
  }),
  /** The web sends doses through the outbox (offline), which replays this route. */
  recordDose: route({
    method: 'POST',
    path: '/patients/:patientId/administrations',
    params,
    body: administrationBodySchema,
    response: administrationSchema,
    tags,
  }),
  countersign: route({
    method: 'POST',
    path: '/patients/:patientId/administrations/:id/countersign',
    params: withId,
    response: administrationSchema,
    tags,
  }),
  chart: route({
    method: 'GET',
    path: '/patients/:patientId/medicine-chart',
    params,
    query: marQuerySchema,
    response: marSchema,
    tags,
  }),
  today: route({
    method: 'GET',
    path: '/patients/:patientId/medicines/today',
    params,
    response: todaySchema,
    tags,
  }),
  anticipatory: route({
    method: 'GET',
    path: '/patients/:patientId/anticipatory',
    params,
    response: anticipatorySchema,
    tags,
  }),
  setBox: route({
    method: 'PUT',
    path: '/patients/:patientId/anticipatory/box',
    params,
    body: anticipatoryBoxBodySchema,
    response: anticipatorySchema,
    tags,
  }),
  register: route({ method: 'GET', path: register, params, response: z.array(controlledStockSchema), tags }),
  addStock: route({
    method: 'POST',
    path: register,
    status: 201,
    params,
    body: controlledStockBodySchema,
    response: controlledStockSchema,
    tags,
  }),
  addEntry: route({
    method: 'POST',
    path: `${register}/:id/entries`,
    params: withId,
    body: controlledEntryBodySchema,
    response: controlledStockSchema,
    tags,
  }),
};

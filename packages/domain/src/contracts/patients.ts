import { z } from 'zod';
import { pageOf } from '../common/schemas.ts';
import { episodeViewSchema, restoreVisitsBodySchema } from '../episode/schemas.ts';
import { geocodeQuerySchema, geocodeResultSchema } from '../patients/geocoding.ts';
import {
  allergyInputSchema,
  contactInputSchema,
  diagnosisInputSchema,
  identityCorrectionBodySchema,
  patientCreateBodySchema,
  patientIdParamsSchema,
  patientListQuerySchema,
  patientSchema,
  patientStatusChangeBodySchema,
  patientSummarySchema,
  patientUpdateBodySchema,
} from '../patients/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['patients'] as const;
const params = patientIdParamsSchema;

/** The patient record: the caseload list, the record and its parts, the episode and address lookup. */
export const patientRoutes = {
  list: route({
    method: 'GET',
    path: '/patients',
    query: patientListQuerySchema,
    response: pageOf(patientSummarySchema),
    tags,
  }),
  areas: route({ method: 'GET', path: '/patients/areas', response: z.array(z.string()), tags }),
  create: route({
    method: 'POST',
    path: '/patients',
    status: 201,
    body: patientCreateBodySchema,
    response: patientSchema,
    tags,
  }),
  get: route({ method: 'GET', path: '/patients/:patientId', params, response: patientSchema, tags }),
  update: route({
    method: 'PATCH',
    path: '/patients/:patientId',
    params,
    body: patientUpdateBodySchema,
    response: patientSchema,
    tags,
  }),
  changeStatus: route({
    method: 'POST',
    path: '/patients/:patientId/status',
    params,
    body: patientStatusChangeBodySchema,
    response: patientSchema,
    tags,
  }),
  correctIdentity: route({
    method: 'POST',
    path: '/patients/:patientId/identity-corrections',
    params,
    body: identityCorrectionBodySchema,
    response: patientSchema,
    tags,
  }),
  addDiagnosis: route({
    method: 'POST',
    path: '/patients/:patientId/diagnoses',
    params,
    body: diagnosisInputSchema,
    response: patientSchema,
    tags,
  }),
  addAllergy: route({
    method: 'POST',
    path: '/patients/:patientId/allergies',
    params,
    body: allergyInputSchema,
    response: patientSchema,
    tags,
  }),
  addContact: route({
    method: 'POST',
    path: '/patients/:patientId/contacts',
    params,
    body: contactInputSchema,
    response: patientSchema,
    tags,
  }),
  episode: route({
    method: 'GET',
    path: '/patients/:patientId/episode',
    params,
    response: episodeViewSchema,
    tags,
  }),
  restoreVisits: route({
    method: 'POST',
    path: '/patients/:patientId/episode/restore-visits',
    params,
    body: restoreVisitsBodySchema,
    response: episodeViewSchema,
    tags,
  }),
  geocode: route({
    method: 'GET',
    path: '/geocode',
    query: geocodeQuerySchema,
    response: geocodeResultSchema,
    tags,
  }),
};

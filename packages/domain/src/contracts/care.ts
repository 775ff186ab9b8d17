import { z } from 'zod';
import { carePlanChangeBodySchema, carePlanSchema, carePlanVersionSchema } from '../care/care-plan.ts';
import {
  careTeamMemberSchema,
  duePatientSchema,
  meetingCreateBodySchema,
  meetingSchema,
} from '../care/meetings.ts';
import { shiftCreateBodySchema, shiftSchema } from '../care/planning.ts';
import {
  visitCompleteBodySchema,
  visitDocumentationSchema,
  visitRequestBodySchema,
  visitScheduleBodySchema,
  visitSchema,
  visitTransitionBodySchema,
} from '../care/visits.ts';
import { idSchema, isoDateSchema, okSchema } from '../common/schemas.ts';
import { patientIdParamsSchema } from '../patients/schemas.ts';
import { route } from './route-contract.ts';

const byId = z.object({ id: idSchema });
const byPatient = patientIdParamsSchema;
const onDate = z.object({ date: isoDateSchema.optional() });

/** A patient's care plan and its versions, the care team and the team meetings. */
export const carePlanRoutes = {
  get: route({
    method: 'GET',
    path: '/patients/:patientId/care-plan',
    params: byPatient,
    response: carePlanSchema,
    tags: ['care plans'],
  }),
  versions: route({
    method: 'GET',
    path: '/patients/:patientId/care-plan/versions',
    params: byPatient,
    response: z.array(carePlanVersionSchema),
    tags: ['care plans'],
  }),
  change: route({
    method: 'POST',
    path: '/patients/:patientId/care-plan',
    params: byPatient,
    body: carePlanChangeBodySchema,
    response: carePlanSchema,
    tags: ['care plans'],
  }),
  careTeam: route({
    method: 'GET',
    path: '/care-team',
    response: z.array(careTeamMemberSchema),
    tags: ['care plans'],
  }),
  meetingsDue: route({
    method: 'GET',
    path: '/meetings/due',
    query: onDate,
    response: z.array(duePatientSchema),
    tags: ['team meetings'],
  }),
  meetings: route({
    method: 'GET',
    path: '/meetings',
    response: z.array(meetingSchema),
    tags: ['team meetings'],
  }),
  recordMeeting: route({
    method: 'POST',
    path: '/meetings',
    status: 201,
    body: meetingCreateBodySchema,
    response: meetingSchema,
    tags: ['team meetings'],
  }),
  meeting: route({
    method: 'GET',
    path: '/meetings/:id',
    params: byId,
    response: meetingSchema,
    tags: ['team meetings'],
  }),
};

const vtags = ['visits'] as const;
const rtags = ['rota'] as const;

/** Visits (a patient's, the nurse's day, their steps) and the rota of shifts. */
export const visitRoutes = {
  forPatient: route({
    method: 'GET',
    path: '/patients/:patientId/visits',
    params: byPatient,
    query: z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() }),
    response: z.array(visitSchema),
    tags: vtags,
  }),
  request: route({
    method: 'POST',
    path: '/patients/:patientId/visits',
    status: 201,
    params: byPatient,
    body: visitRequestBodySchema,
    response: visitSchema,
    tags: vtags,
  }),
  mine: route({
    method: 'GET',
    path: '/visits/mine',
    query: onDate,
    response: z.object({ date: isoDateSchema, visits: z.array(visitSchema) }),
    tags: vtags,
  }),
  get: route({ method: 'GET', path: '/visits/:id', params: byId, response: visitSchema, tags: vtags }),
  schedule: route({
    method: 'POST',
    path: '/visits/:id/schedule',
    params: byId,
    body: visitScheduleBodySchema,
    response: visitSchema,
    tags: vtags,
  }),
  transition: route({
    method: 'POST',
    path: '/visits/:id/transition',
    params: byId,
    body: visitTransitionBodySchema,
    response: visitSchema,
    tags: vtags,
  }),
  complete: route({
    method: 'POST',
    path: '/visits/:id/complete',
    params: byId,
    body: visitCompleteBodySchema,
    response: visitSchema,
    tags: vtags,
  }),
  addNote: route({
    method: 'POST',
    path: '/visits/:id/notes',
    params: byId,
    body: z.object({ documentation: visitDocumentationSchema, clientId: z.uuid().optional() }),
    response: visitSchema,
    tags: vtags,
  }),
  rota: route({
    method: 'GET',
    path: '/rota',
    query: z.object({ from: isoDateSchema, to: isoDateSchema }),
    response: z.array(shiftSchema),
    tags: rtags,
  }),
  addShift: route({
    method: 'POST',
    path: '/rota/shifts',
    status: 201,
    body: shiftCreateBodySchema,
    response: shiftSchema,
    tags: rtags,
  }),
  cancelShift: route({
    method: 'DELETE',
    path: '/rota/shifts/:id',
    params: byId,
    response: okSchema,
    tags: rtags,
  }),
};

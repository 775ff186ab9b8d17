import { z } from 'zod';
import { idSchema, pageOf } from '../common/schemas.ts';
import {
  assignBodySchema,
  closeAssignmentBodySchema,
  decideHoursBodySchema,
  hoursEntrySchema,
  hoursListQuerySchema,
  logHoursBodySchema,
  matchSchema,
  monthSchema,
  paidCareHoursBodySchema,
  portalAssignmentListSchema,
  portalAssignmentSchema,
  respondBodySchema,
  screeningBodySchema,
  trainingBodySchema,
  volunteerBodySchema,
  volunteerDetailSchema,
  volunteerListQuerySchema,
  volunteerLoginBodySchema,
  volunteerLoginSchema,
  volunteerNoteBodySchema,
  volunteerPatchSchema,
  volunteerReportSchema,
  volunteerRequestBodySchema,
  volunteerRequestListQuerySchema,
  volunteerRequestSchema,
  volunteerSchema,
  volunteerStatusBodySchema,
} from '../volunteers/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['volunteers'] as const;
// the volunteer's own portal: only their assignments, only the minimum about the family
const portalTags = ['volunteer portal'] as const;
const byId = z.object({ id: idSchema });
const byAssignment = z.object({ id: idSchema, assignmentId: idSchema });
const byMonth = z.object({ month: monthSchema });

/** The volunteer coordinator's records: recruitment, screening, training, supervision and status. */
const records = {
  create: route({
    method: 'POST',
    path: '/volunteers',
    status: 201,
    body: volunteerBodySchema,
    response: volunteerDetailSchema,
    tags,
  }),
  list: route({
    method: 'GET',
    path: '/volunteers',
    query: volunteerListQuerySchema,
    response: pageOf(volunteerSchema),
    tags,
  }),
  get: route({ method: 'GET', path: '/volunteers/:id', params: byId, response: volunteerDetailSchema, tags }),
  update: route({
    method: 'PATCH',
    path: '/volunteers/:id',
    params: byId,
    body: volunteerPatchSchema,
    response: volunteerDetailSchema,
    tags,
  }),
  recordScreening: route({
    method: 'POST',
    path: '/volunteers/:id/screening',
    params: byId,
    body: screeningBodySchema,
    response: volunteerDetailSchema,
    tags,
  }),
  recordTraining: route({
    method: 'POST',
    path: '/volunteers/:id/training',
    params: byId,
    body: trainingBodySchema,
    response: volunteerDetailSchema,
    tags,
  }),
  addNote: route({
    method: 'POST',
    path: '/volunteers/:id/notes',
    params: byId,
    body: volunteerNoteBodySchema,
    response: volunteerDetailSchema,
    tags,
  }),
  changeStatus: route({
    method: 'POST',
    path: '/volunteers/:id/status',
    params: byId,
    body: volunteerStatusBodySchema,
    response: volunteerDetailSchema,
    tags,
  }),
  createLogin: route({
    method: 'POST',
    path: '/volunteers/:id/login',
    status: 201,
    params: byId,
    body: volunteerLoginBodySchema,
    response: volunteerLoginSchema,
    tags,
  }),
};

/** Families' requests for help, the volunteers matched to them, and the assignments. */
const requests = {
  createRequest: route({
    method: 'POST',
    path: '/volunteer-requests',
    status: 201,
    body: volunteerRequestBodySchema,
    response: volunteerRequestSchema,
    tags,
  }),
  listRequests: route({
    method: 'GET',
    path: '/volunteer-requests',
    query: volunteerRequestListQuerySchema,
    response: pageOf(volunteerRequestSchema),
    tags,
  }),
  getRequest: route({
    method: 'GET',
    path: '/volunteer-requests/:id',
    params: byId,
    response: volunteerRequestSchema,
    tags,
  }),
  matches: route({
    method: 'GET',
    path: '/volunteer-requests/:id/matches',
    params: byId,
    response: z.array(matchSchema),
    tags,
  }),
  assign: route({
    method: 'POST',
    path: '/volunteer-requests/:id/assignments',
    params: byId,
    body: assignBodySchema,
    response: volunteerRequestSchema,
    tags,
  }),
  cancelAssignment: route({
    method: 'POST',
    path: '/volunteer-requests/:id/assignments/:assignmentId/cancel',
    params: byAssignment,
    response: volunteerRequestSchema,
    tags,
  }),
  closeAssignment: route({
    method: 'POST',
    path: '/volunteer-requests/:id/assignments/:assignmentId/close',
    params: byAssignment,
    body: closeAssignmentBodySchema,
    response: volunteerRequestSchema,
    tags,
  }),
};

/** Approving the hours volunteers log, and the monthly report against paid care hours. */
const hours = {
  listHours: route({
    method: 'GET',
    path: '/volunteer-hours',
    query: hoursListQuerySchema,
    response: pageOf(hoursEntrySchema),
    tags,
  }),
  decideHours: route({
    method: 'POST',
    path: '/volunteer-hours/:id/decision',
    params: byId,
    body: decideHoursBodySchema,
    response: hoursEntrySchema,
    tags,
  }),
  report: route({
    method: 'GET',
    path: '/volunteer-reports/:month',
    params: byMonth,
    response: volunteerReportSchema,
    tags,
  }),
  setPaidCareHours: route({
    method: 'POST',
    path: '/volunteer-reports/:month/paid-care-hours',
    params: byMonth,
    body: paidCareHoursBodySchema,
    response: volunteerReportSchema,
    tags,
  }),
};

/** The volunteer's own portal. */
const portal = {
  myAssignments: route({
    method: 'GET',
    path: '/volunteer-portal/assignments',
    response: portalAssignmentListSchema,
    tags: portalTags,
  }),
  myAssignment: route({
    method: 'GET',
    path: '/volunteer-portal/assignments/:id',
    params: byId,
    response: portalAssignmentSchema,
    tags: portalTags,
  }),
  respond: route({
    method: 'POST',
    path: '/volunteer-portal/assignments/:id/response',
    params: byId,
    body: respondBodySchema,
    response: portalAssignmentSchema,
    tags: portalTags,
  }),
  logHours: route({
    method: 'POST',
    path: '/volunteer-portal/assignments/:id/hours',
    params: byId,
    body: logHoursBodySchema,
    response: portalAssignmentSchema,
    tags: portalTags,
  }),
};

/** Every volunteers route, by sub-feature. */
export const volunteerRoutes = { ...records, ...requests, ...hours, ...portal };

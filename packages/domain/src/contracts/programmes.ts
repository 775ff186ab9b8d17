import { z } from 'zod';
import { idSchema, pageOf } from '../common/schemas.ts';
import {
  attendanceBodySchema,
  campApplicationBodySchema,
  campApplicationSchema,
  careNoteBodySchema,
  certificateSchema,
  clownVisitBodySchema,
  clownVisitSchema,
  clownVisitStatusBodySchema,
  consentBodySchema,
  enrolmentBodySchema,
  enrolmentSchema,
  participantBodySchema,
  programmeBodySchema,
  programmeDetailSchema,
  programmeListQuerySchema,
  programmeSchema,
  rosterBodySchema,
  sessionBodySchema,
} from '../programmes/schemas.ts';
import { route } from './route-contract.ts';

const byId = z.object({ id: idSchema });

const tags = ['programmes'] as const;
/** Programmes, their sessions, and who works and takes part in a session. */
const sessions = {
  create: route({
    method: 'POST',
    path: '/programmes',
    status: 201,
    body: programmeBodySchema,
    response: programmeDetailSchema,
    tags,
  }),
  list: route({
    method: 'GET',
    path: '/programmes',
    query: programmeListQuerySchema,
    response: pageOf(programmeSchema),
    tags,
  }),
  get: route({ method: 'GET', path: '/programmes/:id', params: byId, response: programmeDetailSchema, tags }),
  addSession: route({
    method: 'POST',
    path: '/programmes/:id/sessions',
    params: byId,
    body: sessionBodySchema,
    response: programmeDetailSchema,
    tags,
  }),
  addToRoster: route({
    method: 'POST',
    path: '/programme-sessions/:id/roster',
    params: byId,
    body: rosterBodySchema,
    response: programmeDetailSchema,
    tags,
  }),
  removeFromRoster: route({
    method: 'DELETE',
    path: '/programme-sessions/:id/roster/:entryId',
    params: z.object({ id: idSchema, entryId: idSchema }),
    response: programmeDetailSchema,
    tags,
  }),
  addParticipant: route({
    method: 'POST',
    path: '/programme-sessions/:id/participants',
    params: byId,
    body: participantBodySchema,
    response: programmeDetailSchema,
    tags,
  }),
};

const campTags = ['summer camp'] as const;
/** Summer camp: applications with the waiting list, care notes and consent forms. */
const camp = {
  listApplications: route({
    method: 'GET',
    path: '/programme-sessions/:id/camp-applications',
    params: byId,
    response: z.array(campApplicationSchema),
    tags: campTags,
  }),
  applyToCamp: route({
    method: 'POST',
    path: '/programme-sessions/:id/camp-applications',
    status: 201,
    params: byId,
    body: campApplicationBodySchema,
    response: campApplicationSchema,
    tags: campTags,
  }),
  withdrawApplication: route({
    method: 'POST',
    path: '/camp-applications/:id/withdraw',
    params: byId,
    response: campApplicationSchema,
    tags: campTags,
  }),
  recordCareNote: route({
    method: 'POST',
    path: '/camp-applications/:id/care-notes',
    params: byId,
    body: careNoteBodySchema,
    response: campApplicationSchema,
    tags: campTags,
  }),
  recordConsent: route({
    method: 'POST',
    path: '/camp-applications/:id/consents',
    params: byId,
    body: consentBodySchema,
    response: campApplicationSchema,
    tags: campTags,
  }),
};

const clownTags = ['clown doctors'] as const;
/** Clown-doctor visits to children under care. */
const clown = {
  listClownVisits: route({
    method: 'GET',
    path: '/clown-visits',
    response: z.array(clownVisitSchema),
    tags: clownTags,
  }),
  scheduleClownVisit: route({
    method: 'POST',
    path: '/clown-visits',
    status: 201,
    body: clownVisitBodySchema,
    response: clownVisitSchema,
    tags: clownTags,
  }),
  closeClownVisit: route({
    method: 'POST',
    path: '/clown-visits/:id/status',
    params: byId,
    body: clownVisitStatusBodySchema,
    response: clownVisitSchema,
    tags: clownTags,
  }),
};

const courseTags = ['training centre'] as const;
/** The training centre: enrolments, attendance and certificates. */
const courses = {
  listEnrolments: route({
    method: 'GET',
    path: '/programmes/:id/enrolments',
    params: byId,
    response: z.array(enrolmentSchema),
    tags: courseTags,
  }),
  enrol: route({
    method: 'POST',
    path: '/programmes/:id/enrolments',
    status: 201,
    params: byId,
    body: enrolmentBodySchema,
    response: enrolmentSchema,
    tags: courseTags,
  }),
  markAttendance: route({
    method: 'POST',
    path: '/course-enrolments/:id/attendance',
    params: byId,
    body: attendanceBodySchema,
    response: enrolmentSchema,
    tags: courseTags,
  }),
  certificate: route({
    method: 'GET',
    path: '/course-enrolments/:id/certificate',
    params: byId,
    response: certificateSchema,
    tags: courseTags,
  }),
};

/** Every programmes route, by sub-feature. */
export const programmeRoutes = { ...sessions, ...camp, ...clown, ...courses };

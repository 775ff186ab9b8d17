import { z } from 'zod';
import {
  acpBodySchema,
  acpSummarySchema,
  acpViewSchema,
  careLevelMoveBodySchema,
  careLevelMoveSchema,
  transferSummarySchema,
} from '../advance-care/schemas.ts';
import { pageOf } from '../common/schemas.ts';
import {
  bereavementListQuerySchema,
  bereavementTaskCompleteSchema,
  bereavementTaskParamsSchema,
  bereavementTaskSchema,
  bereavementTaskUpdateSchema,
  checklistParamsSchema,
  checklistUpdateSchema,
  closeDeathRecordBodySchema,
  deathRecordBodySchema,
  deathRecordSchema,
  endOfLifeMeasuresQuerySchema,
  endOfLifeMeasuresSchema,
} from '../end-of-life/schemas.ts';
import { patientIdParamsSchema } from '../patients/schemas.ts';
import {
  caseNoteBodySchema,
  referralBodySchema,
  referralListQuerySchema,
  referralParamsSchema,
  referralSchema,
  referralUpdateSchema,
  routingParamsSchema,
  routingUpdateSchema,
} from '../support/schemas.ts';
import { route } from './route-contract.ts';

const params = patientIdParamsSchema;
const acp = ['advance-care'] as const;
const eol = ['end-of-life'] as const;
const support = ['support'] as const;

/** The advance care plan, level-of-care moves and the transfer summary. */
export const advanceCareRoutes = {
  plan: route({
    method: 'GET',
    path: '/patients/:patientId/advance-care-plan',
    params,
    response: acpViewSchema,
    tags: acp,
  }),
  recordPlan: route({
    method: 'POST',
    path: '/patients/:patientId/advance-care-plan',
    status: 201,
    params,
    body: acpBodySchema,
    response: acpViewSchema,
    tags: acp,
  }),
  planSummary: route({
    method: 'GET',
    path: '/patients/:patientId/advance-care-plan/summary',
    params,
    response: acpSummarySchema,
    tags: acp,
  }),
  transferSummary: route({
    method: 'GET',
    path: '/patients/:patientId/transfer-summary',
    params,
    response: transferSummarySchema,
    tags: acp,
  }),
  moves: route({
    method: 'GET',
    path: '/patients/:patientId/care-level',
    params,
    response: z.array(careLevelMoveSchema),
    tags: acp,
  }),
  moveCareLevel: route({
    method: 'POST',
    path: '/patients/:patientId/care-level',
    status: 201,
    params,
    body: careLevelMoveBodySchema,
    response: z.array(careLevelMoveSchema),
    tags: acp,
  }),
};

/** The death record with its checklist, bereavement tasks and the end-of-life measures. */
export const endOfLifeRoutes = {
  death: route({
    method: 'GET',
    path: '/patients/:patientId/death',
    params,
    response: deathRecordSchema,
    tags: eol,
  }),
  recordDeath: route({
    method: 'POST',
    path: '/patients/:patientId/death',
    status: 201,
    params,
    body: deathRecordBodySchema,
    response: deathRecordSchema,
    tags: eol,
  }),
  tickChecklist: route({
    method: 'PATCH',
    path: '/patients/:patientId/death/checklist/:item',
    params: checklistParamsSchema,
    body: checklistUpdateSchema,
    response: deathRecordSchema,
    tags: eol,
  }),
  closeDeath: route({
    method: 'POST',
    path: '/patients/:patientId/death/close',
    params,
    body: closeDeathRecordBodySchema,
    response: deathRecordSchema,
    tags: eol,
  }),
  patientTasks: route({
    method: 'GET',
    path: '/patients/:patientId/bereavement',
    params,
    response: z.array(bereavementTaskSchema),
    tags: eol,
  }),
  completeTask: route({
    method: 'POST',
    path: '/patients/:patientId/bereavement/:taskId/complete',
    params: bereavementTaskParamsSchema,
    body: bereavementTaskCompleteSchema,
    response: z.array(bereavementTaskSchema),
    tags: eol,
  }),
  reassignTask: route({
    method: 'PATCH',
    path: '/patients/:patientId/bereavement/:taskId',
    params: bereavementTaskParamsSchema,
    body: bereavementTaskUpdateSchema,
    response: z.array(bereavementTaskSchema),
    tags: eol,
  }),
  tasks: route({
    method: 'GET',
    path: '/bereavement/tasks',
    query: bereavementListQuerySchema,
    response: pageOf(bereavementTaskSchema),
    tags: eol,
  }),
  measures: route({
    method: 'GET',
    path: '/end-of-life/measures',
    query: endOfLifeMeasuresQuerySchema,
    response: endOfLifeMeasuresSchema,
    tags: eol,
  }),
};

const referral = '/patients/:patientId/support-referrals/:referralId';

/** Referrals to psychosocial and spiritual support, and their casework. */
export const supportRoutes = {
  referrals: route({
    method: 'GET',
    path: '/support/referrals',
    query: referralListQuerySchema,
    response: pageOf(referralSchema),
    tags: support,
  }),
  forPatient: route({
    method: 'GET',
    path: '/patients/:patientId/support-referrals',
    params,
    response: z.array(referralSchema),
    tags: support,
  }),
  refer: route({
    method: 'POST',
    path: '/patients/:patientId/support-referrals',
    status: 201,
    params,
    body: referralBodySchema,
    response: referralSchema,
    tags: support,
  }),
  update: route({
    method: 'PATCH',
    path: referral,
    params: referralParamsSchema,
    body: referralUpdateSchema,
    response: referralSchema,
    tags: support,
  }),
  addNote: route({
    method: 'POST',
    path: `${referral}/notes`,
    params: referralParamsSchema,
    body: caseNoteBodySchema,
    response: referralSchema,
    tags: support,
  }),
  routing: route({
    method: 'PATCH',
    path: `${referral}/routing/:item`,
    params: routingParamsSchema,
    body: routingUpdateSchema,
    response: referralSchema,
    tags: support,
  }),
};

import { z } from 'zod';
import { burdenBodySchema, burdenViewSchema, instrumentWordingBodySchema } from '../caregivers/burden.ts';
import {
  caregiverSkillsViewSchema,
  dutyRosterQuerySchema,
  dutyRosterSchema,
  dutyShiftBodySchema,
  dutyShiftParamsSchema,
  skillSignOffBodySchema,
} from '../caregivers/schemas.ts';
import { idSchema, okSchema, pageOf } from '../common/schemas.ts';
import {
  equipmentItemCreateSchema,
  equipmentItemPatchSchema,
  equipmentItemSchema,
  equipmentListQuerySchema,
  equipmentOverviewSchema,
  loanCollectSchema,
  loanDeliverSchema,
  loanParamsSchema,
  loanRequestSchema,
  loanSchema,
  loanStepSchema,
} from '../equipment/schemas.ts';
import {
  homeSafetyCheckBodySchema,
  homeSafetyOverviewSchema,
  safetyActionParamsSchema,
} from '../home-safety/schemas.ts';
import { patientIdParamsSchema } from '../patients/schemas.ts';
import { route } from './route-contract.ts';

const params = patientIdParamsSchema;
const eq = ['equipment'] as const;
const loan = '/patients/:patientId/equipment-loans/:loanId';

const loanStep = <B extends z.ZodObject>(step: string, body: B) =>
  route({
    method: 'POST',
    path: `${loan}/${step}`,
    params: loanParamsSchema,
    body,
    response: loanSchema,
    tags: eq,
  });

/** The equipment store and the loans of equipment to patients' homes, step by step. */
export const equipmentRoutes = {
  items: route({
    method: 'GET',
    path: '/equipment/items',
    query: equipmentListQuerySchema,
    response: pageOf(equipmentItemSchema),
    tags: eq,
  }),
  addItem: route({
    method: 'POST',
    path: '/equipment/items',
    status: 201,
    body: equipmentItemCreateSchema,
    response: equipmentItemSchema,
    tags: eq,
  }),
  patchItem: route({
    method: 'PATCH',
    path: '/equipment/items/:itemId',
    params: z.object({ itemId: idSchema }),
    body: equipmentItemPatchSchema,
    response: equipmentItemSchema,
    tags: eq,
  }),
  overview: route({
    method: 'GET',
    path: '/equipment/overview',
    response: equipmentOverviewSchema,
    tags: eq,
  }),
  loans: route({
    method: 'GET',
    path: '/patients/:patientId/equipment-loans',
    params,
    response: z.array(loanSchema),
    tags: eq,
  }),
  requestLoan: route({
    method: 'POST',
    path: '/patients/:patientId/equipment-loans',
    status: 201,
    params,
    body: loanRequestSchema,
    response: loanSchema,
    tags: eq,
  }),
  deliver: loanStep('deliver', loanDeliverSchema),
  inUse: loanStep('in-use', loanStepSchema),
  collect: loanStep('collect', loanCollectSchema),
  clean: loanStep('clean', loanStepSchema),
  cancel: loanStep('cancel', loanStepSchema),
};

const cg = ['caregivers'] as const;
const roster = '/patients/:patientId/duty-roster';

/** The family carers: skills signed off at the bedside, the duty roster and the burden score. */
export const caregiverRoutes = {
  skills: route({
    method: 'GET',
    path: '/patients/:patientId/caregiver-skills',
    params,
    response: caregiverSkillsViewSchema,
    tags: cg,
  }),
  /** The web sends sign-offs through the outbox (offline), which replays this route. */
  signSkill: route({
    method: 'POST',
    path: '/patients/:patientId/caregiver-skills',
    status: 201,
    params,
    body: skillSignOffBodySchema,
    response: caregiverSkillsViewSchema,
    tags: cg,
  }),
  roster: route({
    method: 'GET',
    path: roster,
    params,
    query: dutyRosterQuerySchema,
    response: dutyRosterSchema,
    tags: cg,
  }),
  addShift: route({
    method: 'POST',
    path: roster,
    status: 201,
    params,
    body: dutyShiftBodySchema,
    response: dutyRosterSchema,
    tags: cg,
  }),
  cancelShift: route({
    method: 'DELETE',
    path: `${roster}/:shiftId`,
    params: dutyShiftParamsSchema,
    response: dutyRosterSchema,
    tags: cg,
  }),
  burden: route({
    method: 'GET',
    path: '/patients/:patientId/caregiver-burden',
    params,
    response: burdenViewSchema,
    tags: cg,
  }),
  recordBurden: route({
    method: 'POST',
    path: '/patients/:patientId/caregiver-burden',
    status: 201,
    params,
    body: burdenBodySchema,
    response: burdenViewSchema,
    tags: cg,
  }),
  loadWording: route({
    method: 'PUT',
    path: '/instruments/zbi12/wording',
    body: instrumentWordingBodySchema,
    response: okSchema,
    tags: cg,
  }),
};

const hs = ['home-safety'] as const;

/** The home safety checks and the actions they raise. */
export const homeSafetyRoutes = {
  overview: route({
    method: 'GET',
    path: '/patients/:patientId/home-safety',
    params,
    response: homeSafetyOverviewSchema,
    tags: hs,
  }),
  /** The web sends checks through the outbox (offline), which replays this route. */
  recordCheck: route({
    method: 'POST',
    path: '/patients/:patientId/home-safety/checks',
    status: 201,
    params,
    body: homeSafetyCheckBodySchema,
    response: homeSafetyOverviewSchema,
    tags: hs,
  }),
  completeAction: route({
    method: 'POST',
    path: '/patients/:patientId/home-safety/actions/:actionId/done',
    params: safetyActionParamsSchema,
    response: homeSafetyOverviewSchema,
    tags: hs,
  }),
};

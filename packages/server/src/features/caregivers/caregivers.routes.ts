import {
  burdenBodySchema,
  burdenViewSchema,
  caregiverSkillsViewSchema,
  dutyRosterQuerySchema,
  dutyRosterSchema,
  dutyShiftBodySchema,
  dutyShiftParamsSchema,
  instrumentWordingBodySchema,
  okSchema,
  patientIdParamsSchema,
  skillSignOffBodySchema,
} from '@hearth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-context.ts';
import { serviceRoutes } from '../../http/service-routes.ts';
import * as service from './caregivers.service.ts';

export function caregiverRoutes(base: FastifyInstance, deps: AppDeps) {
  const r = serviceRoutes(base, deps, ['caregivers']);
  const params = patientIdParamsSchema;
  const skills = '/patients/:patientId/caregiver-skills';
  r.get(skills, { params, response: caregiverSkillsViewSchema }, (d, ctx, p) =>
    service.getSkills(d, ctx, p.patientId),
  );
  r.create(
    skills,
    { params, input: skillSignOffBodySchema, response: caregiverSkillsViewSchema },
    (d, ctx, p, body) => service.signSkill(d, ctx, p.patientId, body),
  );
  const roster = '/patients/:patientId/duty-roster';
  r.get(roster, { params, input: dutyRosterQuerySchema, response: dutyRosterSchema }, (d, ctx, p, query) =>
    service.getRoster(d, ctx, p.patientId, query),
  );
  r.create(roster, { params, input: dutyShiftBodySchema, response: dutyRosterSchema }, (d, ctx, p, body) =>
    service.addShift(d, ctx, p.patientId, body),
  );
  r.delete(`${roster}/:shiftId`, { params: dutyShiftParamsSchema, response: dutyRosterSchema }, (d, ctx, p) =>
    service.cancelShift(d, ctx, p.patientId, p.shiftId),
  );
  const burden = '/patients/:patientId/caregiver-burden';
  r.get(burden, { params, response: burdenViewSchema }, (d, ctx, p) =>
    service.getBurden(d, ctx, p.patientId),
  );
  r.create(burden, { params, input: burdenBodySchema, response: burdenViewSchema }, (d, ctx, p, body) =>
    service.recordBurden(d, ctx, p.patientId, body),
  );
  r.put(
    '/instruments/zbi12/wording',
    { input: instrumentWordingBodySchema, response: okSchema },
    (d, ctx, _p, body) => service.loadWording(d, ctx, body),
  );
}

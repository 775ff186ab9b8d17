import { z } from 'zod';
import { idSchema, okSchema } from '../common/schemas.ts';
import {
  callLogBodySchema,
  callLogQuerySchema,
  callLogSchema,
  handoverBodySchema,
  onCallNowSchema,
  onCallShiftBodySchema,
  onCallShiftSchema,
  rotaQuerySchema,
  rotaViewSchema,
} from '../oncall/rota.ts';
import { route } from './route-contract.ts';

const tags = ['on-call'] as const;
const callTags = ['calls'] as const;
const params = z.object({ id: idSchema });

/** The on-call rota, who is on call now, handovers and the log of calls. */
export const onCallRoutes = {
  rota: route({
    method: 'GET',
    path: '/on-call/shifts',
    query: rotaQuerySchema,
    response: rotaViewSchema,
    tags,
  }),
  now: route({ method: 'GET', path: '/on-call/now', response: onCallNowSchema, tags }),
  addShift: route({
    method: 'POST',
    path: '/on-call/shifts',
    status: 201,
    body: onCallShiftBodySchema,
    response: onCallShiftSchema,
    tags,
  }),
  cancelShift: route({
    method: 'POST',
    path: '/on-call/shifts/:id/cancel',
    params,
    response: okSchema,
    tags,
  }),
  handover: route({
    method: 'POST',
    path: '/on-call/shifts/:id/handover',
    params,
    body: handoverBodySchema,
    response: onCallShiftSchema,
    tags,
  }),
  logCall: route({
    method: 'POST',
    path: '/calls',
    status: 201,
    body: callLogBodySchema,
    response: callLogSchema,
    tags: callTags,
  }),
  calls: route({
    method: 'GET',
    path: '/calls',
    query: callLogQuerySchema,
    response: z.object({ items: z.array(callLogSchema) }),
    tags: callTags,
  }),
};

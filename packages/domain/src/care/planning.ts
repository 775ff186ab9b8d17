import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema } from '../common/schemas.ts';
import { disciplineSchema, hhmmSchema } from './care-plan.ts';

export const measuresSchema = z.object({
  travelMinutes: z.number(),
  travelKm: z.number(),
  visitsPlanned: z.number().int(),
  visitsRequired: z.number().int(),
  continuity: z.number().nullable(),
  overtimeMinutes: z.number(),
  travelMinutesPerVisit: z.number().nullable(),
});

export const routeWarningSchema = z.object({
  code: z.enum(['window', 'skill', 'overtime', 'no_shift']),
  visitId: idSchema.optional(),
  detail: z.string().optional(),
});

/** One stop on a staff member's day, as the board and the plan preview show it. */
export const boardStopSchema = z.object({
  visitId: z.string(),
  patientId: idSchema,
  patientName: z.string(),
  address: z.string(),
  coordinates: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  discipline: disciplineSchema,
  kind: z.string(),
  status: z.string(),
  arrival: hhmmSchema,
  start: hhmmSchema,
  end: hhmmSchema,
  travelMinutes: z.number(),
  travelKm: z.number(),
  windowFrom: hhmmSchema.nullable(),
  windowTo: hhmmSchema.nullable(),
  warnings: z.array(routeWarningSchema),
});

export const boardRouteSchema = z.object({
  staffId: idSchema,
  staffName: z.string(),
  role: z.string(),
  date: isoDateSchema,
  shift: z.object({ start: hhmmSchema, end: hhmmSchema }).nullable(),
  stops: z.array(boardStopSchema),
  returnTime: hhmmSchema,
  travelMinutes: z.number(),
  travelKm: z.number(),
  overtimeMinutes: z.number(),
  warnings: z.array(routeWarningSchema),
});
export type BoardRoute = z.infer<typeof boardRouteSchema>;

export const dispatchBoardSchema = z.object({
  date: isoDateSchema,
  base: z.object({ lat: z.number(), lon: z.number() }),
  routes: z.array(boardRouteSchema),
  unassigned: z.array(z.object({ visitId: idSchema, patientName: z.string(), discipline: disciplineSchema })),
  measures: measuresSchema,
  travelSource: z.enum(['table', 'estimate']),
  /** Map tiles under the route picture (organization setting); null draws the routes alone. */
  mapTileUrl: z.string().nullable(),
});
export type DispatchBoard = z.infer<typeof dispatchBoardSchema>;

export const planRunStatuses = ['running', 'ready', 'failed', 'published', 'discarded'] as const;

export const planRunSchema = z.object({
  id: idSchema,
  kind: z.enum(['week', 'urgent']),
  status: z.enum(planRunStatuses),
  weekStart: isoDateSchema,
  progress: z.object({
    fraction: z.number(),
    seconds: z.number(),
    iterations: z.number(),
    bestCost: z.number().nullable(),
  }),
  routes: z.array(boardRouteSchema),
  unassigned: z.array(
    z.object({
      patientId: idSchema,
      patientName: z.string(),
      discipline: disciplineSchema,
      reason: z.string(),
    }),
  ),
  measures: measuresSchema.nullable(),
  /** For an urgent insertion: what changes for the visits already planned today. */
  changes: z.array(
    z.object({
      visitId: z.string(),
      patientName: z.string(),
      fromStaffName: z.string().nullable(),
      toStaffName: z.string(),
      fromStart: hhmmSchema.nullable(),
      toStart: hhmmSchema,
    }),
  ),
  error: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export type PlanRun = z.infer<typeof planRunSchema>;

export const planWeekBodySchema = z.object({
  /** The Monday of the week to plan. */
  weekStart: isoDateSchema,
});

export const urgentVisitBodySchema = z.object({
  patientId: idSchema,
  discipline: disciplineSchema,
  durationMinutes: z.number().int().min(10).max(240).default(60),
  reason: z.string().trim().min(3).max(500),
  /** The source alert, when dispatched from one (clinical watch). */
  alertId: idSchema.optional(),
});

export const moveVisitBodySchema = z.object({
  staffId: idSchema,
  date: isoDateSchema,
  /** Position in the target route (0-based); default: by time. */
  position: z.number().int().min(0).max(100).optional(),
});

export const shiftSchema = z.object({
  id: idSchema,
  staffId: idSchema,
  staffName: z.string(),
  role: z.string(),
  date: isoDateSchema,
  start: hhmmSchema,
  end: hhmmSchema,
});
export const shiftCreateBodySchema = z.object({
  staffId: idSchema,
  date: isoDateSchema,
  start: hhmmSchema,
  end: hhmmSchema,
});

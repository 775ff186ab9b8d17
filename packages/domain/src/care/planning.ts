import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema } from '../common/schemas.ts';
import { capacitySchema, unplannedCodes } from './capacity.ts';
import { disciplineSchema, hhmmSchema } from './care-plan.ts';
import { visitRequirementSchema } from './requirements.ts';

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
  /**
   * The route sheet's notes (issue 14), on the dispatch board only (plan previews and runs
   * stored before them have none): why the visit was asked for, how to get in, and the latest
   * documentation of the visit once it has been recorded.
   */
  reason: z.string().nullable().optional(),
  accessNotes: z.string().nullable().optional(),
  documentation: z.string().nullable().optional(),
});
export type BoardStop = z.infer<typeof boardStopSchema>;

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
  /** Visits of the day put on hold while their patient is away from home, shown apart from the routes. */
  held: z.array(
    z.object({
      visitId: idSchema,
      patientId: idSchema,
      patientName: z.string(),
      discipline: disciplineSchema,
      staffName: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  measures: measuresSchema,
  travelSource: z.enum(['table', 'estimate']),
  /** Map tiles under the route picture (organization setting); null draws the routes alone. */
  mapTileUrl: z.string().nullable(),
});
export type DispatchBoard = z.infer<typeof dispatchBoardSchema>;

/** A visit a week plan adds, in its comparison with the published plan. */
export const planAddedVisitSchema = z.object({
  patientName: z.string(),
  discipline: disciplineSchema,
  staffName: z.string(),
  date: isoDateSchema,
  start: hhmmSchema,
});

export const planRunStatuses = ['running', 'ready', 'failed', 'published', 'discarded'] as const;

/** How far the planner has got with a run (kept with the run, so every process shows it). */
export const planRunProgressSchema = z.object({
  fraction: z.number(),
  seconds: z.number(),
  iterations: z.number(),
  bestCost: z.number().nullable(),
});
export type PlanRunProgress = z.infer<typeof planRunProgressSchema>;

export const planRunSchema = z.object({
  id: idSchema,
  kind: z.enum(['week', 'urgent']),
  status: z.enum(planRunStatuses),
  weekStart: isoDateSchema,
  progress: planRunProgressSchema,
  routes: z.array(boardRouteSchema),
  unassigned: z.array(
    z.object({
      patientId: idSchema,
      patientName: z.string(),
      discipline: disciplineSchema,
      reason: z.string(),
      /** The planner's reason code (runs stored before codes existed have only the sentence). */
      code: z.enum(unplannedCodes).optional(),
      /** The days it could have happened on. */
      dates: z.array(isoDateSchema).optional(),
    }),
  ),
  measures: measuresSchema.nullable(),
  /** Week plans: hours by discipline and day, and what would let the unplanned visits in. */
  capacity: capacitySchema.nullable(),
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
  /**
   * For an urgent insertion: the patient's visit of the same discipline still to come today, and
   * whether the urgent visit takes its place (brought forward) or comes in addition to it.
   */
  sameDayVisit: z
    .object({
      visitId: idSchema,
      staffName: z.string().nullable(),
      start: hhmmSchema.nullable(),
      merged: z.boolean(),
    })
    .nullable(),
  /**
   * For an urgent insertion: when the visit arrives, and the answer-by time of the alert it was
   * sent from (null without an alert). `byAnswerBy` false: it cannot arrive in time, so the
   * coordinator may call the on-call doctor instead.
   */
  urgentTiming: z
    .object({
      arrives: hhmmSchema,
      answerBy: hhmmSchema.nullable(),
      byAnswerBy: z.boolean().nullable(),
    })
    .nullable(),
  /**
   * For a week plan: what publishing it changes against the visits already published for the
   * week. It adds visits; the published ones still to come are planned around and kept as they
   * are (a week plan never moves or removes a published visit).
   */
  againstPublished: z
    .object({
      kept: z.number().int(),
      added: z.array(planAddedVisitSchema),
    })
    .nullable(),
  error: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export type PlanRun = z.infer<typeof planRunSchema>;

/**
 * A reviewed run's result as the run keeps it: what the review shows (optional parts are absent
 * from kinds of run, or runs stored, without them) and the assignments publishing makes real.
 */
export const planRunResultSchema = z.object({
  routes: z.array(boardRouteSchema),
  unassigned: planRunSchema.shape.unassigned,
  measures: planRunSchema.shape.measures,
  capacity: planRunSchema.shape.capacity.optional(),
  changes: planRunSchema.shape.changes,
  /** What publishing creates or changes: `key` is a requirement's visit, a visit id, or 'urgent'. */
  assignments: z.array(
    z.object({
      key: z.string(),
      staffId: idSchema,
      date: isoDateSchema,
      start: z.number(),
      sequence: z.number(),
    }),
  ),
  sameDayVisit: planRunSchema.shape.sameDayVisit.optional(),
  urgentTiming: planRunSchema.shape.urgentTiming.optional(),
  againstPublished: planRunSchema.shape.againstPublished.optional(),
});
export type PlanRunResult = z.infer<typeof planRunResultSchema>;

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
  /**
   * When the patient already has a visit of this discipline later today: bring it forward as
   * the urgent visit ('merge', the default) or book the urgent visit as well ('keep').
   */
  sameDayVisit: z.enum(['merge', 'keep']).default('merge'),
});

/** What a week run was asked: the week's requirements, each with its patient's name and place. */
export const weekRunInputSchema = z.object({
  weekStart: isoDateSchema,
  requirements: z.array(
    visitRequirementSchema.extend({
      patientName: z.string(),
      address: z.string(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
    }),
  ),
});
export type WeekRunInput = z.infer<typeof weekRunInputSchema>;

/** What an urgent run was asked, on the day it was asked for. */
export const urgentRunInputSchema = z.object({
  date: isoDateSchema,
  patientId: idSchema,
  discipline: disciplineSchema,
  durationMinutes: z.number(),
  reason: z.string(),
  alertId: idSchema.nullable(),
  /** The patient's visit later today that the urgent visit takes the place of (brought forward). */
  mergeVisitId: idSchema.nullable().optional(),
});
export type UrgentRunInput = z.infer<typeof urgentRunInputSchema>;

/** What a run was asked (kind and its parameters), kept so any process can prepare it again. */
export const planRunRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('week'), weekStart: isoDateSchema }),
  urgentVisitBodySchema.extend({ kind: z.literal('urgent') }),
]);
export type PlanRunRequest = z.output<typeof planRunRequestSchema>;

export const moveVisitBodySchema = z.object({
  staffId: idSchema,
  date: isoDateSchema,
  /** Position in the target route (0-based); default: by time. */
  position: z.number().int().min(0).max(100).optional(),
});

/**
 * What a move would do, before anything is saved: the day's board after it, every visit whose
 * person, day or time changes (the people to tell), and the warnings the move adds.
 */
export const movePreviewSchema = z.object({
  board: dispatchBoardSchema,
  changes: z.array(
    z.object({
      visitId: z.string(),
      patientName: z.string(),
      fromStaffName: z.string().nullable(),
      toStaffName: z.string(),
      fromDate: isoDateSchema,
      toDate: isoDateSchema,
      fromStart: hhmmSchema.nullable(),
      toStart: hhmmSchema,
    }),
  ),
  warnings: z.array(routeWarningSchema.extend({ staffName: z.string(), patientName: z.string().nullable() })),
});
export type MovePreview = z.infer<typeof movePreviewSchema>;

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

/**
 * The one place that knows the planner's JSON model ("hearth-planner/1"). Hearth's visits,
 * staff and rota go in; assignments come out. A change in the planner's API touches this file.
 */
import type { Plan, Visit as PlannerVisit, Problem, UnplannedCode } from '@hearth/planner';

export interface AdapterStaff {
  id: string;
  disciplines: string[];
  /** Shifts by day of the horizon, in minutes since local midnight. */
  shifts: { day: number; start: number; end: number }[];
  /** Minutes the person may work past the end of a shift, at a cost (none: the shift end is hard). */
  maxOvertime?: number;
}

export interface AdapterVisit {
  id: string;
  /** Index of the home in the travel matrix (0 is the base). */
  location: number;
  discipline: string;
  durationMinutes: number;
  window: { start: number; end: number } | null;
  /** Allowed days of the horizon. */
  days: number[];
  count?: number;
  minGapDays?: number;
  keyWorkerId?: string | null;
  /** A visit already under way keeps its person and time. */
  fixed?: { staffId: string; day: number; start: number };
  mandatory?: boolean;
  priority?: number;
  /** Starting after the window is allowed, at a cost per minute late. */
  soft?: boolean;
  /** As soon as possible from this minute on: each minute later costs `costPerMinute`. */
  asSoonAsPossible?: { from: number; costPerMinute: number };
}

export interface AdapterInput {
  name: string;
  days: number;
  /** Minutes and kilometres between locations; index 0 is the team's base. */
  minutes: number[][];
  km: number[][];
  staff: AdapterStaff[];
  visits: AdapterVisit[];
  /** The organization's weights for an even share of work and for overtime (settings). */
  weights?: { balance: number; overtime: number };
}

export interface Assignment {
  visitId: string;
  /** 1-based occurrence of a repeated requirement. */
  occurrence: number;
  staffId: string;
  day: number;
  arrival: number;
  start: number;
  /** Position in the route. */
  sequence: number;
}

export interface AdapterResult {
  assignments: Assignment[];
  unassigned: { visitId: string; occurrence: number; code: UnplannedCode; reason: string }[];
}

export function toProblem(input: AdapterInput): Problem {
  const staffIds = new Set(input.staff.filter((s) => s.shifts.length > 0).map((s) => s.id));
  return {
    format: 'hearth-planner/1',
    name: input.name,
    days: input.days,
    travel: { type: 'matrix', durations: input.minutes, distances: input.km },
    staff: input.staff
      .filter((s) => s.shifts.length > 0)
      .map((s) => ({
        id: s.id,
        skills: s.disciplines,
        shifts: s.shifts.map((sh) => ({ day: sh.day, start: sh.start, end: sh.end })),
        start: 0,
        ...(s.maxOvertime ? { maxOvertime: s.maxOvertime } : {}),
      })),
    // a fixed visit of someone not working in the horizon cannot be planned around: leave it out
    visits: input.visits
      .filter((v) => !v.fixed || staffIds.has(v.fixed.staffId))
      .map((v) => {
        const out: PlannerVisit = {
          id: v.id,
          location: v.location,
          duration: v.durationMinutes,
          skills: [v.discipline],
          days: v.days,
        };
        if (v.window) out.windows = [v.window];
        if (v.window && v.soft) Object.assign(out, { soft: true, latenessCost: 5 });
        if (v.asSoonAsPossible)
          Object.assign(out, {
            latenessFrom: v.asSoonAsPossible.from,
            latenessCost: v.asSoonAsPossible.costPerMinute,
          });
        if (v.count && v.count > 1) out.repeat = { count: v.count, minGapDays: v.minGapDays ?? 1 };
        if (v.keyWorkerId && staffIds.has(v.keyWorkerId)) out.preferredStaff = [v.keyWorkerId];
        if (v.fixed && staffIds.has(v.fixed.staffId))
          out.fixed = { staff: v.fixed.staffId, day: v.fixed.day, start: v.fixed.start };
        if (v.mandatory) out.mandatory = true;
        if (v.priority) out.priority = v.priority;
        return out;
      }),
    objective: {
      preset: 'care',
      weights: {
        continuity: 30,
        ...(input.weights ? { balance: input.weights.balance, overtime: input.weights.overtime } : {}),
      },
    },
  };
}

export function fromPlan(plan: Plan): AdapterResult {
  const assignments: Assignment[] = [];
  for (const r of plan.routes) {
    r.stops.forEach((s, i) => {
      assignments.push({
        visitId: s.visit,
        occurrence: s.occurrence ?? 1,
        staffId: r.staff,
        day: r.day,
        arrival: s.arrival,
        start: s.start,
        sequence: i,
      });
    });
  }
  return {
    assignments,
    unassigned: plan.unassigned.map((u) => ({
      visitId: u.visit,
      occurrence: u.occurrence ?? 1,
      code: u.code,
      reason: u.reason,
    })),
  };
}

/** The current routes as a previous plan, so re-planning starts from them. */
export function previousPlan(routes: { staffId: string; day: number; visitIds: string[] }[]): Plan {
  return {
    name: 'current',
    routes: routes.map((r) => ({
      staff: r.staffId,
      day: r.day,
      shift: 0,
      stops: r.visitIds.map((visit) => ({ visit, arrival: 0, start: 0, end: 0, lateness: 0 })),
      departure: 0,
      returnTime: 0,
      distance: 0,
      travelTime: 0,
    })),
    unassigned: [],
    vehicles: routes.length,
    distance: 0,
    travelTime: 0,
    lateness: 0,
    cost: 0,
    iterations: 0,
    seconds: 0,
  };
}

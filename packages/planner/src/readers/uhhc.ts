import type { Problem, Staff, Visit } from '../model.ts';

/** The subset of the UHHC JSON format (Ceschia et al.) that the reader uses. */
export interface UhhcInstance {
  metadata: { time_window_met?: string; cost_components?: Record<string, number | string>; name?: string };
  distances: number[][];
  terminal_points: { id: string; distance_matrix_index: number }[];
  caregivers: {
    id: string;
    abilities: string[];
    departing_point: string;
    arrival_point: string;
    working_shift: { start: number; end: number };
    lunch_break?: boolean;
  }[];
  patients: {
    id: string;
    required_services: { service: string; duration: number }[];
    distance_matrix_index: number;
    time_windows: { start: number; end: number }[];
    preferred_caregivers?: string[];
    optional?: boolean;
    synchronization?: { type: string; distance?: { min: number; max: number } };
  }[];
  lunch_breaks?: { start: number; end: number; min_duration: number };
}

/** Work after the end of a shift is allowed (UHHC "extra time", a soft cost) up to this limit. */
export const EXTRA_TIME_LIMIT = 120;

export const uhhcVisitId = (patient: string, k: number) => `${patient}/${k}`;

function weight(meta: UhhcInstance['metadata'], key: string, dflt: number): number {
  const v = meta.cost_components?.[key];
  return typeof v === 'number' ? v : dflt;
}

/**
 * Converts to the planner model: one visit per required service (abilities = skills), windows
 * moved to the start of service when they are met at the end, `simultaneous` and `sequential`
 * services linked, preferred caregivers, optional patients as non-mandatory visits whose omission
 * costs the instance's optional_patients weight, lunch breaks as breaks (a missed one costs the
 * missed_lunch_break weight).
 */
export function uhhcToProblem(u: UhhcInstance, name = 'uhhc'): Problem {
  const atEnd = u.metadata.time_window_met === 'at_service_end';
  const points = new Map(u.terminal_points.map((t) => [t.id, t.distance_matrix_index]));
  const lb = u.lunch_breaks;
  const staff: Staff[] = u.caregivers.map((c) => ({
    id: c.id,
    skills: c.abilities,
    start: points.get(c.departing_point) ?? 0,
    end: points.get(c.arrival_point) ?? points.get(c.departing_point) ?? 0,
    maxOvertime: EXTRA_TIME_LIMIT,
    shifts: [
      {
        start: c.working_shift.start,
        end: c.working_shift.end,
        ...(c.lunch_break && lb
          ? { break: { start: lb.start, end: lb.end - lb.min_duration, duration: lb.min_duration } }
          : {}),
      },
    ],
  }));
  const visits: Visit[] = [];
  for (const p of u.patients) {
    p.required_services.forEach((s, k) => {
      const v: Visit = {
        id: uhhcVisitId(p.id, k),
        location: p.distance_matrix_index,
        duration: s.duration,
        windows: p.time_windows.map((w) =>
          atEnd ? { start: w.start - s.duration, end: w.end - s.duration } : w,
        ),
        skills: [s.service],
        mandatory: !p.optional,
        priority: p.optional ? weight(u.metadata, 'optional_patients', 100) : 1e4,
      };
      if (p.preferred_caregivers && p.preferred_caregivers.length > 0)
        v.preferredStaff = p.preferred_caregivers;
      const sync = p.synchronization?.type;
      if (k === 1 && (sync === 'simultaneous' || sync === 'sequential')) {
        const d =
          sync === 'sequential' ? (p.synchronization?.distance ?? { min: 0, max: 0 }) : { min: 0, max: 0 };
        v.linkedTo = { visit: uhhcVisitId(p.id, 0), minDelay: d.min, maxDelay: d.max };
      }
      visits.push(v);
    });
  }
  return {
    format: 'hearth-planner/1',
    name: u.metadata.name ?? name,
    travel: { type: 'matrix', durations: u.distances },
    staff,
    visits,
    objective: {
      preset: 'care',
      weights: {
        unassigned: 1,
        travelTime: weight(u.metadata, 'travel_time', 1),
        continuity: weight(u.metadata, 'caregiver_preferences', 10),
        missedBreak: weight(u.metadata, 'missed_lunch_break', 2),
        overtime: weight(u.metadata, 'total_extra_time', 10),
      },
    },
  };
}

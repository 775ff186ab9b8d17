/**
 * The planner's public JSON model (format "hearth-planner/1").
 *
 * Units: the planner does not care which time unit is used as long as it is the same everywhere
 * (Hearth uses minutes since midnight of the day in question). Distances are in the unit of the
 * travel model (kilometres for `greatCircle`, coordinate units for `euclidean`, whatever the
 * matrix holds for `matrix`). Every time is relative to the start of its own day: a shift on day 2
 * from 480 to 960 means 08:00–16:00 on the third day of the horizon.
 */

/** A place: planar coordinates (benchmarks) or latitude/longitude in degrees (real addresses). */
export interface Location {
  x?: number;
  y?: number;
  lat?: number;
  lon?: number;
}

/** How travel time and distance between two locations are obtained. */
export type TravelModel =
  /** Straight-line distance; time = distance / speed (speed defaults to 1, as in Solomon files). */
  | { type: 'euclidean'; speed?: number }
  /** Haversine distance in km × roadFactor (default 1.3); time in minutes = km / speedKmh × 60. */
  | { type: 'greatCircle'; roadFactor?: number; speedKmh?: number }
  /** Square matrices indexed by location index; distances default to durations. */
  | { type: 'matrix'; durations: number[][]; distances?: number[][] };

export interface TimeWindow {
  start: number;
  end: number;
}

export interface Break {
  /** The break must start inside [start, end]. */
  start: number;
  end: number;
  duration: number;
}

export interface Shift {
  /** Day of the horizon, 0-based (default 0). */
  day?: number;
  start: number;
  end: number;
  break?: Break;
}

export interface Staff {
  id: string;
  /** Skills or disciplines this person has (e.g. "nurse", "wound-care"). */
  skills?: string[];
  /** One or more shifts; each shift is one route. */
  shifts: Shift[];
  /** Index into `locations` where the shift starts (home or base). */
  start: number;
  /** Index into `locations` where the shift ends (defaults to `start`). */
  end?: number;
  /** Time allowed after the end of a shift, each unit costing the objective's `overtime` weight. */
  maxOvertime?: number;
  /** Maximum working time per shift, from leaving to coming back (hard). */
  maxWorkTime?: number;
  /** Capacity per dimension (same length as visits' `demand`). */
  capacity?: number[];
  /** Multiplies the objective's `travelTime` weight for this person (default 1). */
  costPerTime?: number;
  /** Multiplies the objective's `distance` weight for this person (default 1). */
  costPerDistance?: number;
}

export interface Repeat {
  /** Number of visits to make within the allowed `days`. */
  count: number;
  /** Minimum number of days between two of these visits (1 = different days, 2 = not consecutive). */
  minGapDays?: number;
}

export interface FixedAssignment {
  /** Staff id doing (or having done) the visit. */
  staff: string;
  day?: number;
  /** Start time of the service; it is kept exactly. */
  start: number;
}

export interface Visit {
  id: string;
  location: number;
  /** Service duration. */
  duration: number;
  /** One or more windows for the start of service, on every allowed day (none = any time in a shift). */
  windows?: TimeWindow[];
  /** If true, starting after the last window's end is allowed at `latenessCost` per time unit. */
  soft?: boolean;
  latenessCost?: number;
  /**
   * Counts lateness from this time instead (each unit after it costs `latenessCost`), while the
   * windows stay hard unless `soft`: "as early as possible, and by the end of the window at the
   * latest", as for an urgent visit.
   */
  latenessFrom?: number;
  /** Every listed skill must be held by each person doing the visit. */
  skills?: string[];
  /** Cost of leaving the visit unplanned is priority × objective.unassigned (default priority 1). */
  priority?: number;
  /** Mandatory visits are always attempted first; if impossible, the plan says why. */
  mandatory?: boolean;
  allowedStaff?: string[];
  preferredStaff?: string[];
  excludedStaff?: string[];
  /** 1 (default) or 2: two people who start the visit at the same time. */
  staffCount?: number;
  /** Demand per capacity dimension. */
  demand?: number[];
  /**
   * Link to another single-person visit: this one starts between minDelay and maxDelay (default 0)
   * after the other starts, by a different person (e.g. two different services at one home).
   */
  linkedTo?: { visit: string; minDelay?: number; maxDelay?: number };
  /** Days on which the visit may take place (default: [0]). */
  days?: number[];
  /** "count visits in these days, at least minGapDays apart"; the engine chooses the days. */
  repeat?: Repeat;
  /** A visit already started or done: it stays with this person at this time. */
  fixed?: FixedAssignment;
}

export interface ObjectiveWeights {
  /** Cost per priority unit of an unplanned visit. */
  unassigned?: number;
  /** Cost per route (staff shift) used. */
  staff?: number;
  distance?: number;
  travelTime?: number;
  /** Multiplies each visit's latenessCost. */
  lateness?: number;
  /** Cost of a visit done by someone not in its preferredStaff. */
  continuity?: number;
  /** Cost per time unit worked after the end of a shift (see Staff.maxOvertime). */
  overtime?: number;
  /**
   * Evens out work between staff: each route costs balance × (working time)² / 480, so a minute
   * added to a long day costs more than one added to a short day (default 0: off).
   */
  balance?: number;
  /** Cost of a shift whose break could not be placed (if omitted, a break is a hard constraint). */
  missedBreak?: number;
}

export interface Objective {
  /**
   * `distance`: total distance only (vehicles free); `fleet`: fewest routes, then distance;
   * `care` (default): unplanned visits by priority, then travel time + lateness + continuity.
   */
  preset?: 'distance' | 'fleet' | 'care';
  /** Overrides of the preset's weights. */
  weights?: ObjectiveWeights;
}

export interface Problem {
  format?: 'hearth-planner/1';
  name?: string;
  /** Number of days in the horizon (default: 1 + the largest day mentioned). */
  days?: number;
  travel: TravelModel;
  locations?: Location[];
  staff: Staff[];
  visits: Visit[];
  objective?: Objective;
}

/** One visit in a route. */
export interface PlannedStop {
  visit: string;
  /** 1-based occurrence for repeated visits. */
  occurrence?: number;
  arrival: number;
  start: number;
  end: number;
  lateness: number;
}

export interface PlannedRoute {
  staff: string;
  day: number;
  shift: number;
  stops: PlannedStop[];
  breakStart?: number;
  departure: number;
  returnTime: number;
  distance: number;
  travelTime: number;
}

/**
 * Why a visit stayed unplanned, as a code a caller can act on (and translate):
 * - `fixed-staff-absent`: fixed to someone with no shift that day
 * - `no-shift`: nobody works on any allowed day
 * - `no-skill`: nobody in the team has a required skill
 * - `no-skilled-on-day`: nobody working on the allowed days has all required skills
 * - `not-allowed`: the allowed/excluded staff or capacity rule out everyone working then
 * - `window-unreachable`: alone in an empty shift the window still cannot be met
 * - `no-pair`: a two-person or linked visit finds no second person in time
 * - `repeat-gap`: not enough days far enough apart for a repeated visit
 * - `no-room`: it could be done alone, but the shifts that could take it are full
 */
export type UnplannedCode =
  | 'fixed-staff-absent'
  | 'no-shift'
  | 'no-skill'
  | 'no-skilled-on-day'
  | 'not-allowed'
  | 'window-unreachable'
  | 'no-pair'
  | 'repeat-gap'
  | 'no-room';

export interface UnplannedVisit {
  visit: string;
  occurrence?: number;
  mandatory: boolean;
  code: UnplannedCode;
  reason: string;
}

export interface Plan {
  name: string;
  routes: PlannedRoute[];
  unassigned: UnplannedVisit[];
  /** Number of routes with at least one visit. */
  vehicles: number;
  distance: number;
  travelTime: number;
  lateness: number;
  cost: number;
  iterations: number;
  seconds: number;
}

export interface Progress {
  seconds: number;
  iterations: number;
  bestCost: number;
  /** Share of the time (or iteration) budget used, 0..1. */
  fraction: number;
}

export interface SolveOptions {
  seed?: number;
  /** Wall-clock budget in seconds (default 5). */
  timeLimit?: number;
  /** Iteration budget; with it (and no time limit hit) the result is fully deterministic. */
  maxIterations?: number;
  onProgress?: (p: Progress) => void;
  /** Clock in milliseconds (default performance.now). */
  now?: () => number;
  /** Starting plan (routes of visit ids per staff/day/shift), e.g. for re-planning. */
  initial?: { staff: string; day?: number; shift?: number; visits: string[] }[];
}

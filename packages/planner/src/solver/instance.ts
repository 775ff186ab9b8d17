/** The compiled, array-based form of a problem that the search works on. */
export interface Instance {
  name: string;
  nLoc: number;
  /** Row-major nLoc × nLoc travel times and distances. */
  time: Float64Array;
  dist: Float64Array;

  nTasks: number;
  /** Visit index and occurrence (0-based) / part (0 or 1 for two-person visits) of each task. */
  tVisit: Int32Array;
  tOccurrence: Int32Array;
  tLoc: Int32Array;
  tService: Float64Array;
  /** Earliest start of the first window and latest start of the last window. */
  tE: Float64Array;
  tL: Float64Array;
  /** Windows as flat [s0, e0, s1, e1, ...]; length 2 when the task has a single window. */
  tWin: Float64Array[];
  tSoft: Uint8Array;
  tLateCost: Float64Array;
  /**
   * Lateness is counted from this time on: the last window's end for a soft window, the visit's
   * latenessFrom when given, +Infinity (never late) otherwise.
   */
  tLateFrom: Float64Array;
  dims: number;
  tDemand: Float64Array;
  /** Cost of leaving the task unplanned. */
  tPenalty: Float64Array;
  tMandatory: Uint8Array;
  /** nTasks × nVeh: 1 if the vehicle may do the task. */
  allowed: Uint8Array;
  /** nTasks × nVeh: extra cost of the vehicle doing the task (continuity). */
  asgCost: Float64Array;
  /**
   * Partner task of a linked pair (two-person visit, or a visit linked to another one); -1 if none.
   * start(c) - start(partner) must lie in [tSyncLo[c], tSyncHi[c]], done by different staff.
   */
  tPartner: Int32Array;
  tSyncLo: Float64Array;
  tSyncHi: Float64Array;
  /** Repeated-visit group (-1 if none) and minimum day gap inside the group. */
  tGroup: Int32Array;
  groupGap: Int32Array;
  groupTasks: number[][];
  /** Fixed vehicle (-1 if none) and fixed start of fixed tasks. */
  tFixedVeh: Int32Array;
  tFixedStart: Float64Array;

  nVeh: number;
  vStaff: Int32Array;
  vShift: Int32Array;
  vDay: Int32Array;
  vStart: Int32Array;
  vEnd: Int32Array;
  vOpen: Float64Array;
  vClose: Float64Array;
  vCap: Float64Array;
  vMaxWork: Float64Array;
  /** Allowed time after vClose, and its cost per time unit. */
  vOvertime: Float64Array;
  overtimeCost: number;
  /** Weight of the squared working time of a route (ObjectiveWeights.balance). */
  balanceCost: number;
  vHasBreak: Uint8Array;
  vBreakS: Float64Array;
  vBreakE: Float64Array;
  vBreakD: Float64Array;
  /** Cost per distance and per time unit of the vehicle, and fixed cost of using it. */
  vCDist: Float64Array;
  vCTime: Float64Array;
  vFixed: Float64Array;
  /** Vehicles with identical attributes share a class: one empty route per class is tried. */
  vClass: Int32Array;
  missedBreakCost: number;

  /** For each task, other tasks sorted by increasing distance (at most K). */
  neighbors: Int32Array[];
  /** True when every task has one hard window and no vehicle has a break or max working time. */
  simple: boolean;
  /** Weight of a route in the lexicographic fleet objective (0 for other objectives). */
  fleet: boolean;
  /** Typical arc cost, used to scale the annealing temperature. */
  arcScale: number;
}

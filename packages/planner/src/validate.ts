import type { Problem } from './model.ts';

export interface ValidationIssue {
  /** JSON path of the offending value, e.g. `visits[3].windows[0].end`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; problem: Problem } | { ok: false; issues: ValidationIssue[] };

/** Thrown by `solve` when the problem does not validate. */
export class PlannerInputError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`invalid planning problem: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'PlannerInputError';
  }
}

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Checks a parsed JSON value against the planner model; every problem found is reported. */
export function validateProblem(input: unknown): ValidationResult {
  const issues: ValidationIssue[] = [];
  const err = (path: string, message: string) => issues.push({ path, message });
  if (!isObj(input)) return { ok: false, issues: [{ path: '', message: 'expected an object' }] };

  const num = (
    o: Obj,
    key: string,
    path: string,
    opts: { required?: boolean; min?: number; int?: boolean } = {},
  ) => {
    const v = o[key];
    if (v === undefined) {
      if (opts.required) err(`${path}.${key}`, 'is required');
      return;
    }
    if (!isNum(v)) return err(`${path}.${key}`, 'must be a finite number');
    if (opts.min !== undefined && v < opts.min) err(`${path}.${key}`, `must be ≥ ${opts.min}`);
    if (opts.int && !Number.isInteger(v)) err(`${path}.${key}`, 'must be an integer');
  };
  const strList = (o: Obj, key: string, path: string) => {
    const v = o[key];
    if (v === undefined) return;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      err(`${path}.${key}`, 'must be a list of strings');
  };
  const numList = (o: Obj, key: string, path: string) => {
    const v = o[key];
    if (v === undefined) return;
    if (!Array.isArray(v) || !v.every((x) => isNum(x) && x >= 0)) {
      err(`${path}.${key}`, 'must be a list of non-negative numbers');
    }
  };

  // Travel model and locations.
  let nLoc = 0;
  const travel = input.travel;
  if (!isObj(travel)) err('travel', 'is required: {type: "euclidean" | "greatCircle" | "matrix", ...}');
  else if (travel.type === 'matrix') {
    const m = travel.durations;
    if (!Array.isArray(m) || m.length === 0) err('travel.durations', 'must be a non-empty square matrix');
    else {
      nLoc = m.length;
      for (const key of ['durations', 'distances']) {
        const mm = travel[key];
        if (mm === undefined && key === 'distances') continue;
        if (!Array.isArray(mm) || mm.length !== nLoc) {
          err(`travel.${key}`, `must have ${nLoc} rows`);
          continue;
        }
        mm.forEach((row: unknown, i: number) => {
          if (!Array.isArray(row) || row.length !== nLoc || !row.every((x) => isNum(x) && x >= 0)) {
            err(`travel.${key}[${i}]`, `must be ${nLoc} non-negative numbers`);
          }
        });
      }
    }
  } else if (travel.type === 'euclidean' || travel.type === 'greatCircle') {
    const locs = input.locations;
    if (!Array.isArray(locs)) err('locations', `is required with travel type ${travel.type}`);
    else {
      nLoc = locs.length;
      locs.forEach((l: unknown, i: number) => {
        if (!isObj(l)) {
          err(`locations[${i}]`, 'must be an object');
          return;
        }
        if (travel.type === 'euclidean') {
          if (!isNum(l.x) || !isNum(l.y)) err(`locations[${i}]`, 'needs numeric x and y');
        } else if (!isNum(l.lat) || !isNum(l.lon) || Math.abs(l.lat) > 90 || Math.abs(l.lon) > 180) {
          err(`locations[${i}]`, 'needs lat in [-90, 90] and lon in [-180, 180]');
        }
      });
    }
    if (travel.type === 'euclidean') num(travel, 'speed', 'travel', { min: Number.MIN_VALUE });
    else {
      num(travel, 'roadFactor', 'travel', { min: 1 });
      num(travel, 'speedKmh', 'travel', { min: Number.MIN_VALUE });
    }
  } else err('travel.type', 'must be "euclidean", "greatCircle" or "matrix"');

  const locRef = (o: Obj, key: string, path: string, required: boolean) => {
    const v = o[key];
    if (v === undefined) {
      if (required) err(`${path}.${key}`, 'is required (a location index)');
      return;
    }
    if (!Number.isInteger(v) || (v as number) < 0 || (v as number) >= nLoc) {
      err(`${path}.${key}`, `must be a location index in [0, ${nLoc - 1}]`);
    }
  };
  const window = (w: unknown, path: string) => {
    if (!isObj(w)) {
      err(path, 'must be {start, end}');
      return;
    }
    num(w, 'start', path, { required: true });
    num(w, 'end', path, { required: true });
    if (isNum(w.start) && isNum(w.end) && w.end < w.start) err(path, 'end is before start');
  };

  // Staff.
  const staffIds = new Set<string>();
  if (!Array.isArray(input.staff)) err('staff', 'must be a list');
  else {
    input.staff.forEach((s: unknown, i: number) => {
      const p = `staff[${i}]`;
      if (!isObj(s)) {
        err(p, 'must be an object');
        return;
      }
      if (typeof s.id !== 'string' || s.id === '') err(`${p}.id`, 'must be a non-empty string');
      else if (staffIds.has(s.id)) err(`${p}.id`, `duplicate staff id "${s.id}"`);
      else staffIds.add(s.id);
      strList(s, 'skills', p);
      locRef(s, 'start', p, true);
      locRef(s, 'end', p, false);
      num(s, 'maxWorkTime', p, { min: 0 });
      num(s, 'maxOvertime', p, { min: 0 });
      numList(s, 'capacity', p);
      num(s, 'costPerTime', p, { min: 0 });
      num(s, 'costPerDistance', p, { min: 0 });
      if (!Array.isArray(s.shifts) || s.shifts.length === 0)
        err(`${p}.shifts`, 'must list at least one shift');
      else {
        s.shifts.forEach((sh: unknown, k: number) => {
          const q = `${p}.shifts[${k}]`;
          window(sh, q);
          if (!isObj(sh)) return;
          num(sh, 'day', q, { min: 0, int: true });
          if (sh.break !== undefined) {
            window(sh.break, `${q}.break`);
            if (isObj(sh.break)) num(sh.break, 'duration', `${q}.break`, { required: true, min: 0 });
          }
        });
      }
    });
  }

  // Visits.
  const visitIds = new Set<string>();
  if (!Array.isArray(input.visits)) err('visits', 'must be a list');
  else {
    for (const v of input.visits) if (isObj(v) && typeof v.id === 'string') visitIds.add(v.id);
    const seen = new Set<string>();
    input.visits.forEach((v: unknown, i: number) => {
      const p = `visits[${i}]`;
      if (!isObj(v)) {
        err(p, 'must be an object');
        return;
      }
      if (typeof v.id !== 'string' || v.id === '') err(`${p}.id`, 'must be a non-empty string');
      else if (seen.has(v.id)) err(`${p}.id`, `duplicate visit id "${v.id}"`);
      else seen.add(v.id);
      locRef(v, 'location', p, true);
      num(v, 'duration', p, { required: true, min: 0 });
      if (v.windows !== undefined) {
        if (!Array.isArray(v.windows)) err(`${p}.windows`, 'must be a list of {start, end}');
        else
          v.windows.forEach((w: unknown, k: number) => {
            window(w, `${p}.windows[${k}]`);
          });
      }
      if (v.soft !== undefined && typeof v.soft !== 'boolean') err(`${p}.soft`, 'must be a boolean');
      if (v.mandatory !== undefined && typeof v.mandatory !== 'boolean')
        err(`${p}.mandatory`, 'must be a boolean');
      num(v, 'latenessCost', p, { min: 0 });
      num(v, 'latenessFrom', p);
      num(v, 'priority', p, { min: 0 });
      strList(v, 'skills', p);
      for (const key of ['allowedStaff', 'preferredStaff', 'excludedStaff']) {
        strList(v, key, p);
        const list = v[key];
        if (Array.isArray(list)) {
          for (const id of list) {
            if (typeof id === 'string' && !staffIds.has(id)) err(`${p}.${key}`, `unknown staff id "${id}"`);
          }
        }
      }
      if (v.staffCount !== undefined && v.staffCount !== 1 && v.staffCount !== 2)
        err(`${p}.staffCount`, 'must be 1 or 2');
      numList(v, 'demand', p);
      if (v.days !== undefined) {
        if (
          !Array.isArray(v.days) ||
          v.days.length === 0 ||
          !v.days.every((d) => Number.isInteger(d) && d >= 0)
        ) {
          err(`${p}.days`, 'must be a non-empty list of day numbers (0-based)');
        }
      }
      if (v.repeat !== undefined) {
        if (!isObj(v.repeat)) err(`${p}.repeat`, 'must be {count, minGapDays}');
        else {
          num(v.repeat, 'count', `${p}.repeat`, { required: true, min: 1, int: true });
          num(v.repeat, 'minGapDays', `${p}.repeat`, { min: 0, int: true });
          const days = Array.isArray(v.days) ? v.days.length : 1;
          if (isNum(v.repeat.count) && v.repeat.count > days) {
            err(`${p}.repeat.count`, `asks for ${v.repeat.count} visits but only ${days} day(s) are allowed`);
          }
        }
      }
      if (v.linkedTo !== undefined) {
        if (!isObj(v.linkedTo) || typeof v.linkedTo.visit !== 'string')
          err(`${p}.linkedTo`, 'must be {visit, minDelay, maxDelay}');
        else {
          if (!visitIds.has(v.linkedTo.visit))
            err(`${p}.linkedTo.visit`, `unknown visit id "${v.linkedTo.visit}"`);
          if (v.linkedTo.visit === v.id) err(`${p}.linkedTo.visit`, 'a visit cannot be linked to itself');
          num(v.linkedTo, 'minDelay', `${p}.linkedTo`);
          num(v.linkedTo, 'maxDelay', `${p}.linkedTo`);
          if ((v.staffCount ?? 1) !== 1 || v.repeat !== undefined)
            err(`${p}.linkedTo`, 'only single-person, single-occurrence visits can be linked');
        }
      }
      if (v.fixed !== undefined) {
        if (!isObj(v.fixed)) err(`${p}.fixed`, 'must be {staff, day, start}');
        else {
          if (typeof v.fixed.staff !== 'string' || !staffIds.has(v.fixed.staff))
            err(`${p}.fixed.staff`, 'must be a known staff id');
          num(v.fixed, 'start', `${p}.fixed`, { required: true });
          num(v.fixed, 'day', `${p}.fixed`, { min: 0, int: true });
          if ((v.staffCount ?? 1) !== 1 || v.repeat !== undefined || v.linkedTo !== undefined) {
            err(`${p}.fixed`, 'only single-person, single-occurrence, unlinked visits can be fixed');
          }
        }
      }
    });
    // A visit may be the target of at most one link, and not both ends of two links.
    const linked = new Map<string, string>();
    input.visits.forEach((v: unknown, i: number) => {
      if (!isObj(v) || !isObj(v.linkedTo) || typeof v.linkedTo.visit !== 'string' || typeof v.id !== 'string')
        return;
      for (const id of [v.id, v.linkedTo.visit]) {
        if (linked.has(id)) err(`visits[${i}].linkedTo`, `visit "${id}" is already part of another link`);
      }
      linked.set(v.id, v.linkedTo.visit);
      linked.set(v.linkedTo.visit, v.id);
    });
  }

  if (input.objective !== undefined) {
    const o = input.objective;
    if (!isObj(o)) err('objective', 'must be an object');
    else {
      if (o.preset !== undefined && o.preset !== 'distance' && o.preset !== 'fleet' && o.preset !== 'care') {
        err('objective.preset', 'must be "distance", "fleet" or "care"');
      }
      if (o.weights !== undefined) {
        if (!isObj(o.weights)) err('objective.weights', 'must be an object');
        else {
          for (const [k, val] of Object.entries(o.weights)) {
            if (
              ![
                'unassigned',
                'staff',
                'distance',
                'travelTime',
                'lateness',
                'continuity',
                'missedBreak',
                'overtime',
                'balance',
              ].includes(k)
            ) {
              err(`objective.weights.${k}`, 'unknown weight');
            } else if (!isNum(val) || val < 0) err(`objective.weights.${k}`, 'must be a non-negative number');
          }
        }
      }
    }
  }
  num(input, 'days', '', { min: 1, int: true });
  if (input.name !== undefined && typeof input.name !== 'string') err('name', 'must be a string');

  return issues.length > 0 ? { ok: false, issues } : { ok: true, problem: input as unknown as Problem };
}

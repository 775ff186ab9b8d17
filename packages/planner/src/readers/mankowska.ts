import type { Problem, Visit } from '../model.ts';

/** Parsed HHCRSP instance of Mankowska, Meisel & Bierwirth (2014). */
export interface MankowskaInstance {
  name: string;
  nodes: number;
  vehicles: number;
  services: number;
  /** required[i][s] = 1 if node i needs service s. */
  required: number[][];
  doubleService: number[];
  qualified: number[][];
  d: number[][];
  /** p[i][k][s]: processing time of service s at node i by caregiver k. */
  p: number[][][];
  minDelay: number[];
  maxDelay: number[];
  e: number[];
  l: number[];
}

export function parseMankowska(text: string, name = 'mankowska'): MankowskaInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const sections = new Map<string, number[][]>();
  let key = '';
  for (const l of lines) {
    if (l === '') continue;
    if (/^[A-Za-z]+$/.test(l)) {
      key = l;
      sections.set(key, []);
    } else if (key) sections.get(key)!.push(l.split(/\s+/).map(Number));
  }
  const get = (k: string): number[][] => {
    const s = sections.get(k);
    if (!s) throw new Error(`Mankowska file: missing section ${k}`);
    return s;
  };
  const nodes = get('nbNodes')[0]![0]!;
  const vehicles = get('nbVehi')[0]![0]!;
  const services = get('nbServi')[0]![0]!;
  const pRows = get('p');
  const p: number[][][] = [];
  for (let i = 0; i < nodes; i++) {
    p.push([]);
    for (let k = 0; k < vehicles; k++) p[i]!.push(pRows[i * vehicles + k] ?? new Array(services).fill(0));
  }
  return {
    name,
    nodes,
    vehicles,
    services,
    required: get('r'),
    doubleService: (sections.get('DS') ?? []).flat(),
    qualified: get('a'),
    d: get('d'),
    p,
    minDelay: get('mind').flat(),
    maxDelay: get('maxd').flat(),
    e: get('e').flat(),
    l: get('l').flat(),
  };
}

/** Visit id of service s at patient i (as produced by mankowskaToProblem). */
export const mankowskaVisitId = (i: number, s: number) => `p${i}-s${s}`;

/**
 * Converts to the planner model: one visit per required service, soft late windows (tardiness
 * costs 1 per time unit, like distance), the second service of a double-service patient linked to
 * the first with the instance's min/max delay (0/0 = simultaneous), skills = qualifications.
 */
export function mankowskaToProblem(m: MankowskaInstance): Problem {
  const n = m.nodes;
  const last = n - 1;
  const staff = Array.from({ length: m.vehicles }, (_, k) => ({
    id: `c${k}`,
    skills: m.qualified[k]!.flatMap((q, s) => (q ? [`s${s}`] : [])),
    start: 0,
    end: last,
    shifts: [{ start: m.e[0] ?? 0, end: 1e7 }],
  }));
  const visits: Visit[] = [];
  for (let i = 1; i < last; i++) {
    const svc = m.required[i]!.flatMap((q, s) => (q ? [s] : []));
    svc.forEach((s, j) => {
      let dur = 0;
      for (let k = 0; k < m.vehicles; k++) dur = Math.max(dur, m.p[i]![k]![s] ?? 0);
      const v: Visit = {
        id: mankowskaVisitId(i, s),
        location: i,
        duration: dur,
        windows: [{ start: m.e[i]!, end: m.l[i]! }],
        soft: true,
        latenessCost: 1,
        skills: [`s${s}`],
        mandatory: true,
      };
      if (j === 1) {
        v.linkedTo = {
          visit: mankowskaVisitId(i, svc[0]!),
          minDelay: m.minDelay[i]!,
          maxDelay: m.maxDelay[i]!,
        };
      }
      visits.push(v);
    });
  }
  return {
    format: 'hearth-planner/1',
    name: m.name,
    travel: { type: 'matrix', durations: m.d },
    staff,
    visits,
    objective: {
      preset: 'care',
      weights: { unassigned: 1e6, travelTime: 0, distance: 1, lateness: 1, continuity: 0 },
    },
  };
}

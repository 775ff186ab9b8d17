import type { Problem } from '../model.ts';

export interface SolomonNode {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** nodes[0] is the depot. */
  nodes: SolomonNode[];
}

/** Parses the Solomon / Gehring & Homberger VRPTW text format. */
export function parseSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? 'solomon';
  const vi = lines.findIndex((l) => /^VEHICLE/i.test(l));
  if (vi < 0) throw new Error('Solomon file: missing VEHICLE section');
  let k = vi + 1;
  while (k < lines.length && !/^\d/.test(lines[k]!)) k++;
  const fleet = (lines[k] ?? '').split(/\s+/).map(Number);
  if (fleet.length < 2 || !fleet.every(Number.isFinite))
    throw new Error('Solomon file: bad NUMBER CAPACITY line');
  const ci = lines.findIndex((l) => /^CUSTOMER/i.test(l));
  if (ci < 0) throw new Error('Solomon file: missing CUSTOMER section');
  const nodes: SolomonNode[] = [];
  for (let i = ci + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (!/^\d/.test(l)) continue;
    const f = l.split(/\s+/).map(Number);
    if (f.length < 7 || !f.every(Number.isFinite))
      throw new Error(`Solomon file: bad customer line ${i + 1}`);
    nodes.push({ id: f[0]!, x: f[1]!, y: f[2]!, demand: f[3]!, ready: f[4]!, due: f[5]!, service: f[6]! });
  }
  if (nodes.length < 2) throw new Error('Solomon file: no customers');
  return { name, vehicles: fleet[0]!, capacity: fleet[1]!, nodes };
}

/** Converts a Solomon instance into the planner model (one staff member per vehicle). */
export function solomonToProblem(s: SolomonInstance, preset: 'distance' | 'fleet' = 'distance'): Problem {
  const depot = s.nodes[0]!;
  return {
    format: 'hearth-planner/1',
    name: s.name,
    travel: { type: 'euclidean' },
    locations: s.nodes.map((n) => ({ x: n.x, y: n.y })),
    staff: Array.from({ length: s.vehicles }, (_, i) => ({
      id: `vehicle-${i + 1}`,
      start: 0,
      end: 0,
      shifts: [{ start: depot.ready, end: depot.due }],
      capacity: [s.capacity],
    })),
    visits: s.nodes.slice(1).map((n, i) => ({
      id: String(n.id),
      location: i + 1,
      duration: n.service,
      windows: [{ start: n.ready, end: n.due }],
      demand: [n.demand],
      mandatory: true,
    })),
    objective: { preset },
  };
}

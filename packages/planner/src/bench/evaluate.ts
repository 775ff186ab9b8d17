/**
 * Independent solution checker for the benchmark: it re-reads the instance text itself and
 * recomputes feasibility and distance from scratch, sharing no code with the solver.
 */

export interface Evaluation {
  feasible: boolean;
  errors: string[];
  vehicles: number;
  distance: number;
}

interface Row {
  x: number;
  y: number;
  q: number;
  a: number;
  b: number;
  s: number;
}

function readVrptw(text: string): { fleet: number; cap: number; rows: Map<number, Row> } {
  const numeric = text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length > 0 && f.every((x) => x !== '' && !Number.isNaN(Number(x))))
    .map((f) => f.map(Number));
  const header = numeric.find((f) => f.length === 2);
  if (!header) throw new Error('no fleet line');
  const rows = new Map<number, Row>();
  for (const f of numeric) {
    if (f.length !== 7) continue;
    rows.set(f[0]!, { x: f[1]!, y: f[2]!, q: f[3]!, a: f[4]!, b: f[5]!, s: f[6]! });
  }
  return { fleet: header[0]!, cap: header[1]!, rows };
}

/** Checks routes (customer numbers, depot excluded) against a Solomon-format instance. */
export function evaluateVrptw(text: string, routes: number[][], tolerance = 1e-6): Evaluation {
  const { fleet, cap, rows } = readVrptw(text);
  const errors: string[] = [];
  const depot = rows.get(0);
  if (!depot) return { feasible: false, errors: ['no depot'], vehicles: 0, distance: 0 };
  const seen = new Map<number, number>();
  let distance = 0;
  let vehicles = 0;
  routes.forEach((route, k) => {
    if (route.length === 0) return;
    vehicles++;
    let load = 0;
    let time = depot.a;
    let prev = depot;
    for (const id of route) {
      const c = rows.get(id);
      if (!c || id === 0) {
        errors.push(`route ${k}: unknown customer ${id}`);
        continue;
      }
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const d = Math.hypot(c.x - prev.x, c.y - prev.y);
      distance += d;
      time = Math.max(time + d, c.a);
      if (time > c.b + tolerance)
        errors.push(`route ${k}: customer ${id} starts at ${time.toFixed(3)} > due ${c.b}`);
      time += c.s;
      load += c.q;
      prev = c;
    }
    const back = Math.hypot(depot.x - prev.x, depot.y - prev.y);
    distance += back;
    time += back;
    if (time > depot.b + tolerance)
      errors.push(`route ${k}: returns at ${time.toFixed(3)} > depot due ${depot.b}`);
    if (load > cap + tolerance) errors.push(`route ${k}: load ${load} > capacity ${cap}`);
  });
  for (const id of rows.keys()) {
    if (id === 0) continue;
    const n = seen.get(id) ?? 0;
    if (n !== 1) errors.push(`customer ${id} visited ${n} times`);
  }
  if (vehicles > fleet) errors.push(`${vehicles} vehicles > fleet size ${fleet}`);
  return { feasible: errors.length === 0, errors, vehicles, distance };
}

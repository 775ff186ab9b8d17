/**
 * Synthetic home-care days for the scaling table and the urgent-insertion timing: visits spread
 * over a region (great-circle travel × 1.3 at 50 km/h), skills, 2–4 h windows, 8 h shifts with a
 * lunch break.
 */
import { compile } from '../compile.ts';
import type { Problem, Visit } from '../model.ts';
import { replan } from '../replan.ts';
import { solve, toPlan } from '../solve.ts';
import { Rng } from '../solver/rng.ts';
import { solveParallel } from '../workers.ts';

export function syntheticDay(visits: number, staff: number, seed: number, radiusKm = 20): Problem {
  const rng = new Rng(seed);
  const base = { lat: 53.9, lon: 27.56 };
  const point = () => {
    const r = radiusKm * Math.sqrt(rng.next());
    const a = rng.next() * 2 * Math.PI;
    return {
      lat: base.lat + (r * Math.cos(a)) / 111,
      lon: base.lon + (r * Math.sin(a)) / (111 * Math.cos((base.lat * Math.PI) / 180)),
    };
  };
  const locations = [base, ...Array.from({ length: visits }, point)];
  const skills = ['nurse', 'doctor', 'psychologist', 'social'];
  const vs: Visit[] = Array.from({ length: visits }, (_, i) => {
    const start = 480 + 30 * rng.int(14);
    const v: Visit = {
      id: `v${i}`,
      location: i + 1,
      duration: 10 + 5 * rng.int(4),
      windows: [{ start, end: start + 120 + 60 * rng.int(3) }],
      skills: [rng.next() < 0.75 ? 'nurse' : skills[1 + rng.int(3)]!],
      priority: 1 + rng.int(3),
    };
    if (rng.next() < 0.03) v.staffCount = 2;
    return v;
  });
  return {
    name: `synthetic-${visits}`,
    travel: { type: 'greatCircle', roadFactor: 1.3, speedKmh: 50 },
    locations,
    staff: Array.from({ length: staff }, (_, k) => ({
      id: `s${k}`,
      skills: k % 4 === 0 ? ['nurse', skills[1 + ((k / 4) % 3)]!] : ['nurse'],
      start: 0,
      shifts: [{ start: 450, end: 1170, break: { start: 720, end: 840, duration: 30 } }],
    })),
    visits: vs,
    objective: { preset: 'care' },
  };
}

export async function runScale(o: Record<string, string>): Promise<void> {
  const timeLimit = Number(o['time-limit'] ?? 30);
  const threads = Number(o.threads ?? 2);
  const sizes = (o.sizes ?? '100,200,400,1000').split(',').map(Number);
  console.log(`# synthetic home-care days, time-limit=${timeLimit}s threads=${threads}; staff = visits / 20`);
  console.log('visits staff  first_feasible_s  planned  unplanned  travel_h  seconds  rss_MB');
  for (const n of sizes) {
    const problem = syntheticDay(n, Math.max(5, Math.round(n / 20)), n);
    let first = Number.NaN;
    const t0 = performance.now();
    let peak = process.memoryUsage().rss;
    const res = await solveParallel(problem, {
      timeLimit,
      threads,
      onProgress: () => {
        if (Number.isNaN(first)) first = (performance.now() - t0) / 1000;
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    const compiled = compile(problem);
    const plan = toPlan(compiled, res.solutionFor(compiled), res.iterations, res.seconds);
    peak = Math.max(peak, process.memoryUsage().rss);
    const planned = plan.routes.reduce((s, r) => s + r.stops.length, 0);
    console.log(
      `${String(n).padStart(6)} ${String(problem.staff.length).padStart(5)} ${first.toFixed(2).padStart(17)} ${String(planned).padStart(8)} ${String(plan.unassigned.length).padStart(10)} ${(plan.travelTime / 60).toFixed(1).padStart(9)} ${res.seconds.toFixed(1).padStart(8)} ${(peak / 2 ** 20).toFixed(0).padStart(7)}`,
    );
  }
  // Urgent insertion into a 100-visit day: the first visit of every route is done.
  const problem = syntheticDay(100, 6, 100);
  const first = solve(problem, { timeLimit: 5, seed: 1 });
  const done = new Map(
    first.routes.map((r) => [r.stops[0]!.visit, { staff: r.staff, start: r.stops[0]!.start }]),
  );
  const next: Problem = {
    ...problem,
    locations: [...(problem.locations ?? []), { lat: 53.95, lon: 27.7 }],
    visits: [
      ...problem.visits.map((v) =>
        done.has(v.id) && (v.staffCount ?? 1) === 1 ? { ...v, fixed: done.get(v.id)! } : v,
      ),
      {
        id: 'urgent',
        location: problem.locations!.length,
        duration: 30,
        windows: [{ start: 600, end: 720 }],
        skills: ['nurse'],
        mandatory: true,
      },
    ],
  };
  for (const limit of [0.2, 1]) {
    const t = performance.now();
    const plan = replan(next, first, { timeLimit: limit, seed: 1 });
    const secs = (performance.now() - t) / 1000;
    const where = plan.routes.find((r) => r.stops.some((s) => s.visit === 'urgent'));
    const moved = plan.routes.reduce(
      (s, r) =>
        s +
        r.stops.filter((x) =>
          first.routes.some((f) => f.staff !== r.staff && f.stops.some((y) => y.visit === x.visit)),
        ).length,
      0,
    );
    console.log(
      `# urgent insertion into a 100-visit day (budget ${limit}s): ${secs.toFixed(2)} s, urgent visit ${where ? `planned for ${where.staff}` : 'NOT planned'}, ${moved} other visits changed staff, fixed visits kept=${[...done].every(([id, f]) => plan.routes.some((r) => r.staff === f.staff && r.stops.some((s) => s.visit === id && s.start === f.start)))}`,
    );
  }
}

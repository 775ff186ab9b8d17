/**
 * Home-care benchmark sets: Mankowska et al. (2014) and the UHHC small set. Each plan is re-checked
 * by an evaluator written for this file (own schedule recomputation, own objective).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile.ts';
import type { Plan, Problem } from '../model.ts';
import { mankowskaToProblem, mankowskaVisitId, parseMankowska } from '../readers/mankowska.ts';
import { type UhhcInstance, uhhcToProblem, uhhcVisitId } from '../readers/uhhc.ts';
import { toPlan } from '../solve.ts';
import { solveParallel } from '../workers.ts';

const EPS = 1e-6;

async function plan(problem: Problem, timeLimit: number, threads: number, seed: number): Promise<Plan> {
  const res = await solveParallel(problem, { timeLimit, threads, seed });
  const compiled = compile(problem);
  return toPlan(compiled, res.solutionFor(compiled), res.iterations, res.seconds);
}

/** Mankowska objective (distance + total tardiness + max tardiness) / 3, with feasibility checks. */
export function evaluateMankowska(
  text: string,
  p: Plan,
): { errors: string[]; objective: number; d: number; tard: number; maxTard: number } {
  const m = parseMankowska(text);
  const errors: string[] = [];
  const start = new Map<string, number>();
  let d = 0;
  let tard = 0;
  let maxTard = 0;
  const last = m.nodes - 1;
  for (const r of p.routes) {
    const k = Number(r.staff.slice(1));
    let prev = 0;
    let t = m.e[0] ?? 0;
    for (const s of r.stops) {
      const [pi, si] = s.visit.slice(1).split('-s').map(Number) as [number, number];
      if (!m.qualified[k]?.[si]) errors.push(`${r.staff} not qualified for ${s.visit}`);
      if (start.has(s.visit)) errors.push(`${s.visit} done twice`);
      start.set(s.visit, s.start);
      const arrive = t + m.d[prev]![pi]!;
      if (s.start + EPS < arrive || s.start + EPS < m.e[pi]!) errors.push(`${s.visit} starts too early`);
      d += m.d[prev]![pi]!;
      const late = Math.max(0, s.start - m.l[pi]!);
      tard += late;
      maxTard = Math.max(maxTard, late);
      t = s.start + m.p[pi]![k]![si]!;
      prev = pi;
    }
    d += m.d[prev]![last]!;
  }
  for (let i = 1; i < last; i++) {
    const svc = m.required[i]!.flatMap((q, s) => (q ? [s] : []));
    for (const s of svc)
      if (!start.has(mankowskaVisitId(i, s))) errors.push(`${mankowskaVisitId(i, s)} not done`);
    if (svc.length === 2) {
      const a = start.get(mankowskaVisitId(i, svc[0]!));
      const b = start.get(mankowskaVisitId(i, svc[1]!));
      if (a !== undefined && b !== undefined) {
        const gap = b - a;
        if (gap < m.minDelay[i]! - EPS || gap > m.maxDelay[i]! + EPS)
          errors.push(`patient ${i}: delay ${gap} outside bounds`);
      }
    }
  }
  return { errors, objective: (d + tard + maxTard) / 3, d, tard, maxTard };
}

/** UHHC hard constraints and the cost components we model (travel, preferences, optional, lunch). */
export function evaluateUhhc(
  u: UhhcInstance,
  p: Plan,
): {
  errors: string[];
  travel: number;
  prefs: number;
  optionalMissed: number;
  mandatoryMissed: number;
  missedLunch: number;
  extra: number;
  cost: number;
} {
  const errors: string[] = [];
  const atEnd = u.metadata.time_window_met === 'at_service_end';
  const pts = new Map(u.terminal_points.map((t) => [t.id, t.distance_matrix_index]));
  const cgs = new Map(u.caregivers.map((c) => [c.id, c]));
  const starts = new Map<string, { start: number; cg: string }>();
  let travel = 0;
  let prefs = 0;
  let missedLunch = 0;
  let extra = 0;
  for (const r of p.routes) {
    const c = cgs.get(r.staff)!;
    let loc = pts.get(c.departing_point)!;
    let t = c.working_shift.start;
    for (const s of r.stops) {
      const [pid, k] = s.visit.split('/') as [string, string];
      const pat = u.patients.find((x) => x.id === pid)!;
      const svc = pat.required_services[Number(k)]!;
      if (!c.abilities.includes(svc.service)) errors.push(`${c.id} cannot do ${svc.service}`);
      const tt = u.distances[loc]![pat.distance_matrix_index]!;
      travel += tt;
      if (s.start + EPS < t + tt) errors.push(`${s.visit} starts before arrival`);
      const ref = atEnd ? s.start + svc.duration : s.start;
      if (!pat.time_windows.some((w) => ref + EPS >= w.start && ref <= w.end + EPS))
        errors.push(`${s.visit} outside windows`);
      if (
        pat.preferred_caregivers &&
        pat.preferred_caregivers.length > 0 &&
        !pat.preferred_caregivers.includes(c.id)
      )
        prefs++;
      starts.set(s.visit, { start: s.start, cg: c.id });
      t = s.start + svc.duration;
      loc = pat.distance_matrix_index;
    }
    const back = u.distances[loc]![pts.get(c.arrival_point)!]!;
    travel += back;
    extra += Math.max(0, r.returnTime - c.working_shift.end);
    if (r.returnTime + EPS < t + back) errors.push(`${c.id} returns before it can`);
    if (c.lunch_break && u.lunch_breaks && r.breakStart === undefined && r.returnTime > u.lunch_breaks.start)
      missedLunch++;
  }
  let optionalMissed = 0;
  let mandatoryMissed = 0;
  for (const pat of u.patients) {
    const done = pat.required_services.map((_, k) => starts.get(uhhcVisitId(pat.id, k)));
    if (done.some((x) => !x)) {
      if (pat.optional) optionalMissed++;
      else mandatoryMissed++;
    }
    const sync = pat.synchronization;
    if (done.length === 2 && done[0] && done[1] && sync && sync.type !== 'independent') {
      const gap = done[1].start - done[0].start;
      const lo = sync.type === 'sequential' ? (sync.distance?.min ?? 0) : 0;
      const hi = sync.type === 'sequential' ? (sync.distance?.max ?? 0) : 0;
      if (gap < lo - EPS || gap > hi + EPS) errors.push(`${pat.id}: sync gap ${gap}`);
      if (done[0].cg === done[1].cg) errors.push(`${pat.id}: both services by one caregiver`);
    }
  }
  const w = (key: string, d: number) => {
    const v = u.metadata.cost_components?.[key];
    return typeof v === 'number' ? v : d;
  };
  const cost =
    w('travel_time', 1) * travel +
    w('caregiver_preferences', 10) * prefs +
    w('optional_patients', 100) * optionalMissed +
    w('missed_lunch_break', 2) * missedLunch +
    w('total_extra_time', 10) * extra;
  return { errors, travel, prefs, optionalMissed, mandatoryMissed, missedLunch, extra, cost };
}

export async function runHhc(set: string, o: Record<string, string>, data: string): Promise<void> {
  const timeLimit = Number(o['time-limit'] ?? 5);
  const threads = Number(o.threads ?? 2);
  const seed = Number(o.seed ?? 1);
  const only = o.only ? new Set(o.only.split(',')) : null;
  if (set === 'mankowska') {
    const dir = join(data, 'hhc', 'mankowska2014');
    const bks = new Map(
      readFileSync(join(dir, 'bks.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map((f) => [f[0]!, { family: f[1]!, best: Number(f[4]) }] as const),
    );
    const size = (f: string) => Number(f.split('_')[2]);
    const idx = (f: string) => Number(f.split('_')[3]!.replace('.txt', ''));
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .filter((f) => !only || only.has(f.replace(/\.txt$/, '')))
      .sort((a, b) => size(a) - size(b) || idx(a) - idx(b));
    console.log(
      `# set=mankowska time-limit=${timeLimit}s threads=${threads} seed=${seed} reference=mankowska2014/bks.csv (objective (D + sum T + max T)/3)`,
    );
    console.log(
      `${'instance'.padEnd(26)} ${'fam'.padStart(4)} ${'obj'.padStart(9)} ${'dist'.padStart(9)} ${'tard'.padStart(8)} ${'maxT'.padStart(7)} ${'best'.padStart(9)} ${'gap%'.padStart(7)} ${'sec'.padStart(5)} feasible`,
    );
    const gaps: number[] = [];
    let feasible = 0;
    for (const f of files) {
      const name = f.replace(/\.txt$/, '');
      const text = readFileSync(join(dir, f), 'utf8');
      const problem = mankowskaToProblem(parseMankowska(text, name));
      const pl = await plan(problem, timeLimit, threads, seed);
      const ev = evaluateMankowska(text, pl);
      const ref = bks.get(name);
      const gap = ref ? ((ev.objective - ref.best) / ref.best) * 100 : Number.NaN;
      if (Number.isFinite(gap)) gaps.push(gap);
      if (ev.errors.length === 0) feasible++;
      console.log(
        `${name.padEnd(26)} ${(ref?.family ?? '').padStart(4)} ${ev.objective.toFixed(2).padStart(9)} ${ev.d.toFixed(1).padStart(9)} ${ev.tard.toFixed(1).padStart(8)} ${ev.maxTard.toFixed(1).padStart(7)} ${(ref?.best ?? Number.NaN).toFixed(1).padStart(9)} ${gap.toFixed(2).padStart(7)} ${pl.seconds.toFixed(1).padStart(5)} ${ev.errors.length === 0 ? 'yes' : `NO ${ev.errors.slice(0, 2).join('; ')}`}`,
      );
    }
    const mean = gaps.reduce((s, g) => s + g, 0) / Math.max(1, gaps.length);
    console.log(
      `# instances=${files.length} feasible=${feasible} mean_gap_to_best_known=${mean.toFixed(2)}%`,
    );
    return;
  }
  const dir = join(data, 'hhc', 'uhhc-small');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .filter((f) => !only || only.has(f.replace(/\.json$/, '')))
    .sort();
  console.log(
    `# set=uhhc (small) time-limit=${timeLimit}s threads=${threads} seed=${seed}; no reference values are stored in shared/benchdata (see hhc/README.md)`,
  );
  console.log(
    `${'instance'.padEnd(16)} ${'pat'.padStart(4)} ${'cg'.padStart(3)} ${'travel'.padStart(7)} ${'prefs'.padStart(5)} ${'optMiss'.padStart(7)} ${'mandMiss'.padStart(8)} ${'lunch'.padStart(5)} ${'extra'.padStart(5)} ${'cost'.padStart(7)} ${'sec'.padStart(5)} feasible`,
  );
  let feasible = 0;
  for (const f of files) {
    const u = JSON.parse(readFileSync(join(dir, f), 'utf8')) as UhhcInstance;
    const pl = await plan(uhhcToProblem(u, f), timeLimit, threads, seed);
    const ev = evaluateUhhc(u, pl);
    if (ev.errors.length === 0) feasible++;
    console.log(
      `${f.replace('.json', '').padEnd(16)} ${String(u.patients.length).padStart(4)} ${String(u.caregivers.length).padStart(3)} ${String(ev.travel).padStart(7)} ${String(ev.prefs).padStart(5)} ${String(ev.optionalMissed).padStart(7)} ${String(ev.mandatoryMissed).padStart(8)} ${String(ev.missedLunch).padStart(5)} ${String(ev.extra).padStart(5)} ${String(ev.cost).padStart(7)} ${pl.seconds.toFixed(1).padStart(5)} ${ev.errors.length === 0 ? 'yes' : `NO ${ev.errors.slice(0, 2).join('; ')}`}`,
    );
  }
  console.log(`# instances=${files.length} feasible=${feasible}`);
}

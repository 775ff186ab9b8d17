/**
 * `npm run bench:dispatch`: plans a week for a demo-like service (patients around the demo's
 * towns, care plans like the demo's, a weekday rota) at 50, 200 and 500 patients with 5, 15 and
 * 40 staff, through the same adapter the server uses, and compares the planner with the simple
 * baseline (each visit to the nearest free qualified staff member, in request order).
 *
 * Options: --time-limit <s per size, default 5,10,20>  --sizes 50:5,200:15,500:40  --seed 1
 */
import {
  type CarePlanContent,
  carePlanContentSchema,
  type Discipline,
  estimateMatrix,
  type PlanForWeek,
  weekRequirements,
} from '@hearth/domain';
import { type Plan, solve } from '@hearth/planner';
import { demoBase, demoTowns } from '../demo/places.ts';
import { seededRandom } from '../demo/random.ts';
import { baselinePlan } from '../features/planning/baseline.ts';
import { type AdapterInput, fromPlan, toProblem } from '../features/planning/planner-adapter.ts';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1] ?? '']] : [])),
);
const sizes = (args.sizes ?? '50:5,200:15,500:40')
  .split(',')
  .map((s) => s.split(':').map(Number) as [number, number]);
const limits = (args['time-limit'] ?? '5,10,20').split(',').map(Number);
const seed = Number(args.seed ?? 1);

/** Staff mix of a mobile team: about half nurses, then physicians, one of each other discipline. */
function staffMix(n: number): Discipline[] {
  const others: Discipline[] = ['psychologist', 'social_worker', 'chaplain', 'caregiver', 'therapist'];
  const out: Discipline[] = [];
  const nPhys = Math.max(1, Math.round(n * 0.2));
  const nOther = Math.min(others.length, Math.max(1, Math.round(n * 0.2)));
  for (let i = 0; i < nPhys; i++) out.push('physician');
  for (let i = 0; i < nOther; i++) out.push(others[i]!);
  while (out.length < n) out.push('nurse');
  return out;
}

function instance(patients: number, staffCount: number) {
  const rnd = seededRandom(seed * 7919 + patients);
  const townPool = demoTowns.flatMap((t) => Array.from({ length: t.weight }, () => t));
  const roles = staffMix(staffCount);
  const staff = roles.map((role) => ({ id: rnd.uuid(), role }));
  const nurses = staff.filter((s) => s.role === 'nurse');
  const points = [demoBase];
  const plans: PlanForWeek[] = [];
  for (let i = 0; i < patients; i++) {
    // demo-like: mostly Minsk and the nearest towns, the rest elsewhere in the demo's 70 km area
    const town = rnd.next() < 0.8 ? demoTowns[rnd.int(0, 3)]! : rnd.pick(townPool);
    points.push({ lat: town.lat + (rnd.next() - 0.5) * 0.08, lon: town.lon + (rnd.next() - 0.5) * 0.12 });
    const w = rnd.next();
    const content: CarePlanContent = carePlanContentSchema.parse({
      frequencies: [
        { discipline: 'nurse', mode: 'weekly', timesPerWeek: rnd.next() < 0.2 ? 3 : 2, durationMinutes: 45 },
        { discipline: 'physician', mode: 'interval', everyDays: 14, durationMinutes: 60 },
        ...(rnd.next() < 0.3
          ? [{ discipline: 'psychologist', mode: 'weekly', timesPerWeek: 1, durationMinutes: 60 }]
          : []),
        ...(rnd.next() < 0.25
          ? [{ discipline: 'social_worker', mode: 'interval', everyDays: 30, durationMinutes: 45 }]
          : []),
      ],
      preferredTimes:
        w < 0.35 ? { from: '09:00', to: '13:00' } : w < 0.6 ? { from: '12:00', to: '16:30' } : null,
      keyWorkerId: nurses.length ? nurses[i % nurses.length]!.id : null,
      reviewDate: '2027-01-01',
    });
    plans.push({
      patientId: `p${i}`,
      content,
      lastVisitDay: { physician: -rnd.int(1, 14), social_worker: -rnd.int(1, 30) },
      alreadyInWeek: {},
    });
  }
  // the rota works Monday to Friday: interval visits due at the weekend come forward to Friday
  const weekdayRota = Object.fromEntries(roles.map((r) => [r, [0, 1, 2, 3, 4]]));
  const reqs = weekRequirements(plans, [1, 2, 3, 4, 5, 6, 7], 'bench', weekdayRota);
  const { minutes, km } = estimateMatrix(points, { roadFactor: 1.3, speedKmh: 40 });
  const input: AdapterInput = {
    name: `bench ${patients}/${staffCount}`,
    days: 7,
    minutes,
    km,
    staff: staff.map((s) => ({
      id: s.id,
      disciplines: [s.role],
      shifts: [0, 1, 2, 3, 4].map((day) => ({ day, start: 480, end: 1020 })),
    })),
    visits: reqs.map((r) => ({
      id: r.id,
      location: Number(r.patientId.slice(1)) + 1,
      discipline: r.discipline,
      durationMinutes: r.durationMinutes,
      window: r.window,
      days: r.days,
      count: r.count,
      minGapDays: r.minGapDays,
      keyWorkerId: r.discipline === 'nurse' ? r.keyWorkerId : null,
    })),
  };
  return { input, required: reqs.reduce((s, r) => s + r.count, 0), bound: capacityBound(input) };
}

/**
 * An upper bound on the visits the week can hold, per discipline: each visit costs at least its
 * duration plus the drive from the nearest other place (or the base), and all of them together
 * cannot exceed the discipline's shift minutes; the cheapest visits are counted first. Windows,
 * days and returns to the base are ignored, so no plan can beat it.
 */
function capacityBound(input: AdapterInput): number {
  const nearest = (loc: number) =>
    Math.min(...input.minutes.map((row, from) => (from === loc ? Number.POSITIVE_INFINITY : row[loc]!)));
  let bound = 0;
  for (const discipline of new Set(input.visits.map((v) => v.discipline))) {
    const minutes = input.staff
      .filter((s) => s.disciplines.includes(discipline))
      .reduce((sum, s) => sum + s.shifts.reduce((x, sh) => x + sh.end - sh.start, 0), 0);
    const costs = input.visits
      .filter((v) => v.discipline === discipline)
      .flatMap((v) => Array.from({ length: v.count ?? 1 }, () => v.durationMinutes + nearest(v.location)))
      .sort((a, b) => a - b);
    let used = 0;
    for (const c of costs) {
      if (used + c > minutes) break;
      used += c;
      bound++;
    }
  }
  return bound;
}

/** Spread of worked hours (visits and driving) between staff of one discipline: the largest max − min. */
function hoursSpread(plan: Plan, input: AdapterInput): number {
  const worked = new Map<string, number>(input.staff.map((s) => [s.id, 0]));
  for (const r of plan.routes)
    worked.set(r.staff, (worked.get(r.staff) ?? 0) + (r.returnTime - r.departure) / 60);
  let spread = 0;
  for (const discipline of new Set(input.staff.flatMap((s) => s.disciplines))) {
    const hours = input.staff
      .filter((s) => s.disciplines.includes(discipline))
      .map((s) => worked.get(s.id) ?? 0);
    if (hours.length > 1) spread = Math.max(spread, Math.max(...hours) - Math.min(...hours));
  }
  return spread;
}

const fmt = (x: number, d = 1) => x.toFixed(d).padStart(8);
console.log(`# bench:dispatch — a week (Mon–Fri shifts 08:00–17:00), demo-like area, seed ${seed}`);
console.log(
  'patients staff required bound | planner: planned  travel/visit_min  km/visit  continuity  spread_h  seconds  heap_MB | baseline: planned  travel/visit_min  km/visit  continuity  ms | travel gain',
);
for (const [k, [patients, staffCount]] of sizes.entries()) {
  const { input, required, bound } = instance(patients, staffCount);
  const timeLimit = limits[Math.min(k, limits.length - 1)]!;
  const t0 = performance.now();
  const b = baselinePlan(input);
  const baseMs = performance.now() - t0;
  const heap0 = process.memoryUsage().heapUsed;
  let heapPeak = heap0;
  const problem = toProblem(input);
  const t1 = performance.now();
  const plan = solve(problem, {
    timeLimit,
    seed,
    onProgress: () => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    },
  });
  const seconds = (performance.now() - t1) / 1000;
  const result = fromPlan(plan);
  const planned = result.assignments.length;
  const keyOf = new Map(input.visits.map((v) => [v.id, v.keyWorkerId ?? null]));
  const withKey = result.assignments.filter((a) => keyOf.get(a.visitId));
  const continuity = withKey.length
    ? withKey.filter((a) => keyOf.get(a.visitId) === a.staffId).length / withKey.length
    : null;
  const pPer = plan.travelTime / Math.max(1, planned);
  const bPer = b.travelMinutes / Math.max(1, b.planned);
  console.log(
    [
      String(patients).padStart(8),
      String(staffCount).padStart(5),
      String(required).padStart(8),
      String(bound).padStart(5),
      '|',
      String(planned).padStart(16),
      fmt(pPer).padStart(17),
      fmt(plan.distance / Math.max(1, planned)).padStart(9),
      fmt(continuity ?? 0, 2).padStart(11),
      fmt(hoursSpread(plan, input)).padStart(9),
      fmt(seconds).padStart(8),
      fmt((heapPeak - heap0) / 1e6).padStart(8),
      '|',
      String(b.planned).padStart(18),
      fmt(bPer).padStart(17),
      fmt(b.travelKm / Math.max(1, b.planned)).padStart(9),
      fmt(b.continuity ?? 0, 2).padStart(11),
      fmt(baseMs, 0).padStart(4),
      '|',
      `${fmt((1 - pPer / bPer) * 100, 0)} %`,
    ].join(' '),
  );
}
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);

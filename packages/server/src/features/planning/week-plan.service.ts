import {
  type BoardRoute,
  type CapacityInput,
  can,
  capacityTable,
  clinicalRoles,
  type Discipline,
  disciplines,
  forbidden,
  type PlanRun,
  planMeasures,
  type TimedRoute,
  type WeekRunInput,
  weekRequirements,
} from '@hearth/domain';
import type { Plan } from '@hearth/planner';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { addDays, localDate, localMinutes } from '../../platform/time.ts';
import { currentPlans } from '../care-plans/care-plans.repository.ts';
import * as visits from '../visits/visits.repository.ts';
import { boardRoute, Places, type StopInfo, stopOf } from './day-context.ts';
import type { PreparedRun } from './plan-run-job.ts';
import { type StoredResult, startRun } from './plan-runs.service.ts';
import { type AdapterStaff, type AdapterVisit, fromPlan, toProblem } from './planner-adapter.ts';
import { travelMatrix } from './travel.ts';

/** What a week run keeps for publishing (the domain's `weekRunInputSchema`). */
export type WeekInput = WeekRunInput;

/** Which days of the horizon have someone of each discipline on the rota. */
function workingDaysByDiscipline(shifts: { role: string | undefined; day: number }[]) {
  const out: Partial<Record<Discipline, number[]>> = {};
  for (const sh of shifts) {
    if (!sh.role || !disciplines.includes(sh.role as Discipline)) continue;
    const list = out[sh.role as Discipline] ?? [];
    if (!list.includes(sh.day)) out[sh.role as Discipline] = [...list, sh.day];
  }
  return out;
}

const weekdayOf = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * Prepares planning a week: the care plans' visit requirements for the week (minus visits already
 * planned), the rota's shifts, the families' windows and key workers go to the planner in a
 * worker thread. Runs again from the week alone when another process takes the run over.
 * Progress is polled (and an event says when it is ready). Visits already scheduled that week stay
 * where they are.
 */
export async function prepareWeek(deps: AppDeps, orgId: string, weekStart: string): Promise<PreparedRun> {
  const settings = await loadSettings(deps.db, orgId);
  const days = Array.from({ length: 7 }, (_, d) => addDays(weekStart, d));
  const weekEnd = days[6]!;
  const [plans, existing, last, shifts, staff] = await Promise.all([
    currentPlans(deps.db, orgId),
    visits.visitsBetween(deps.db, orgId, weekStart, weekEnd),
    visits.lastVisitDays(deps.db, orgId, weekStart),
    visits.shiftsBetween(deps.db, orgId, weekStart, weekEnd),
    visits.activeStaff(deps.db, orgId, clinicalRoles),
  ]);
  const kept = existing.filter(
    (v) => v.status !== 'cancelled' && v.status !== 'requested' && v.status !== 'on_hold' && v.staffId,
  );
  const dayIndex = (date: string) => Math.round((Date.parse(date) - Date.parse(weekStart)) / 86_400_000);
  const requirements = weekRequirements(
    plans.map((p) => ({
      patientId: p.patientId,
      content: p.content,
      lastVisitDay: Object.fromEntries(
        last
          .filter((l) => l.patientId === p.patientId)
          .map((l) => [l.discipline, dayIndex(String(l.lastDate))]),
      ),
      alreadyInWeek: kept
        .filter((v) => v.patientId === p.patientId)
        .reduce<Partial<Record<Discipline, number>>>((acc, v) => {
          const d = v.discipline as Discipline;
          acc[d] = (acc[d] ?? 0) + 1;
          return acc;
        }, {}),
    })),
    days.map(weekdayOf),
    weekStart,
    workingDaysByDiscipline(
      shifts.map((sh) => ({
        role: staff.find((s) => s.id === sh.userId)?.role,
        day: dayIndex(sh.shiftDate),
      })),
    ),
  );
  const byPatient = new Map(plans.map((p) => [p.patientId, p]));
  // days already past are not planned; today only from now on
  const now = deps.clock();
  const todayIndex = dayIndex(localDate(now, settings.timeZone));
  const nowMin = Math.ceil(localMinutes(now, settings.timeZone) / 15) * 15;
  const ahead = requirements.flatMap((r) => {
    const open = r.days.filter((d) => d >= todayIndex);
    if (open.length === 0) return [];
    const count = Math.min(r.count, open.length);
    return [
      {
        ...r,
        days: open,
        count,
        minGapDays:
          count > 1
            ? Math.min(r.minGapDays, Math.floor((open[open.length - 1]! - open[0]!) / (count - 1)) || 1)
            : 1,
      },
    ];
  });
  const input: WeekInput = {
    weekStart,
    requirements: ahead.map((r) => {
      const p = byPatient.get(r.patientId)!;
      // continuity is about the same person of the discipline: the key worker counts for their own
      const keyWorkerId =
        staff.find((s) => s.id === r.keyWorkerId)?.role === r.discipline ? r.keyWorkerId : null;
      return {
        ...r,
        keyWorkerId,
        patientName: `${p.patientLastName} ${p.patientFirstName}`,
        address: p.address,
        lat: p.lat,
        lon: p.lon,
      };
    }),
  };
  const places = new Places(settings.base);
  for (const r of input.requirements) places.of(r.patientId, r.lat, r.lon);
  for (const v of kept) places.of(v.patientId, v.lat, v.lon);
  const matrix = await travelMatrix(places.points, settings.travel);

  const adapterStaff: AdapterStaff[] = staff.map((s) => ({
    id: s.id,
    disciplines: [s.role],
    shifts: shifts
      .filter((sh) => sh.userId === s.id && dayIndex(sh.shiftDate) >= todayIndex)
      .map((sh) => {
        const day = dayIndex(sh.shiftDate);
        return {
          day,
          start: day === todayIndex ? Math.max(sh.startMin, nowMin) : sh.startMin,
          end: sh.endMin,
        };
      })
      .filter((sh) => sh.start < sh.end),
  }));
  const adapterVisits: AdapterVisit[] = [
    ...input.requirements.map((r) => ({
      id: r.id,
      location: places.of(r.patientId, r.lat, r.lon),
      discipline: r.discipline,
      durationMinutes: r.durationMinutes,
      window: r.window,
      days: r.days,
      count: r.count,
      minGapDays: r.minGapDays,
      keyWorkerId: r.keyWorkerId,
    })),
    ...kept
      .filter(
        (v) =>
          v.status === 'scheduled' &&
          v.startMin !== null &&
          (dayIndex(v.visitDate) > todayIndex ||
            (dayIndex(v.visitDate) === todayIndex && v.startMin >= nowMin)),
      )
      .map((v) => ({
        id: `kept:${v.id}`,
        location: places.of(v.patientId, v.lat, v.lon),
        discipline: v.discipline,
        durationMinutes: v.durationMin,
        window: null,
        days: [dayIndex(v.visitDate)],
        fixed: { staffId: v.staffId!, day: dayIndex(v.visitDate), start: v.startMin! },
      })),
  ];
  const problem = toProblem({
    name: `week ${weekStart}`,
    days: 7,
    minutes: matrix.minutes,
    km: matrix.km,
    staff: adapterStaff,
    visits: adapterVisits,
    weights: { balance: settings.planningBalanceWeight, overtime: settings.planningOvertimeWeight },
  });

  const finish = (plan: Plan) => {
    const result = fromPlan(plan);
    const req = new Map(input.requirements.map((r) => [r.id, r]));
    const keptById = new Map(kept.map((v) => [`kept:${v.id}`, v]));
    const assignments: StoredResult['assignments'] = [];
    const routes: BoardRoute[] = [];
    const timed: TimedRoute[] = [];
    const visitsForMeasures: { staffId: string | null; keyWorkerId: string | null }[] = [];
    let keptPlanned = 0;
    const capacityRoutes: CapacityInput['routes'] = [];
    // continuity counts the key worker of the visit's own discipline, for kept visits too
    const keyWorkerOf = (patientId: string, discipline: string) => {
      const k = byPatient.get(patientId)?.content.keyWorkerId ?? null;
      return staff.find((s) => s.id === k)?.role === discipline ? k : null;
    };
    const groups = new Map<string, typeof result.assignments>();
    for (const a of result.assignments) {
      const k = `${a.staffId}|${a.day}`;
      groups.set(k, [...(groups.get(k) ?? []), a]);
    }
    for (const [k, list] of groups) {
      const [staffId, dayStr] = k.split('|') as [string, string];
      const date = days[Number(dayStr)]!;
      const person = staff.find((s) => s.id === staffId)!;
      const shift = shifts.find((sh) => sh.userId === staffId && sh.shiftDate === date);
      // an engine start that is not a number (seen once in a re-plan) must never reach start_min:
      // such a stop is timed by the route instead, and its assignment takes the route's start
      const untimed = new Map<number, (typeof assignments)[number]>();
      const stops: StopInfo[] = list
        .sort((a, b) => a.sequence - b.sequence)
        .map((a, index) => {
          const r = req.get(a.visitId);
          const fixedStart = Number.isFinite(a.start) ? a.start : undefined;
          if (r) {
            const key = `${a.visitId}#${a.occurrence}`;
            const assignment = { key, staffId, date, start: Math.round(a.start), sequence: a.sequence };
            if (fixedStart === undefined) untimed.set(index, assignment);
            assignments.push(assignment);
            visitsForMeasures.push({ staffId, keyWorkerId: r.keyWorkerId });
            return {
              visitId: key,
              discipline: r.discipline,
              durationMinutes: r.durationMinutes,
              window: r.window,
              location: places.of(r.patientId, r.lat, r.lon),
              patientId: r.patientId,
              patientName: r.patientName,
              address: r.address,
              coordinates: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
              kind: 'planned',
              status: 'proposed',
              ...(fixedStart === undefined ? {} : { fixedStart }),
            };
          }
          const v = keptById.get(a.visitId)!;
          visitsForMeasures.push({ staffId, keyWorkerId: keyWorkerOf(v.patientId, v.discipline) });
          keptPlanned++;
          return { ...stopOf(v, places), ...(fixedStart === undefined ? {} : { fixedStart }) };
        });
      const b = boardRoute(
        person,
        date,
        shift ? { start: shift.startMin, end: shift.endMin } : null,
        stops,
        matrix,
      );
      for (const [index, assignment] of untimed) assignment.start = Math.round(b.timed.stops[index]!.start);
      routes.push(b.route);
      timed.push(b.timed);
      capacityRoutes.push({
        discipline: person.role as Discipline,
        date,
        visitMinutes: stops.reduce((sum, st) => sum + st.durationMinutes, 0),
        travelMinutes: b.timed.travelMinutes,
        visits: stops.length,
      });
    }
    routes.sort((a, b) => a.date.localeCompare(b.date) || a.staffName.localeCompare(b.staffName));
    const againstPublished = comparePublished(routes, adapterVisits.filter((v) => v.fixed).length);
    const unassigned = result.unassigned
      .filter((u) => req.has(u.visitId))
      .map((u) => {
        const r = req.get(u.visitId)!;
        visitsForMeasures.push({ staffId: null, keyWorkerId: r.keyWorkerId });
        return {
          patientId: r.patientId,
          patientName: r.patientName,
          discipline: r.discipline,
          reason: u.reason,
          code: u.code,
          dates: r.days.map((d) => days[d]!),
        };
      });
    // Visits already scheduled that week are part of the week's work: counting their driving but
    // not the visits themselves showed re-plans after publishing as "8 / 43" at 448 min a visit.
    const required = input.requirements.reduce((s, r) => s + r.count, 0) + keptPlanned;
    const capacity = capacityTable({
      shifts: adapterStaff.flatMap((s) =>
        s.shifts.map((sh) => ({
          discipline: s.disciplines[0] as Discipline,
          date: days[sh.day]!,
          minutes: sh.end - sh.start,
        })),
      ),
      routes: capacityRoutes,
      unplanned: result.unassigned.flatMap((u) => {
        const r = req.get(u.visitId);
        return r
          ? [
              {
                discipline: r.discipline,
                code: u.code,
                minutes: r.durationMinutes,
                dates: r.days.map((d) => days[d]!),
              },
            ]
          : [];
      }),
    });
    const stored: StoredResult = {
      routes,
      unassigned,
      capacity,
      measures: planMeasures(timed, visitsForMeasures, required),
      changes: [],
      assignments,
      againstPublished,
    };
    return stored;
  };
  return { input, job: { problem, timeLimitSeconds: settings.planningTimeLimitSeconds }, finish };
}

/** Starts planning a week (see prepareWeek); answers at once with the running run. */
export async function planWeek(deps: AppDeps, ctx: RequestContext, weekStart: string) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const prepared = await prepareWeek(deps, ctx.actor.organizationId, weekStart);
  return startRun(deps, ctx, {
    kind: 'week',
    weekStart,
    request: { kind: 'week', weekStart },
    prepared,
    audit: { action: 'planning.start' },
  });
}

/**
 * What publishing a week plan changes against the visits already published for that week: the
 * visits it adds, and the published visits still to come, which it plans around and keeps as
 * they are (a week plan never moves or removes a published visit; that is done on the board).
 */
function comparePublished(
  routes: BoardRoute[],
  publishedAhead: number,
): NonNullable<PlanRun['againstPublished']> {
  // the new visits are the routes' proposed stops, with the times the preview shows
  const added = routes.flatMap((r) =>
    r.stops
      .filter((st) => st.status === 'proposed')
      .map((st) => ({
        patientName: st.patientName,
        discipline: st.discipline,
        staffName: r.staffName,
        date: r.date,
        start: st.start,
      })),
  );
  added.sort((x, y) => x.date.localeCompare(y.date) || x.start.localeCompare(y.start));
  return { kept: publishedAhead, added };
}

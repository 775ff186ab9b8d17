/**
 * Urgent visits: a same-day re-plan with the new visit made as soon as it can, by the alert's
 * answer-by time when that can be met.
 */

import {
  type BoardRoute,
  can,
  forbidden,
  hhmmOf,
  keptWindowToday,
  notFound,
  type PlanRun,
  sameDayVisitToMerge,
  startedStatuses,
  type UrgentRunInput,
  urgentLatestStart,
  urgentSetOff,
} from '@hearth/domain';
import type { Plan } from '@hearth/planner';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { loadPatientFor } from '../../platform/access/patient-access.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate, localMinutes } from '../../platform/time.ts';
import { findAlertView } from '../alerts/alerts.repository.ts';
import type { findPatient } from '../patients/patients.repository.ts';
import { boardRoute, byStart, dayContext, type StopInfo, stopOf } from './day-context.ts';
import type { PreparedRun, UrgentRequest } from './plan-run-job.ts';
import { type StoredResult, startRun } from './plan-runs.service.ts';
import {
  type AdapterStaff,
  type AdapterVisit,
  fromPlan,
  previousPlan,
  toProblem,
} from './planner-adapter.ts';
import { travelMatrix } from './travel.ts';

/** What an urgent run keeps for publishing (the domain's `urgentRunInputSchema`). */
export type UrgentInput = UrgentRunInput;

/** The patient row the urgent re-plan reads (name, address, place). */
type UrgentPatient = NonNullable<Awaited<ReturnType<typeof findPatient>>>;

/** How long past the end of a shift an urgent visit may keep someone. */
const urgentOvertimeMinutes = 120;

/**
 * What each minute the urgent visit starts after now costs the planner: ten minutes of someone's
 * travel, so an earlier arrival wins over a shorter route (the other families' windows stay hard).
 */
const urgentMinuteCost = 10;

/**
 * Urgent visit: re-plans today with the new visit (mandatory) made as soon as it can — by the
 * alert's answer-by time when that can be met, else as early as possible that day; visits already under way or done keep their person and time, and the others keep their
 * families' agreed windows (hard, not at a cost). When the patient already has a visit of that
 * discipline later today, the urgent visit takes its place (brought forward) unless the
 * coordinator asks for both. Nothing changes until the coordinator accepts the preview.
 */
export async function previewUrgent(deps: AppDeps, ctx: RequestContext, body: UrgentRequest) {
  if (!can(ctx.actor, 'planning:run')) throw forbidden();
  const patient = await loadPatientFor(deps, ctx, 'visit:schedule', body.patientId);
  const orgId = ctx.actor.organizationId;
  if (body.alertId) {
    const alert = await findAlertView(deps.db, orgId, body.alertId);
    if (!alert || alert.patientId !== patient.id) throw notFound('alert');
  }
  const prepared = await prepareUrgent(deps, orgId, patient, body);
  return startRun(deps, ctx, {
    kind: 'urgent',
    weekStart: prepared.input.date,
    request: { kind: 'urgent', ...body },
    prepared,
    audit: { action: 'planning.urgent-preview', patientId: patient.id },
  });
}

/**
 * The urgent re-plan of today for a patient already let through the gate (by the request that
 * started it, or by the run a process takes over).
 */
export async function prepareUrgent(
  deps: AppDeps,
  orgId: string,
  patient: UrgentPatient,
  body: UrgentRequest,
): Promise<PreparedRun & { input: UrgentInput }> {
  const settings = await loadSettings(deps.db, orgId);
  const now = deps.clock();
  const date = localDate(now, settings.timeZone);
  const nowMin = localMinutes(now, settings.timeZone);
  const alert = body.alertId ? await findAlertView(deps.db, orgId, body.alertId) : undefined;
  const answerBy = alert
    ? {
        date: localDate(alert.dueAt, settings.timeZone),
        minute: localMinutes(alert.dueAt, settings.timeZone),
      }
    : null;
  const latestStart = urgentLatestStart(nowMin, date, answerBy);
  const dc = await dayContext(deps.db, orgId, date);
  const urgentLoc = dc.places.of(patient.id, patient.lat, patient.lon);
  if (urgentLoc === dc.places.points.length - 1 || !dc.matrix.minutes[urgentLoc])
    Object.assign(dc, { matrix: await travelMatrix(dc.places.points, settings.travel) });
  const sameDayId = sameDayVisitToMerge(
    dc.visits.map((v) => ({
      id: v.id,
      patientId: v.patientId,
      discipline: v.discipline,
      status: v.status,
      startMin: v.startMin,
    })),
    patient.id,
    body.discipline,
  )?.id;
  const sameDay = dc.visits.find((v) => v.id === sameDayId) ?? null;
  const merged = sameDay !== null && body.sameDayVisit !== 'keep';
  // the visit being brought forward is not planned around: the urgent visit is that visit
  const assigned = dc.visits.filter(
    (v) => v.staffId && v.status !== 'requested' && !(merged && v.id === sameDay.id),
  );
  // from the base (place 0) now, or when the first booked visit needs her: see urgentSetOff
  const setOff = (staffId: string, shift: { start: number; end: number }) => {
    const hers = assigned.filter((v) => v.staffId === staffId);
    const booked = hers
      .filter((v) => !startedStatuses.includes(v.status) && v.startMin !== null)
      .sort(byStart)[0];
    return urgentSetOff(shift, nowMin, {
      alreadyOut: hers.some((v) => startedStatuses.includes(v.status)),
      firstBooked: booked
        ? {
            startMin: booked.startMin!,
            travelMinutes: dc.matrix.minutes[0]![dc.places.of(booked.patientId, booked.lat, booked.lon)]!,
          }
        : null,
    });
  };
  const adapterStaff: AdapterStaff[] = dc.staff.map((s) => ({
    id: s.id,
    disciplines: [s.role],
    shifts: dc.shifts
      .filter((sh) => sh.userId === s.id)
      .map((sh) => ({
        day: 0,
        start: setOff(s.id, { start: sh.startMin, end: sh.endMin }),
        end: sh.endMin,
      })),
    // an urgent visit late in a shift is still made: the person stays on (the board shows the
    // overtime) rather than the visit being refused because it would end after the shift
    maxOvertime: urgentOvertimeMinutes,
  }));
  const onShift = new Set(dc.shifts.map((s) => s.userId));
  const adapterVisits: AdapterVisit[] = assigned
    .filter((v) => onShift.has(v.staffId!))
    .map((v) => {
      const started = startedStatuses.includes(v.status);
      return {
        id: v.id,
        location: dc.places.of(v.patientId, v.lat, v.lon),
        discipline: v.discipline,
        durationMinutes: v.durationMin,
        window: started
          ? null
          : keptWindowToday(
              { windowStart: v.windowStart, windowEnd: v.windowEnd, startMin: v.startMin },
              nowMin,
            ),
        days: [0],
        mandatory: true,
        ...(started && v.startMin !== null
          ? { fixed: { staffId: v.staffId!, day: 0, start: v.startMin } }
          : {}),
      };
    });
  const problemUntil = (end: number) =>
    toProblem({
      name: `urgent ${date}`,
      days: 1,
      minutes: dc.matrix.minutes,
      km: dc.matrix.km,
      staff: adapterStaff,
      visits: [
        ...adapterVisits,
        {
          id: 'urgent',
          location: urgentLoc,
          discipline: body.discipline,
          durationMinutes: body.durationMinutes,
          window: { start: nowMin, end },
          days: [0],
          mandatory: true,
          priority: 100,
          asSoonAsPossible: { from: nowMin, costPerMinute: urgentMinuteCost },
        },
      ],
      weights: { balance: settings.planningBalanceWeight, overtime: settings.planningOvertimeWeight },
    });
  const problem = problemUntil(latestStart);
  const previous = previousPlan(
    [...onShift].map((staffId) => ({
      staffId,
      day: 0,
      visitIds: assigned
        .filter((v) => v.staffId === staffId)
        .sort(byStart)
        .map((v) => v.id),
    })),
  );
  const input: UrgentInput = {
    date,
    patientId: patient.id,
    discipline: body.discipline,
    durationMinutes: body.durationMinutes,
    reason: body.reason,
    alertId: body.alertId ?? null,
    mergeVisitId: merged ? sameDay.id : null,
  };
  const finish = (plan: Plan): StoredResult => {
    const result = fromPlan(plan);
    const byId = new Map(assigned.map((v) => [v.id, v]));
    const staffName = (sid: string | null) => dc.staff.find((s) => s.id === sid)?.name ?? null;
    const routes: BoardRoute[] = [];
    const assignments: StoredResult['assignments'] = [];
    const changes: PlanRun['changes'] = [];
    for (const s of dc.staff) {
      const list = result.assignments
        .filter((a) => a.staffId === s.id)
        .sort((a, b) => a.sequence - b.sequence);
      if (list.length === 0 && !onShift.has(s.id)) continue;
      const stops: StopInfo[] = list.map((a) => {
        if (a.visitId === 'urgent')
          return {
            visitId: 'urgent',
            discipline: body.discipline,
            durationMinutes: body.durationMinutes,
            window: null,
            location: urgentLoc,
            patientId: patient.id,
            patientName: `${patient.lastName} ${patient.firstName}`,
            address: patient.address,
            coordinates:
              patient.lat !== null && patient.lon !== null ? { lat: patient.lat, lon: patient.lon } : null,
            kind: 'urgent',
            status: 'proposed',
            fixedStart: a.start,
          };
        return { ...stopOf(byId.get(a.visitId)!, dc.places), fixedStart: a.start };
      });
      const shift = dc.shifts.find((sh) => sh.userId === s.id);
      const b = boardRoute(
        s,
        date,
        shift ? { start: shift.startMin, end: shift.endMin } : null,
        stops,
        dc.matrix,
      );
      routes.push(b.route);
      for (const [i, a] of list.entries()) {
        const start = Math.round(b.timed.stops[i]!.start);
        assignments.push({ key: a.visitId, staffId: s.id, date, start, sequence: i });
        const before = byId.get(a.visitId);
        if (
          before &&
          !startedStatuses.includes(before.status) &&
          (before.staffId !== s.id || Math.abs((before.startMin ?? 0) - start) >= 5)
        )
          changes.push({
            visitId: before.id,
            patientName: `${before.lastName} ${before.firstName}`,
            fromStaffName: staffName(before.staffId),
            toStaffName: s.name,
            fromStart: before.startMin === null ? null : hhmmOf(before.startMin),
            toStart: hhmmOf(start),
          });
      }
    }
    const unplaced = result.unassigned.find((u) => u.visitId === 'urgent');
    const arrives = assignments.find((a) => a.key === 'urgent')?.start;
    const answerByMin = answerBy?.date === date ? answerBy.minute : null;
    // an answer-by time on another day: already passed (earlier) or met by any time today
    const byAnswerBy = (at: number) =>
      !answerBy ? null : answerByMin === null ? answerBy.date > date : at <= answerByMin;
    return {
      routes,
      unassigned: unplaced
        ? [
            {
              patientId: patient.id,
              patientName: `${patient.lastName} ${patient.firstName}`,
              discipline: body.discipline,
              reason: unplaced.reason,
            },
          ]
        : [],
      measures: null,
      changes,
      assignments,
      sameDayVisit: sameDay
        ? {
            visitId: sameDay.id,
            staffName: staffName(sameDay.staffId),
            start: sameDay.startMin === null ? null : hhmmOf(sameDay.startMin),
            merged,
          }
        : null,
      urgentTiming:
        arrives === undefined
          ? null
          : {
              arrives: hhmmOf(arrives),
              answerBy: answerByMin === null ? null : hhmmOf(answerByMin),
              byAnswerBy: byAnswerBy(arrives),
            },
    };
  };
  const timeLimitSeconds = Math.min(settings.planningTimeLimitSeconds, 3);
  return {
    input,
    job: { problem, previous, timeLimitSeconds },
    finish,
    // the answer-by time cannot be met: the visit is still made, as soon as it can that day
    retry: (plan) =>
      latestStart < 1439 && plan.unassigned.some((u) => u.visit === 'urgent')
        ? { problem: problemUntil(1439), previous, timeLimitSeconds }
        : null,
  };
}

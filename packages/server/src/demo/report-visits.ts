import { clinicalRoles } from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import * as visits from '../features/visits/visits.repository.ts';
import type { StaffShiftTable } from '../features/visits/visits.table.ts';
import { addDays } from '../platform/time.ts';
import type { DemoContext } from './clinical-watch.ts';
import type { Random } from './random.ts';

const minute = 60_000;
/** Minsk is UTC+3 all year (no summer time since 2011). */
const minskOffsetMin = 180;

export interface PastVisit {
  patientId: string;
  staffId: string;
  discipline: 'nurse' | 'physician';
  /** Local date and start minute. */
  date: string;
  startMin: number;
  durationMin: number;
  missed?: boolean;
}

/** The instant of a local time on a local date in Minsk. */
export const minskInstant = (date: string, minOfDay: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (minOfDay - minskOffsetMin) * minute);

/**
 * A visit of the months before, as the visits feature leaves it: completed (checked in at its
 * start, completed when it ended) with its status event, or missed with the reason.
 */
export async function insertPastVisit(trx: Conn, rnd: Random, ctx: DemoContext, v: PastVisit) {
  const id = rnd.uuid();
  const start = minskInstant(v.date, v.startMin);
  const end = new Date(start.getTime() + v.durationMin * minute);
  await visits.insertVisits(trx, [
    {
      id,
      organization_id: ctx.orgId,
      patient_id: v.patientId,
      discipline: v.discipline,
      kind: 'planned',
      status: v.missed ? 'missed' : 'completed',
      staff_id: v.staffId,
      visit_date: v.date,
      start_min: v.startMin,
      duration_min: v.durationMin,
      window_start: null,
      window_end: null,
      reason: null,
      status_reason: v.missed ? 'Семья не открыла, пациент в больнице' : null,
      plan_run_id: null,
      sequence: null,
      checked_in_at: v.missed ? null : start,
      check_in_lat: null,
      check_in_lon: null,
      completed_at: v.missed ? null : end,
      created_by: ctx.userIds.coordinator ?? null,
      created_at: new Date(start.getTime() - 3 * 24 * 60 * minute),
      updated_at: v.missed ? start : end,
    },
  ]);
  await visits.insertEvent(trx, {
    id: rnd.uuid(),
    organization_id: ctx.orgId,
    visit_id: id,
    from_status: v.missed ? 'scheduled' : 'checked_in',
    to_status: v.missed ? 'missed' : 'completed',
    reason: v.missed ? 'Семья не открыла, пациент в больнице' : null,
    by_user_id: v.staffId,
    at: v.missed ? start : end,
    client_id: null,
  });
  return { id, end };
}

/** The next weekday on or after a local date (the team visits Monday to Friday). */
export const weekdayFrom = (date: string) => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date;
};

/**
 * The weekday rota 08:00-17:00 of the clinical staff from `from` up to (not including) `until`,
 * where the rota of the current weeks begins.
 */
export async function seedPastRota(trx: Conn, rnd: Random, ctx: DemoContext, from: string, until: string) {
  const staff = await visits.activeStaff(trx, ctx.orgId, clinicalRoles);
  const rows: StaffShiftTable[] = [];
  for (let d = from; d < until; d = addDays(d, 1)) {
    if (weekdayFrom(d) !== d) continue;
    for (const s of staff)
      rows.push({
        id: rnd.uuid(),
        organization_id: ctx.orgId,
        user_id: s.id,
        shift_date: d,
        start_min: 8 * 60,
        end_min: 17 * 60,
        created_by: ctx.userIds.coordinator ?? null,
        created_at: minskInstant(addDays(d, -14), 9 * 60),
        cancelled_at: null,
      });
  }
  if (rows.length) await visits.insertShifts(trx, rows);
}

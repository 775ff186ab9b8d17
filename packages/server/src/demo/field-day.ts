import type { Conn } from '../db/conn.ts';
import * as patients from '../features/patients/patients.repository.ts';
import * as visits from '../features/visits/visits.repository.ts';
import { addDays, localDate } from '../platform/time.ts';
import type { Random } from './random.ts';

/** Start times (minutes after midnight) of the demo nurse's visits: three today, two tomorrow. */
const plan: { dayOffset: 0 | 1; start: number }[] = [
  { dayOffset: 0, start: 10 * 60 },
  { dayOffset: 0, start: 12 * 60 + 30 },
  { dayOffset: 0, start: 15 * 60 },
  { dayOffset: 1, start: 10 * 60 },
  { dayOffset: 1, start: 13 * 60 },
];

/**
 * The demo nurse's visits of today and tomorrow, already scheduled, so a fresh demo's "My day"
 * has a round to walk and the phone's offline caseload (issue 14) has patients in it. Patients
 * whose team she is on, the family's patient first when she is on it. The HTTP tests leave these
 * out: they book and count their own visits.
 */
export async function seedFieldDay(
  trx: Conn,
  rnd: Random,
  ctx: { orgId: string; userIds: Partial<Record<string, string>>; patientIds: string[]; now: Date },
) {
  const nurseId = ctx.userIds.nurse;
  if (!nurseId) return;
  const today = localDate(ctx.now, 'Europe/Minsk');
  const active = await patients.listPatients(trx, {
    organizationId: ctx.orgId,
    status: 'active',
    limit: 200,
  });
  const order = [...active].sort(
    (a, b) => Number(b.id === ctx.patientIds[0]) - Number(a.id === ctx.patientIds[0]),
  );
  const hers: string[] = [];
  for (const p of order) {
    if (hers.length === plan.length) break;
    if ((await patients.teamOf(trx, ctx.orgId, p.id)).some((u) => u.id === nurseId)) hers.push(p.id);
  }
  for (const [i, v] of plan.entries()) {
    const patientId = hers[i % Math.max(hers.length, 1)];
    if (!patientId) return;
    const id = rnd.uuid();
    const date = addDays(today, v.dayOffset);
    const at = ctx.now;
    await visits.insertVisits(trx, [
      {
        id,
        organization_id: ctx.orgId,
        patient_id: patientId,
        discipline: 'nurse',
        kind: 'planned',
        status: 'scheduled',
        staff_id: nurseId,
        visit_date: date,
        start_min: v.start,
        duration_min: 45,
        window_start: null,
        window_end: null,
        reason: null,
        status_reason: null,
        plan_run_id: null,
        sequence: null,
        checked_in_at: null,
        check_in_lat: null,
        check_in_lon: null,
        completed_at: null,
        created_by: ctx.userIds.coordinator ?? null,
        created_at: at,
        updated_at: at,
      },
    ]);
    await visits.insertEvent(trx, {
      id: rnd.uuid(),
      organization_id: ctx.orgId,
      visit_id: id,
      from_status: 'requested',
      to_status: 'scheduled',
      reason: null,
      by_user_id: ctx.userIds.coordinator ?? nurseId,
      at,
      client_id: null,
    });
  }
}

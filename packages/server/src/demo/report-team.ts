import { meetingSchema } from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import { parseStored } from '../db/stored-json.ts';
import { insertMeeting, insertReview } from '../features/care-plans/care-plans.repository.ts';
import * as volunteers from '../features/volunteers/volunteers.repository.ts';
import { addDays } from '../platform/time.ts';
import type { DemoContext } from './clinical-watch.ts';
import type { Random } from './random.ts';
import { minskInstant, weekdayFrom } from './report-visits.ts';

const day = 24 * 3600_000;

/**
 * Team-meeting reviews before the two meetings the rest of the demo holds: every patient reviewed
 * there was reviewed every 14 days back to their coming into the service (every 15 days at
 * most, 42 CFR 418.56); now and then a patient waited a meeting longer. The due list of today
 * is unchanged: each patient's latest review stays the one the meetings demo gave.
 */
export async function seedPastReviews(trx: Conn, rnd: Random, ctx: DemoContext) {
  const { orgId } = ctx;
  const latest = await trx
    .selectFrom('team_meeting_review as r')
    .innerJoin('patient_status_history as h', (j) =>
      j
        .onRef('h.organization_id', '=', 'r.organization_id')
        .onRef('h.patient_id', '=', 'r.patient_id')
        .on('h.kind', '=', 'status')
        .on('h.to_value', '=', 'active'),
    )
    .select([
      'r.patient_id',
      (eb) => eb.fn.min('r.held_on').as('first_review'),
      (eb) => eb.fn.min('h.at').as('admitted'),
    ])
    .where('r.organization_id', '=', orgId)
    .groupBy('r.patient_id')
    .execute();
  const template = await trx
    .selectFrom('team_meeting')
    .select(['id', 'attendees'])
    .where('organization_id', '=', orgId)
    .orderBy('held_on')
    .limit(1)
    .executeTakeFirst();
  if (!template) return;
  const meetings = new Map<string, string>(
    (
      await trx
        .selectFrom('team_meeting')
        .select(['id', 'held_on'])
        .where('organization_id', '=', orgId)
        .execute()
    ).map((m) => [m.held_on, m.id]),
  );
  const meetingOn = async (heldOn: string) => {
    const known = meetings.get(heldOn);
    if (known) return known;
    const id = rnd.uuid();
    await insertMeeting(trx, {
      id,
      organization_id: orgId,
      held_on: heldOn,
      notes: 'Плановый разбор пациентов.',
      attendees: parseStored(meetingSchema.shape.attendees, template.attendees, {
        table: 'team_meeting',
        column: 'attendees',
        id: template.id,
      }),
      created_by: ctx.userIds.coordinator!,
      created_at: minskInstant(heldOn, 15 * 60),
    });
    meetings.set(heldOn, id);
    return id;
  };
  for (const p of latest) {
    const admitted = new Date(p.admitted).toISOString().slice(0, 10);
    for (let on = addDays(p.first_review, -14); on > addDays(admitted, 2); on = addDays(on, -14)) {
      if (rnd.next() < 0.08) continue; // the patient waited for the next meeting
      await insertReview(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        meeting_id: await meetingOn(on),
        patient_id: p.patient_id,
        held_on: on,
        summary: 'План без изменений; симптомы под контролем.',
        care_plan_version: null,
        owner_id: null,
      });
    }
  }
}

/**
 * A volunteer's company for a child twice a month over the last five months, each a request done,
 * its assignment completed and the hours approved, as the volunteers feature records them; with
 * the adults' visits this keeps volunteer hours near the 5% of paid care hours the US hospice
 * CoP asks for (palliative-research.md §0).
 */
export async function seedVolunteerHistory(trx: Conn, rnd: Random, ctx: DemoContext, children: string[]) {
  const { orgId, now } = ctx;
  const by = ctx.userIds['volunteer-coordinator']!;
  const active = await trx
    .selectFrom('volunteer')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
  if (!active.length || !children.length) return;
  for (let k = 0; k < 10; k++) {
    const date = weekdayFrom(new Date(now.getTime() - (20 + k * 15) * day).toISOString().slice(0, 10));
    const at = minskInstant(date, 15 * 60);
    const minutes = rnd.pick([90, 120, 150]);
    const volunteerId = active[k % active.length]!.id;
    const requestId = rnd.uuid();
    await volunteers.insertRequest(trx, {
      id: requestId,
      organization_id: orgId,
      patient_id: children[k % children.length]!,
      kind: 'company_for_child',
      status: 'done',
      starts_at: at,
      duration_minutes: minutes,
      language: 'ru',
      what_to_bring: null,
      details: null,
      created_by: by,
      created_at: new Date(at.getTime() - 5 * day),
      updated_at: at,
    });
    const assignmentId = rnd.uuid();
    await volunteers.insertAssignment(trx, {
      id: assignmentId,
      organization_id: orgId,
      request_id: requestId,
      volunteer_id: volunteerId,
      status: 'completed',
      offered_by: by,
      offered_at: new Date(at.getTime() - 4 * day),
      responded_at: new Date(at.getTime() - 4 * day),
      decline_reason: null,
      closed_at: at,
      closed_by: by,
    });
    await volunteers.insertHours(trx, {
      id: rnd.uuid(),
      organization_id: orgId,
      assignment_id: assignmentId,
      volunteer_id: volunteerId,
      on_date: date,
      minutes,
      note: 'Играли, читали книги.',
      status: 'approved',
      logged_by: by,
      logged_at: new Date(at.getTime() + 4 * 3600_000),
      decided_by: by,
      decided_at: new Date(at.getTime() + day),
      reject_reason: null,
    });
  }
}

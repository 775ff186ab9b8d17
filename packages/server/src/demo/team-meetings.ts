import type { Conn } from '../db/conn.ts';
import {
  currentPlans,
  insertMeeting,
  insertReview,
  usersByIds,
} from '../features/care-plans/care-plans.repository.ts';
import { addDays, localDate } from '../platform/time.ts';
import type { Random } from './random.ts';

/** A decision and the discipline that owns it. */
const decisions = [
  ['Боль под контролем, план без изменений.', 'nurse'],
  ['Семья устала: подключить психолога, обсудить передышку.', 'psychologist'],
  ['Нарастает слабость: чаще визиты медсестры.', 'nurse'],
  ['Одышка по ночам: врач пересмотрит назначения на визите.', 'physician'],
  ['Стабильно; проверить оформление пособия.', 'social_worker'],
] as const;

/**
 * Two past interdisciplinary team meetings, so the meetings page shows a believable due list:
 * patients reviewed three weeks ago are due again (every 15 days, DOMAIN.md step 5), those
 * reviewed last week are not, and the rest were never reviewed. Runs after the care plans.
 */
export async function seedTeamMeetings(
  trx: Conn,
  rnd: Random,
  ctx: { orgId: string; userIds: Partial<Record<string, string>>; now: Date; timeZone: string },
) {
  const { orgId, userIds, now } = ctx;
  const today = localDate(now, ctx.timeZone);
  const staff = (
    [
      ['physician', 'physician'],
      ['nurse', 'nurse'],
      ['psychologist', 'psychologist'],
      ['social-worker', 'social_worker'],
    ] as const
  )
    .filter(([slug]) => userIds[slug])
    .map(([slug, discipline]) => ({ userId: userIds[slug]!, slug, discipline }));
  const names = await usersByIds(
    trx,
    orgId,
    staff.map((s) => s.userId),
  );
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const patients = (await currentPlans(trx, orgId)).map((p) => p.patientId).sort();
  // the first third was reviewed three weeks ago, the next third last week
  const third = Math.ceil(patients.length / 3);
  const meetings = [
    { heldOn: addDays(today, -22), reviewed: patients.slice(0, third) },
    { heldOn: addDays(today, -8), reviewed: patients.slice(third, 2 * third) },
  ];
  for (const m of meetings) {
    const id = rnd.uuid();
    await insertMeeting(trx, {
      id,
      organization_id: orgId,
      held_on: m.heldOn,
      notes: 'Плановый разбор пациентов.',
      attendees: staff.map((s) => ({
        userId: s.userId,
        name: nameOf.get(s.userId) ?? s.slug,
        discipline: s.discipline,
      })),
      created_by: userIds.coordinator!,
      created_at: new Date(`${m.heldOn}T12:00:00Z`),
    });
    for (const patientId of m.reviewed) {
      const [summary, owner] = rnd.pick(decisions);
      await insertReview(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        meeting_id: id,
        patient_id: patientId,
        held_on: m.heldOn,
        summary,
        care_plan_version: null,
        owner_id: staff.find((x) => x.discipline === owner)?.userId ?? null,
      });
    }
  }
}

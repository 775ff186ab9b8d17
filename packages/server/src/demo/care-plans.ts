import { type CarePlanContent, carePlanContentSchema, clinicalRoles } from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import { insertVersion } from '../features/care-plans/care-plans.repository.ts';
import * as patients from '../features/patients/patients.repository.ts';
import * as visits from '../features/visits/visits.repository.ts';
import { addDays, localDate } from '../platform/time.ts';
import { type Random, seededRandom } from './random.ts';
import { minskInstant } from './report-visits.ts';
import { visitNoteFor } from './visit-notes.ts';

const problems: Record<string, readonly (readonly [string, string, readonly string[]])[]> = {
  nurse: [
    [
      'Боль при движении',
      'Боль не выше 3 из 10 при повороте',
      ['Оценка боли каждый визит', 'Обучить семью смене положения'],
    ],
    ['Риск пролежней', 'Кожа цела', ['Осмотр кожи', 'Противопролежневый матрас', 'Барьерный крем']],
    ['Запоры на фоне опиоидов', 'Стул не реже раза в 3 дня', ['Контроль стула', 'Питьевой режим']],
  ],
  physician: [
    [
      'Контроль болевого синдрома',
      'Пациент спит ночью без боли',
      ['Пересмотр схемы обезболивания', 'Лекарства «на всякий случай»'],
    ],
    ['Одышка', 'Одышка не мешает разговору', ['Положение сидя', 'Оценка необходимости кислорода']],
  ],
  psychologist: [
    [
      'Тревога родственников',
      'Семья знает, к кому обратиться',
      ['Беседа с семьёй', 'План на случай ухудшения'],
    ],
  ],
  social_worker: [
    ['Оформление документов', 'Пособие оформлено', ['Помощь с документами', 'Связь с соцзащитой']],
  ],
};

/**
 * Demo care plans for the active patients (nurse twice a week, physician every two weeks,
 * sometimes psychologist and social worker), a weekday rota 08:00–17:00 for the clinical staff
 * from last week to two weeks ahead, and last week's completed visits, so planning the week
 * shows something real at once, each with the visit's notes. Deterministic for the seeded generator.
 */
export async function seedCarePlans(
  trx: Conn,
  rnd: Random,
  orgId: string,
  userIds: Partial<Record<string, string>>,
  now: Date,
  timeZone: string,
) {
  const today = localDate(now, timeZone);
  // the notes draw from their own generator, so adding them left every other demo value as it was
  const notesRnd = seededRandom(20_261_202);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -weekday);
  const staff = await visits.activeStaff(trx, orgId, clinicalRoles);
  const shifts = [];
  for (let d = -7; d < 21; d++) {
    if ((d + 70) % 7 >= 5) continue;
    for (const s of staff)
      shifts.push({
        id: rnd.uuid(),
        organization_id: orgId,
        user_id: s.id,
        shift_date: addDays(monday, d),
        start_min: 8 * 60,
        end_min: 17 * 60,
        created_by: userIds.coordinator ?? null,
        created_at: now,
        cancelled_at: null,
      });
  }
  await visits.insertShifts(trx, shifts);

  const active = await patients.listPatients(trx, { organizationId: orgId, status: 'active', limit: 200 });
  for (const [i, p] of active.entries()) {
    const team = await patients.teamOf(trx, orgId, p.id);
    const nurse = team.find((u) => u.role === 'nurse');
    const pick = <T>(list: readonly T[]) => list[i % list.length]!;
    const item = (discipline: 'nurse' | 'physician' | 'psychologist' | 'social_worker') => {
      const [problem, goal, interventions] = pick(problems[discipline]!);
      return { discipline, problem, goal, interventions: [...interventions], ownerId: null };
    };
    const withPsych = rnd.next() < 0.3;
    const withSocial = rnd.next() < 0.25;
    const window = rnd.next();
    const content: CarePlanContent = carePlanContentSchema.parse({
      items: [
        item('nurse'),
        item('physician'),
        ...(withPsych ? [item('psychologist')] : []),
        ...(withSocial ? [item('social_worker')] : []),
      ],
      frequencies: [
        { discipline: 'nurse', mode: 'weekly', timesPerWeek: i % 5 === 0 ? 3 : 2, durationMinutes: 45 },
        { discipline: 'physician', mode: 'interval', everyDays: 14, durationMinutes: 60 },
        ...(withPsych
          ? [{ discipline: 'psychologist', mode: 'weekly', timesPerWeek: 1, durationMinutes: 60 }]
          : []),
        ...(withSocial
          ? [{ discipline: 'social_worker', mode: 'interval', everyDays: 30, durationMinutes: 45 }]
          : []),
      ],
      preferredTimes:
        window < 0.35
          ? { from: '09:00', to: '13:00', weekdays: [] }
          : window < 0.6
            ? { from: '12:00', to: '16:30', weekdays: [] }
            : null,
      keyWorkerId: nurse?.id ?? null,
      reviewDate: addDays(today, 7 + (i % 10)),
      phase: i % 11 === 3 ? 'unstable' : 'stable',
    });
    await insertVersion(trx, {
      id: rnd.uuid(),
      organizationId: orgId,
      patientId: p.id,
      version: 1,
      content,
      reason: 'Первичный план ухода после поступления',
      meetingId: null,
      changedBy: userIds.physician ?? userIds.coordinator!,
      at: now,
    });
    // last week: the physician's and a nurse's completed visits
    const physician = team.find((u) => u.role === 'physician');
    const past = [
      ...(nurse ? [{ staff: nurse.id, discipline: 'nurse', daysAgo: rnd.int(3, 6) }] : []),
      ...(physician ? [{ staff: physician.id, discipline: 'physician', daysAgo: rnd.int(2, 13) }] : []),
    ];
    for (const v of past) {
      const date = addDays(today, -v.daysAgo);
      const id = rnd.uuid();
      const start = rnd.int(9, 15) * 60;
      // checked in at its start and completed 45 minutes later (not at the hour the demo is seeded)
      const at = minskInstant(date, start);
      const done = new Date(at.getTime() + 45 * 60_000);
      await visits.insertVisits(trx, [
        {
          id,
          organization_id: orgId,
          patient_id: p.id,
          discipline: v.discipline,
          kind: 'planned',
          status: 'completed',
          staff_id: v.staff,
          visit_date: date,
          start_min: start,
          duration_min: 45,
          window_start: null,
          window_end: null,
          reason: null,
          status_reason: null,
          plan_run_id: null,
          sequence: null,
          checked_in_at: at,
          check_in_lat: null,
          check_in_lon: null,
          completed_at: done,
          created_by: userIds.coordinator ?? null,
          created_at: at,
          updated_at: done,
        },
      ]);
      await visits.insertEvent(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        visit_id: id,
        from_status: 'checked_in',
        to_status: 'completed',
        reason: null,
        by_user_id: v.staff,
        at: done,
        client_id: null,
      });
      await visits.insertNote(trx, {
        id: notesRnd.uuid(),
        organization_id: orgId,
        visit_id: id,
        patient_id: p.id,
        content: visitNoteFor(v.discipline, notesRnd),
        by_user_id: v.staff,
        at: done,
        client_id: null,
      });
    }
  }
}

import type { Conn } from '../db/conn.ts';
import { insertCall } from '../features/oncall/oncall.repository.ts';
import * as programmes from '../features/programmes/programmes.repository.ts';
import type { DemoContext } from './clinical-watch.ts';
import type { Random } from './random.ts';

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * Calls of the months before about the adults in care: mostly advice by phone, and now and then
 * the family had called an ambulance first (over half of caregivers in the US study had,
 * palliative-research.md §4; a service that gives its number early sees fewer).
 */
export async function seedPastCalls(trx: Conn, rnd: Random, ctx: DemoContext, adults: string[]) {
  const answerers = ['coordinator', 'physician', 'nurse'].map((r) => ctx.userIds[r]!);
  for (let k = 0; k < 14; k++) {
    const receivedAt = new Date(ctx.now.getTime() - (15 + k * 10) * day - rnd.int(0, 900) * minute);
    const ambulance = k % 5 === 1;
    await insertCall(trx, {
      id: rnd.uuid(),
      organization_id: ctx.orgId,
      patient_id: adults[k % adults.length]!,
      caller_type: 'family',
      caller_name: rnd.pick(['Дочь пациента', 'Жена пациента', 'Сын пациентки']),
      reason: ambulance
        ? 'Вызвали скорую из-за одышки, что делать дальше?'
        : 'Вопрос о приёме обезболивающего',
      received_at: receivedAt,
      answered_at: new Date(receivedAt.getTime() + rnd.pick([1, 2, 4]) * minute),
      answered_by: rnd.pick(answerers),
      outcome: ambulance ? 'visit_arranged' : 'advice_given',
      ambulance_called_first: ambulance,
      alert_id: null,
      created_at: receivedAt,
    });
  }
}

/**
 * The spring run of the children's palliative care course: five learners enrolled four months
 * ago, four finished with a certificate. The current run and the short course are the
 * programmes demo's.
 */
export async function seedPastCourseRun(trx: Conn, rnd: Random, ctx: DemoContext) {
  const course = await trx
    .selectFrom('programme')
    .select('id')
    .where('organization_id', '=', ctx.orgId)
    .where('name', '=', 'Основы паллиативной помощи детям')
    .executeTakeFirst();
  if (!course) return;
  const enrolled = new Date(ctx.now.getTime() - 120 * day);
  const learners = [
    ['Елена Мазур', 'Детская поликлиника №3'],
    ['Андрей Гриб', 'Минский областной хоспис'],
    ['Вера Литвин', 'Волонтёр службы'],
    ['Юлия Карпенко', 'Городская детская больница №2'],
    ['Олег Сушко', 'Волонтёр службы'],
  ] as const;
  for (const [n, [name, org]] of learners.entries()) {
    const done = n < 4;
    await programmes.insertEnrolment(trx, {
      id: rnd.uuid(),
      organization_id: ctx.orgId,
      programme_id: course.id,
      user_id: null,
      learner_name: name,
      learner_email: null,
      learner_organization: org,
      enrolled_by: ctx.userIds['volunteer-coordinator']!,
      enrolled_at: enrolled,
      completed_on: done ? new Date(enrolled.getTime() + 30 * day).toISOString().slice(0, 10) : null,
      certificate_number: done ? `TC-${enrolled.getUTCFullYear()}-${String(101 + n).padStart(4, '0')}` : null,
    });
  }
}

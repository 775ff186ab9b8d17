import type { Conn } from '../db/conn.ts';
import { insertCase, insertDecision } from '../features/commission/commission.repository.ts';
import { insertCareRequest } from '../features/intake/intake.repository.ts';
import { readStoredSettings } from '../platform/settings/settings.service.ts';
import { addDays, localDate } from '../platform/time.ts';
import type { DemoContext } from './clinical-watch.ts';
import type { Random } from './random.ts';
import { seedPastCalls, seedPastCourseRun } from './report-calls-courses.ts';
import { seedAdultSymptomHistory, seedAdvanceCarePlans, seedSevereFollowUps } from './report-care.ts';
import { seedCaregiverScreenings, seedCaregiverSkills } from './report-family.ts';
import { seedMedicineHistory } from './report-medicines.ts';
import { seedProgrammeHistory } from './report-programmes.ts';
import { seedPastReviews, seedVolunteerHistory } from './report-team.ts';
import { seedPastRota } from './report-visits.ts';

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * History for the Reports area (issue 18), where the rest of the demo holds only the current
 * weeks: five months of care requests called back mostly in time (some late, a quarter of them
 * about children), commission decisions before the first visits of some patients, and
 * admission days before the demo deaths (the patients are otherwise created "now"), and the
 * months of records behind every other measure (`seedMeasureHistory`, its own generator so the
 * requests stay as they were).
 */
export async function seedReportHistory(trx: Conn, rnd: Random, ctx: DemoContext, measuresRnd: Random) {
  const deadlineMinutes = (await readStoredSettings(trx, ctx.orgId)).value.callbackDeadlineMinutes;
  await seedRequestHistory(trx, rnd, { ...ctx, deadlineMinutes });
  // the months of visits first: the commission decides before a patient's first visit
  await seedMeasureHistory(trx, measuresRnd, ctx);
  await seedDecisions(trx, rnd, ctx);
  await backdateAdmissionsOfTheDead(trx, rnd, ctx);
}

/**
 * Months of records behind the measures the current weeks leave empty (symptoms, medicines,
 * family, children's programmes, advance care plans), each made as its feature's rules make it;
 * the active patients came into the service when their first record says.
 */
async function seedMeasureHistory(trx: Conn, rnd: Random, ctx: DemoContext) {
  const active = await trx
    .selectFrom('patient')
    .select(['id', 'date_of_birth'])
    .where('organization_id', '=', ctx.orgId)
    .where('status', '=', 'active')
    .where('id', 'in', ctx.patientIds)
    .execute();
  // the seed's order; the first patient is the demo family's, whose record journeys start clean
  const inOrder = ctx.patientIds.flatMap((id) => active.filter((p) => p.id === id)).slice(1);
  const childCut = `${ctx.now.getUTCFullYear() - 18}${ctx.now.toISOString().slice(4, 10)}`;
  const children = inOrder.filter((p) => p.date_of_birth > childCut).map((p) => p.id);
  const adults = inOrder.filter((p) => p.date_of_birth <= childCut).map((p) => p.id);
  const ids = inOrder.map((p) => p.id);
  const firstDay = await seedAdultSymptomHistory(trx, rnd, ctx, adults.slice(0, 12));
  // the rota of the current weeks starts on the Monday of last week (care-plans.ts)
  const today = localDate(ctx.now, 'Europe/Minsk');
  const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  await seedPastRota(trx, rnd, ctx, firstDay, addDays(monday, -7));
  await seedAdvanceCarePlans(trx, rnd, ctx, ids);
  await seedCaregiverScreenings(trx, rnd, ctx, ids.slice(0, 14));
  await seedCaregiverSkills(trx, rnd, ctx, ids.slice(2, 14));
  await seedProgrammeHistory(trx, rnd, ctx, children);
  await seedMedicineHistory(trx, rnd, ctx, [ctx.patientIds[2]!, ctx.patientIds[12]!, ctx.patientIds[20]!]);
  await backdateAdmissions(trx, ctx, ids);
  await seedSevereFollowUps(trx, rnd, ctx);
  await seedPastReviews(trx, rnd, ctx);
  await seedVolunteerHistory(trx, rnd, ctx, children);
  await seedPastCalls(trx, rnd, ctx, adults);
  await seedPastCourseRun(trx, rnd, ctx);
}

/** An active patient came into the service a day before their first record, not "now". */
async function backdateAdmissions(trx: Conn, ctx: DemoContext, patientIds: string[]) {
  const firsts = await trx
    .selectFrom('assessment')
    .select(['patient_id', (eb) => eb.fn.min('taken_at').as('first')])
    .where('organization_id', '=', ctx.orgId)
    .where('patient_id', 'in', patientIds)
    .groupBy('patient_id')
    .execute();
  for (const f of firsts)
    await trx
      .updateTable('patient_status_history')
      .set({ at: new Date(new Date(f.first).getTime() - day) })
      .where('organization_id', '=', ctx.orgId)
      .where('patient_id', '=', f.patient_id)
      .where('kind', '=', 'status')
      .where('to_value', '=', 'active')
      .execute();
}

const closedReasons = [
  'Помощь оказана: принят в службу',
  'Направлены в поликлинику по месту жительства',
  'Семья отказалась от помощи',
  'Пациент госпитализирован',
];
const names = ['Иванова Г. П.', 'Петров С. А.', 'Сидорова Л. М.', 'Козлов В. И.', 'Миронова Д.', 'Ткачук А.'];

async function seedRequestHistory(trx: Conn, rnd: Random, ctx: DemoContext & { deadlineMinutes: number }) {
  const { orgId, userIds, now } = ctx;
  let n = 0;
  for (let monthsBack = 5; monthsBack >= 1; monthsBack--) {
    const count = rnd.int(8, 12);
    for (let i = 0; i < count; i++) {
      n += 1;
      const createdAt = new Date(
        now.getTime() - monthsBack * 30 * day + rnd.int(0, 29) * day + rnd.int(8, 19) * 60 * minute,
      );
      const due = new Date(createdAt.getTime() + ctx.deadlineMinutes * minute);
      // about one in eight is late; last month has a late call about a child for the journey
      const forcedLateChild = monthsBack === 1 && i === 0;
      const late = forcedLateChild || rnd.next() < 0.12;
      const firstCall = late
        ? new Date(due.getTime() + rnd.int(20, 300) * minute)
        : new Date(createdAt.getTime() + rnd.int(2, Math.max(3, ctx.deadlineMinutes - 1)) * minute);
      const child = forcedLateChild || rnd.next() < 0.25;
      const referred = rnd.next() < 0.45;
      const requestId = rnd.uuid();
      await insertCareRequest(trx, {
        id: requestId,
        organization_id: orgId,
        reference: `R26-H${String(1000 + n)}`,
        source: rnd.next() < 0.6 ? 'phone' : 'web',
        status: referred ? 'referred' : 'closed',
        patient_name: child ? `Ребёнок ${rnd.pick(names).split(' ')[0]}` : rnd.pick(names),
        patient_age_years: child ? rnd.int(1, 16) : rnd.int(45, 92),
        requester_name: 'Родственник',
        relationship: child ? 'мать' : rnd.pick(['дочь', 'сын', 'жена', 'муж']),
        diagnosis_text: child
          ? 'СМА, тяжёлое течение'
          : rnd.pick(['рак лёгкого', 'БАС', 'ХСН IV ФК', 'ХОБЛ']),
        address: 'Минская область',
        phone: `+375 29 ${rnd.int(100, 999)}-${rnd.int(10, 99)}-${rnd.int(10, 99)}`,
        preferred_call_time: 'днём',
        locale: 'ru',
        consent_at: createdAt,
        created_by: null,
        created_at: createdAt,
        callback_due_at: due,
        first_call_at: firstCall,
        escalated_at: late ? due : null,
        closed_reason: referred ? null : rnd.pick(closedReasons),
        commission_case_id: null,
      });
      await trx
        .insertInto('call_attempt')
        .values({
          id: rnd.uuid(),
          organization_id: orgId,
          care_request_id: requestId,
          at: firstCall,
          by_user_id: userIds.coordinator!,
          outcome: 'reached',
          note: null,
        })
        .execute();
    }
  }
}

/** Granted commission cases a few days before the first completed visit of some patients. */
async function seedDecisions(trx: Conn, rnd: Random, ctx: DemoContext) {
  const { orgId, userIds } = ctx;
  const firstVisits = await trx
    .selectFrom('visit')
    .select(['patient_id', (eb) => eb.fn.min('visit_date').as('first_visit')])
    .where('organization_id', '=', orgId)
    .where('status', '=', 'completed')
    .groupBy('patient_id')
    .limit(10)
    .execute();
  for (const v of firstVisits) {
    const decided = new Date(Date.parse(`${v.first_visit}T12:00:00Z`) - rnd.int(1, 9) * day);
    const opened = new Date(decided.getTime() - rnd.int(3, 16) * day);
    const caseId = rnd.uuid();
    await insertCase(trx, {
      id: caseId,
      organization_id: orgId,
      status: 'granted',
      patient_id: v.patient_id,
      care_request_id: null,
      icd10: 'C34.1',
      diagnosis: 'Демо: решение комиссии',
      performance_scale: 'pps',
      performance_score: rnd.pick([30, 40, 50]),
      reason: 'Паллиативный статус для помощи на дому',
      created_by: userIds.coordinator!,
      created_at: opened,
      updated_at: decided,
    });
    await insertDecision(trx, {
      id: rnd.uuid(),
      organization_id: orgId,
      case_id: caseId,
      decision: 'granted',
      decided_on: decided.toISOString().slice(0, 10),
      members: [{ name: 'Андрей Морозов', role: 'председатель' }],
      review_date: null,
      missing: null,
      reason: null,
      notes: null,
      recorded_by: userIds.commission!,
      recorded_at: decided,
    });
  }
}

/** A demo death happened months after the patient came into the service, not before. */
async function backdateAdmissionsOfTheDead(trx: Conn, rnd: Random, ctx: DemoContext) {
  const deaths = await trx
    .selectFrom('death_record')
    .select(['patient_id', 'died_at'])
    .where('organization_id', '=', ctx.orgId)
    .execute();
  for (const d of deaths) {
    await trx
      .updateTable('patient_status_history')
      .set({ at: new Date(d.died_at.getTime() - rnd.int(20, 200) * day) })
      .where('organization_id', '=', ctx.orgId)
      .where('patient_id', '=', d.patient_id)
      .where('kind', '=', 'status')
      .where('to_value', '=', 'active')
      .where('at', '>', d.died_at)
      .execute();
  }
}

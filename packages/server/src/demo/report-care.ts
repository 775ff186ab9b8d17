import { esasItems, type InstrumentAnswers, type PhaseOfIllness, scoreAssessment } from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import { insertPlan } from '../features/advance-care/advance-care.repository.ts';
import { insertAssessment } from '../features/assessments/assessments.repository.ts';
import { teamOf } from '../features/patients/patients.repository.ts';
import { addDays, localDate } from '../platform/time.ts';
import type { DemoContext } from './clinical-watch.ts';
import type { Random } from './random.ts';
import { insertPastVisit, weekdayFrom } from './report-visits.ts';

const day = 24 * 3600_000;
const clamp = (v: number) => Math.max(0, Math.min(10, Math.round(v)));

/**
 * The adults' months before the current weeks, for the Reports symptom, team and end-of-life
 * measures (the rest of the demo holds the children's last six weeks and last week's visits).
 * Each of a dozen active adults came into the service two to five months ago: the physician's
 * admission visit finds severe symptoms and an unstable phase, which settles in one to three days
 * (one patient takes five); the key-worker nurse visits weekly (now and then a colleague covers,
 * a visit is missed, or a late visit runs past the shift), the physician fortnightly. Most nurse
 * visits rate ESAS-r: pain and breathlessness ease as the palliative care works, more for some
 * than for others. Visits stop ten days ago, where last week's begin; the phases settle long
 * before, so today's pages (phases, clown-visit rule, team meetings) are as the rest of the demo
 * makes them. Returns the first day of the history.
 */
export async function seedAdultSymptomHistory(trx: Conn, rnd: Random, ctx: DemoContext, adults: string[]) {
  const nurses = ['nurse', 'nurse2', 'nurse3'].map((s) => ctx.userIds[s]!);
  const lastDay = localDate(new Date(ctx.now.getTime() - 10 * day), 'Europe/Minsk');
  let firstDay = lastDay;
  for (const [k, patientId] of adults.entries()) {
    const team = await teamOf(trx, ctx.orgId, patientId);
    const keyNurse = team.find((u) => u.role === 'nurse')?.id ?? nurses[0]!;
    const physician = team.find((u) => u.role === 'physician')?.id ?? ctx.userIds.physician!;
    const rate = (answers: InstrumentAnswers, at: Date, by: string, visitId: string | null) =>
      insertAssessment(trx, {
        id: rnd.uuid(),
        organization_id: ctx.orgId,
        record_id: rnd.uuid(),
        version: 1,
        is_current: true,
        patient_id: patientId,
        instrument: answers.instrument,
        answers: answers.answers as Record<string, unknown>,
        scores: scoreAssessment(answers),
        flags: null,
        coping: null,
        note: null,
        source: 'staff',
        visit_id: visitId,
        taken_at: at,
        recorded_at: at,
        recorded_by: by,
        correction_reason: null,
      });
    const phase = (p: PhaseOfIllness, at: Date) =>
      rate({ instrument: 'phase', answers: { phase: p } }, at, physician, null);

    // admission: the physician finds severe pain (and for some severe breathlessness), unstable
    const admitted = weekdayFrom(
      localDate(new Date(ctx.now.getTime() - rnd.int(60, 150) * day), 'Europe/Minsk'),
    );
    if (admitted < firstDay) firstDay = admitted;
    const first = Object.fromEntries(esasItems.map((i) => [i, rnd.int(1, 5)])) as Record<string, number>;
    first.pain = rnd.int(6, 9);
    first.breathlessness = k % 3 === 0 ? rnd.int(7, 9) : rnd.int(2, 6);
    const admission = await insertPastVisit(trx, rnd, ctx, {
      patientId,
      staffId: physician,
      discipline: 'physician',
      date: admitted,
      startMin: rnd.int(10, 13) * 60,
      durationMin: rnd.int(60, 80),
    });
    await rate({ instrument: 'esas_r', answers: first }, admission.end, physician, admission.id);
    await phase('unstable', admission.end);
    await phase('stable', new Date(admission.end.getTime() + (k === 4 ? 5 : rnd.int(1, 3)) * day));

    // then weekly nurse visits (the first the next weekday) and the physician every fortnight
    const relief = k % 5 === 2 ? 0.5 : rnd.int(2, 5);
    let ratings = 0;
    for (let w = 0, date = weekdayFrom(addDays(admitted, 1)); date <= lastDay; w++) {
      const late = rnd.next() < 0.1;
      const visit = await insertPastVisit(trx, rnd, ctx, {
        patientId,
        staffId: rnd.next() < 0.85 ? keyNurse : rnd.pick(nurses),
        discipline: 'nurse',
        date,
        startMin: late ? rnd.int(16 * 60 + 15, 16 * 60 + 40) : rnd.int(9 * 60, 15 * 60),
        durationMin: rnd.int(40, 70),
        missed: rnd.next() < 0.06,
      });
      if (rnd.next() < 0.8) {
        ratings += 1;
        const eased = Math.min(1, ratings / 3) * relief;
        const answers = Object.fromEntries(
          esasItems.map((i) => [
            i,
            clamp(
              i === 'pain' || i === 'breathlessness'
                ? first[i]! - eased + rnd.int(-1, 0)
                : first[i]! + rnd.int(-1, 1),
            ),
          ]),
        );
        await rate(
          { instrument: 'esas_r', answers },
          new Date(visit.end.getTime() - 10 * 60_000),
          keyNurse,
          visit.id,
        );
      }
      if (w % 2 === 1)
        await insertPastVisit(trx, rnd, ctx, {
          patientId,
          staffId: physician,
          discipline: 'physician',
          date: weekdayFrom(addDays(date, 2)),
          startMin: rnd.int(9, 15) * 60,
          durationMin: rnd.int(45, 60),
        });
      date = weekdayFrom(addDays(date, rnd.int(6, 8)));
    }
  }
  return firstDay;
}

const places = ['home', 'home', 'home', 'inpatient_hospice', 'undecided'] as const;

/**
 * Advance care plans for about half of the patients seen, recorded in the months before (the
 * shared plan at death is about a third nationally, palliative-research.md §4; a specialist
 * service does better). No plan records a do-not-attempt-CPR decision: those need a form the
 * demo cannot show, and the end-of-life journey records one itself.
 */
export async function seedAdvanceCarePlans(trx: Conn, rnd: Random, ctx: DemoContext, patientIds: string[]) {
  for (const [k, patientId] of patientIds.entries()) {
    if (k % 2 === 1) continue;
    const place = rnd.pick(places);
    await insertPlan(trx, ctx.orgId, patientId, {
      id: rnd.uuid(),
      version: 1,
      plan: {
        preferredPlaceOfCare: place === 'undecided' ? 'home' : place,
        preferredPlaceOfDeath: place,
        resuscitation: { decision: rnd.pick(['attempt_cpr', 'not_discussed'] as const) },
        patientKnowsPrognosis: rnd.pick(['yes', 'partly'] as const),
        familyKnowsPrognosis: 'yes',
        consentToShare: true,
      },
      changeReason: 'Беседа с пациентом и семьёй на визите врача',
      recordedBy: ctx.userIds.physician!,
      recordedAt: new Date(ctx.now.getTime() - rnd.int(5, 120) * day),
    });
  }
}

/**
 * The nurse's visit the day after each answered severe-symptom alert ("the nurse comes
 * tomorrow", as the family was told): the follow-up within 48 hours the symptom measure counts.
 */
export async function seedSevereFollowUps(trx: Conn, rnd: Random, ctx: DemoContext) {
  const alerts = await trx
    .selectFrom('alert')
    .select(['patient_id', 'raised_at'])
    .where('organization_id', '=', ctx.orgId)
    .where('rule_id', '=', 'symptom.severe')
    .where('status', '=', 'resolved')
    .execute();
  for (const a of alerts) {
    const team = await teamOf(trx, ctx.orgId, a.patient_id);
    const next = localDate(new Date(a.raised_at.getTime() + day), 'Europe/Minsk');
    await insertPastVisit(trx, rnd, ctx, {
      patientId: a.patient_id,
      staffId: team.find((u) => u.role === 'nurse')?.id ?? ctx.userIds.nurse!,
      discipline: 'nurse',
      date: next,
      startMin: 10 * 60,
      durationMin: 50,
    });
  }
}

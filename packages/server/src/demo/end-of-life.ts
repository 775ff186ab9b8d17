import { bereavementDueDates, bereavementTaskKinds, deathChecklistItems } from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import * as acp from '../features/advance-care/advance-care.repository.ts';
import { scheduleOverdueCheck } from '../features/end-of-life/end-of-life.jobs.ts';
import * as eol from '../features/end-of-life/end-of-life.repository.ts';
import { findPatient } from '../features/patients/patients.repository.ts';
import { localDate } from '../platform/time.ts';
import type { Random } from './random.ts';

export interface EndOfLifeSeed {
  orgId: string;
  now: Date;
  timeZone: string;
  userIds: Partial<Record<string, string>>;
  patientIds: string[];
}

const dayMs = 86_400_000;
/**
 * Days before "now" of each demo death, chosen so no open bereavement contact falls due in the
 * next six weeks (the feature tests count what is due) and every past-due one is recorded.
 */
const daysAgo = [110, 197, 281, 399];

const outcomes = [
  'Позвонила дочери, поговорили о похоронах и о том, как она спит.',
  'Встреча дома, семья справляется, договорились о следующем звонке.',
  'Телефонный разговор, дала контакты группы поддержки.',
  'Сын благодарил команду, помощь пока не нужна.',
];

/**
 * Demo deaths and bereavement for the demo's deceased patients: each with an advance care plan
 * made before the death, a closed death record with its checklist done, and the family's
 * contacts recorded up to today, so the bereavement view and the measures show something.
 */
export async function seedEndOfLife(trx: Conn, rnd: Random, s: EndOfLifeSeed) {
  const { orgId, now, userIds } = s;
  const nurse = userIds.nurse!;
  const physician = userIds.physician!;
  const psychologist = userIds.psychologist!;
  const today = localDate(now, s.timeZone);
  const deceased = [];
  for (const id of s.patientIds) {
    const p = await findPatient(trx, orgId, id);
    if (p?.status === 'deceased') deceased.push(id);
  }
  for (const [i, patientId] of deceased.slice(0, daysAgo.length).entries()) {
    const diedAt = new Date(now.getTime() - daysAgo[i]! * dayMs - rnd.int(1, 10) * 3_600_000);
    const planAt = new Date(diedAt.getTime() - rnd.int(20, 60) * dayMs);
    const preferred = i === 1 ? 'inpatient_hospice' : 'home';
    const place = i === 2 ? 'inpatient_hospice' : 'home';
    await acp.insertPlan(trx, orgId, patientId, {
      id: rnd.uuid(),
      version: 1,
      plan: {
        preferredPlaceOfCare: 'home',
        preferredPlaceOfDeath: preferred,
        resuscitation: {
          decision: 'do_not_attempt_cpr',
          decidedOn: localDate(planAt, s.timeZone),
          formLocation: 'На холодильнике, в папке службы',
          whoWasTold: 'Семья, участковый терапевт',
        },
        ceilingsOfTreatment: 'Без реанимации и ИВЛ; госпитализация только для контроля симптомов',
        patientKnowsPrognosis: 'yes',
        familyKnowsPrognosis: 'yes',
        consentToShare: true,
      },
      changeReason: 'Беседа с пациентом и семьёй',
      recordedBy: physician,
      recordedAt: planAt,
    });
    const deathId = rnd.uuid();
    const recordedAt = new Date(diedAt.getTime() + 3 * 3_600_000);
    await eol.insertDeath(trx, {
      id: deathId,
      organization_id: orgId,
      patient_id: patientId,
      died_at: diedAt,
      place,
      place_note: null,
      preferred_place: preferred,
      in_preferred_place: preferred === place,
      verified_by: 'Мария Соколова, медсестра',
      verified_at: new Date(diedAt.getTime() + 2 * 3_600_000),
      notes: null,
      recorded_by: nurse,
      recorded_at: recordedAt,
      closed_at: new Date(recordedAt.getTime() + dayMs),
      closed_by: nurse,
    });
    await eol.insertChecklist(trx, orgId, deathId, deathChecklistItems);
    for (const item of deathChecklistItems)
      await eol.updateChecklistItem(trx, orgId, deathId, item, {
        status: 'done',
        note: null,
        witnesses: item === 'controlled_drug_disposal' ? ['Мария Соколова', 'Ирина Жук'] : [],
        done_at: recordedAt,
        done_by: nurse,
      });
    const due = bereavementDueDates(localDate(diedAt, s.timeZone));
    const tasks = bereavementTaskKinds.map((kind) => ({ id: rnd.uuid(), kind, dueOn: due[kind] }));
    await eol.insertTasks(
      trx,
      tasks.map((t) => {
        const done = t.dueOn <= today;
        return {
          id: t.id,
          organization_id: orgId,
          patient_id: patientId,
          death_record_id: deathId,
          kind: t.kind,
          due_on: t.dueOn,
          owner_id: psychologist,
          status: done ? ('done' as const) : ('open' as const),
          completed_on: done ? t.dueOn : null,
          outcome: done ? rnd.pick(outcomes) : null,
          risk_level: done && t.kind === 'risk_assessment' ? rnd.pick(['low', 'moderate']) : null,
          completed_by: done ? psychologist : null,
          created_at: recordedAt,
        };
      }),
    );
    for (const t of tasks) if (t.dueOn > today) await scheduleOverdueCheck(trx, orgId, t.id, t.dueOn);
  }
}

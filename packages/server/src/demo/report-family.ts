import { caregiverSkills, defaultZbi12Cutoff, scoreAssessment, zbi12ItemNumbers } from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import { insertAssessment } from '../features/assessments/assessments.repository.ts';
import { insertScreening, insertSkillRecord } from '../features/caregivers/caregivers.repository.ts';
import { insertReferral } from '../features/support/support.repository.ts';
import type { DemoContext } from './clinical-watch.ts';
import type { Random } from './random.ts';

const day = 24 * 3600_000;
const carers = ['Ольга', 'Наталья', 'Игорь', 'Светлана', 'Анна', 'Виктор'];

/**
 * Caregiver burden screenings (ZBI-12, as the caregiver workflow stores them: an assessment and
 * its screening row) spread over the last five months; a total at or over the cut-off gets a
 * referral to the psychologist with respite offered, as the workflow does. About a third of
 * caregivers of a home palliative patient screen high (palliative-research.md §3).
 */
export async function seedCaregiverScreenings(
  trx: Conn,
  rnd: Random,
  ctx: DemoContext,
  patientIds: string[],
) {
  const nurse = ctx.userIds.nurse!;
  for (const [k, patientId] of patientIds.entries()) {
    const at = new Date(ctx.now.getTime() - (10 + k * 11 + rnd.int(0, 6)) * day);
    const strained = k % 3 === 0;
    const items = Object.fromEntries(
      zbi12ItemNumbers.map((n) => [`q${n}`, strained ? rnd.int(1, 4) : rnd.int(0, 2)]),
    ) as Record<`q${(typeof zbi12ItemNumbers)[number]}`, number>;
    const answers = { instrument: 'zbi12', answers: { items } } as const;
    const total = Object.values(items).reduce((s, v) => s + v, 0);
    const caregiverName = rnd.pick(carers);
    const recordId = rnd.uuid();
    await insertAssessment(trx, {
      id: rnd.uuid(),
      organization_id: ctx.orgId,
      record_id: recordId,
      version: 1,
      is_current: true,
      patient_id: patientId,
      instrument: 'zbi12',
      answers: answers.answers as unknown as Record<string, unknown>,
      scores: scoreAssessment(answers),
      flags: null,
      coping: null,
      note: null,
      source: 'staff',
      visit_id: null,
      taken_at: at,
      recorded_at: at,
      recorded_by: nurse,
      correction_reason: null,
    });
    let referralId: string | null = null;
    if (total >= defaultZbi12Cutoff) {
      referralId = rnd.uuid();
      await insertReferral(trx, {
        id: referralId,
        organization_id: ctx.orgId,
        patient_id: patientId,
        discipline: 'psychologist',
        status: 'closed',
        source: 'caregiver_burden',
        reason: `ZBI-12: ${total} (порог ${defaultZbi12Cutoff})`,
        for_whom: caregiverName,
        respite_offered: true,
        assigned_user_id: ctx.userIds.psychologist!,
        outcome: 'Три встречи с психологом, передышка на выходные',
        created_by: nurse,
        created_at: at,
        updated_at: new Date(at.getTime() + 21 * day),
        closed_at: new Date(at.getTime() + 21 * day),
      });
    }
    await insertScreening(trx, {
      record_id: recordId,
      organization_id: ctx.orgId,
      patient_id: patientId,
      instrument: 'zbi12',
      caregiver_name: caregiverName,
      family_user_id: null,
      cannot_cope: false,
      on_request: false,
      referral_id: referralId,
      respite_offered: referralId !== null,
      created_at: at,
    });
  }
}

/** Skills the nurses taught the caregivers, signed off over the months of care (shown → confident). */
export async function seedCaregiverSkills(trx: Conn, rnd: Random, ctx: DemoContext, patientIds: string[]) {
  for (const [k, patientId] of patientIds.entries()) {
    const caregiverName = rnd.pick(carers);
    const start = ctx.now.getTime() - rnd.int(30, 140) * day;
    for (const [n, level] of (['shown', 'practised', 'confident'] as const).entries()) {
      if (n === 2 && k % 3 === 1) break; // not everyone is confident yet
      const signed = new Date(start + n * rnd.int(7, 20) * day);
      if (signed > ctx.now) break;
      await insertSkillRecord(trx, {
        id: rnd.uuid(),
        organization_id: ctx.orgId,
        patient_id: patientId,
        caregiver_name: caregiverName,
        family_user_id: null,
        skill: caregiverSkills[k % caregiverSkills.length]!,
        level,
        signed_on: signed.toISOString().slice(0, 10),
        nurse_id: ctx.userIds[k % 2 ? 'nurse2' : 'nurse']!,
        note: null,
        created_at: signed,
      });
    }
  }
}

import {
  ageInYears,
  esasItems,
  type InstrumentAnswers,
  isChild,
  type PhaseOfIllness,
  pressureScaleFor,
  scoreAssessment,
  triageRuleSetName,
  triageRuleSetVersion,
} from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import { insertAlert, insertAlertEvent } from '../features/alerts/alerts.repository.ts';
import { insertAssessment } from '../features/assessments/assessments.repository.ts';
import type { Random } from './random.ts';

const day = 24 * 3600_000;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

interface Ctx {
  orgId: string;
  userIds: Partial<Record<string, string>>;
  patientIds: string[];
  now: Date;
}

/**
 * Six weeks of believable symptom history for the first active patients, so the patient page's
 * charts show something on `npm start`: ESAS-r (or a child's FACES / FLACC) every 3-5 days with
 * slowly worsening tiredness and appetite and a pain flare, PPS falling a level every week or two,
 * Braden every fortnight, the phase moving from stable to deteriorating, and two alerts for the
 * first patient (one answered, one waiting).
 */
export async function seedAssessmentsHistory(trx: Conn, rnd: Random, ctx: Ctx) {
  const { orgId, userIds, now } = ctx;
  const today = now.toISOString().slice(0, 10);
  const nurses = ['nurse', 'nurse2', 'nurse3'].map((s) => userIds[s]).filter(Boolean) as string[];
  const physician = userIds.physician!;
  const rows = await trx
    .selectFrom('patient')
    .select(['id', 'date_of_birth'])
    .where('organization_id', '=', orgId)
    .where('id', 'in', ctx.patientIds)
    .where('status', '=', 'active')
    .execute();
  // keep the seed's order: the first patient is the demo family's
  const patients = ctx.patientIds.flatMap((id) => rows.filter((r) => r.id === id)).slice(0, 10);
  for (const [index, p] of patients.entries()) {
    const child = isChild(p.date_of_birth, today);
    const start = now.getTime() - 42 * day;
    const add = async (answers: InstrumentAnswers, at: Date, by: string, note: string | null = null) => {
      const recordId = rnd.uuid();
      await insertAssessment(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        record_id: recordId,
        version: 1,
        is_current: true,
        patient_id: p.id,
        instrument: answers.instrument,
        answers: answers.answers as Record<string, unknown>,
        scores: scoreAssessment(answers),
        flags: null,
        coping: null,
        note,
        source: 'staff',
        visit_id: null,
        taken_at: at,
        recorded_at: at,
        recorded_by: by,
        correction_reason: null,
      });
      return recordId;
    };
    // symptoms: a base level per item, drifting up; pain flares in the fifth week
    const base = Object.fromEntries(esasItems.map((i) => [i, rnd.int(0, 4)])) as Record<string, number>;
    let t = start;
    let last: { recordId: string; at: Date; pain: number } | null = null;
    // the demo family's patient keeps a clean symptom record: the diary journey starts from it
    while (index > 0 && t < now.getTime() - 3600_000) {
      const week = (t - start) / (7 * day);
      const at = new Date(t);
      const by = rnd.pick(nurses);
      const flare = week >= 4 && week < 5 ? 4 : 0;
      if (child) {
        const score = clamp((base.pain ?? 2) + week * 0.4 + flare + rnd.int(-1, 1), 0, 10);
        const faces = ([0, 2, 4, 6, 8, 10] as const).reduce((a, b) =>
          Math.abs(b - score) < Math.abs(a - score) ? b : a,
        );
        last = {
          recordId: await add({ instrument: 'faces', answers: { score: faces } }, at, by),
          at,
          pain: faces,
        };
        const f = clamp(score / 2, 0, 10);
        await add(
          {
            instrument: 'flacc',
            answers: {
              face: clamp(f / 5, 0, 2),
              legs: clamp(f / 4 - 0.5, 0, 2),
              activity: clamp(f / 5, 0, 2),
              cry: clamp(f / 4 - 1, 0, 2),
              consolability: clamp(f / 5 - 0.5, 0, 2),
            },
          },
          new Date(t + 600_000),
          by,
        );
      } else {
        const answers = Object.fromEntries(
          esasItems.map((i) => {
            const drift =
              i === 'tiredness' || i === 'appetite' || i === 'drowsiness' ? week * 0.7 : week * 0.25;
            const extra = i === 'pain' ? flare : 0;
            return [i, clamp((base[i] ?? 2) + drift + extra + rnd.int(-1, 1), 0, 10)];
          }),
        ) as Record<string, number>;
        const id = await add({ instrument: 'esas_r', answers }, at, by);
        last = { recordId: id, at, pain: answers.pain ?? 0 };
      }
      t += rnd.int(3, 5) * day + rnd.int(-3, 3) * 3600_000;
    }
    // PPS: 70 % six weeks ago, down a level every 10-14 days
    let pps = child ? 60 : 70;
    for (let d = 0; d < 42; d += rnd.int(7, 10)) {
      await add(
        { instrument: 'pps', answers: { level: pps as 70 } },
        new Date(start + d * day + 3600_000),
        physician,
      );
      if (rnd.next() < 0.6 && pps > 30) pps -= 10;
    }
    // Braden (Braden Q for a young child) every fortnight, risk rising as mobility falls
    const youngChild = pressureScaleFor(ageInYears(p.date_of_birth, today)) === 'braden_q';
    for (let d = 2, step = 0; d < 42; d += 14, step++) {
      const m = Math.max(1, 3 - step);
      const braden = {
        sensoryPerception: 3,
        moisture: step > 1 ? 2 : 3,
        activity: m,
        mobility: m,
        nutrition: Math.max(2, 3 - Math.floor(step / 2)),
      };
      await add(
        youngChild
          ? {
              instrument: 'braden_q',
              answers: { ...braden, frictionShear: step > 1 ? 2 : 3, tissuePerfusion: 3 },
            }
          : { instrument: 'braden', answers: { ...braden, frictionShear: step > 1 ? 1 : 2 } },
        new Date(start + d * day + 7200_000),
        rnd.pick(nurses),
      );
    }
    const phases: [number, PhaseOfIllness][] = [
      [0, 'stable'],
      [24, 'deteriorating'],
    ];
    for (const [d, phase] of phases)
      await add({ instrument: 'phase', answers: { phase } }, new Date(start + d * day + 5400_000), physician);

    if ((index === 1 || index === 2) && last) {
      // answered alerts from the pain flare, so the alert history has something; none is left
      // open, so the on-call inbox starts empty for the diary journey
      const alert = { at: new Date(start + (index === 1 ? 29 : 31) * day), resolved: true, pain: 8 };
      {
        const id = rnd.uuid();
        const sourceId = alert.resolved
          ? await add({ instrument: 'esas_r', answers: { pain: alert.pain } }, alert.at, rnd.pick(nurses))
          : await add(
              { instrument: 'esas_r', answers: { pain: alert.pain, breathlessness: 4 } },
              alert.at,
              nurses[0]!,
            );
        await insertAlert(trx, {
          id,
          organization_id: orgId,
          patient_id: p.id,
          severity: 'urgent',
          audience: 'clinical',
          status: alert.resolved ? 'resolved' : 'open',
          rule_set: triageRuleSetName,
          rule_set_version: triageRuleSetVersion,
          rule_id: 'symptom.severe',
          title: 'Severe symptom',
          facts: { readings: [{ item: 'pain', value: alert.pain, scale: 'esas_r' }], threshold: 7 },
          source_type: 'assessment',
          source_id: sourceId,
          owner_id: physician,
          escalation_level: 0,
          raised_by: nurses[0]!,
          raised_at: alert.at,
          due_at: new Date(alert.at.getTime() + 3600_000),
          acknowledged_at: alert.resolved ? new Date(alert.at.getTime() + 12 * 60_000) : null,
          acknowledged_by: alert.resolved ? physician : null,
          resolved_at: alert.resolved ? new Date(alert.at.getTime() + 40 * 60_000) : null,
          resolved_by: alert.resolved ? physician : null,
          outcome: alert.resolved ? 'therapy_adjusted' : null,
          outcome_note: alert.resolved
            ? 'Доза пролонгированного морфина увеличена, повторная оценка через 24 ч'
            : null,
          family_message: alert.resolved
            ? 'Врач изменил схему обезболивания; медсестра приедет завтра.'
            : null,
        });
        await insertAlertEvent(trx, {
          id: rnd.uuid(),
          organization_id: orgId,
          alert_id: id,
          at: alert.at,
          kind: 'raised',
          actor_id: nurses[0]!,
          to_user_id: physician,
          note: null,
        });
        if (alert.resolved)
          await insertAlertEvent(trx, {
            id: rnd.uuid(),
            organization_id: orgId,
            alert_id: id,
            at: new Date(alert.at.getTime() + 40 * 60_000),
            kind: 'resolved',
            actor_id: physician,
            to_user_id: null,
            note: 'therapy_adjusted',
          });
      }
    }
  }
}

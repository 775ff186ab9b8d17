import { rescueDosesReviewThreshold } from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import { insertAlert, insertAlertEvent } from '../features/alerts/alerts.repository.ts';
import * as repo from '../features/medicines/medicines.repository.ts';
import type { DemoContext } from './clinical-watch.ts';
import type { Random } from './random.ts';

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * The medicines measures' past: rescue-dose review alerts as the medicines rules raise them
 * (over the review threshold in 24 h, severity "review"; one was escalated before the physician
 * answered), a controlled-drug register counted each month with one count a vial short, and
 * "just in case" boxes of other patients expiring this month (one already expired last month,
 * waiting for the nurse to replace it).
 */
export async function seedMedicineHistory(trx: Conn, rnd: Random, ctx: DemoContext, onOpioid: string[]) {
  const { orgId, now } = ctx;
  const physician = ctx.userIds.physician!;
  const nurse = ctx.userIds.nurse2!;
  const prescriptions = await trx
    .selectFrom('prescription')
    .select(['id', 'patient_id'])
    .where('organization_id', '=', orgId)
    .where('patient_id', 'in', onOpioid)
    .execute();

  for (let a = 0; a < 5; a++) {
    const rx = prescriptions[a % prescriptions.length]!;
    const raised = new Date(now.getTime() - (8 + a * 23) * day - rnd.int(0, 600) * minute);
    const escalated = a === 2;
    const acknowledged = new Date(raised.getTime() + (escalated ? 35 : rnd.int(5, 25)) * minute);
    const resolved = new Date(acknowledged.getTime() + rnd.int(20, 90) * minute);
    const doses = rescueDosesReviewThreshold + 1 + (a % 2);
    const id = rnd.uuid();
    await insertAlert(trx, {
      id,
      organization_id: orgId,
      patient_id: rx.patient_id,
      severity: 'review',
      audience: 'clinical',
      status: 'resolved',
      rule_set: 'medicines',
      rule_set_version: '1',
      rule_id: 'rescue.over-threshold',
      title: `Review pain relief: ${doses} rescue doses in 24 h`,
      facts: { rescueDoses24h: doses, threshold: rescueDosesReviewThreshold, medicine: 'Морфин' },
      source_type: 'prescription',
      source_id: rx.id,
      owner_id: physician,
      escalation_level: escalated ? 1 : 0,
      raised_by: nurse,
      raised_at: raised,
      due_at: new Date(raised.getTime() + 4 * 60 * minute),
      acknowledged_at: acknowledged,
      acknowledged_by: physician,
      resolved_at: resolved,
      resolved_by: physician,
      outcome: 'therapy_adjusted',
      outcome_note: 'Базовая доза пересмотрена на визите',
      family_message: null,
    });
    for (const [at, kind, actor] of [
      [raised, 'raised', nurse],
      [resolved, 'resolved', physician],
    ] as const)
      await insertAlertEvent(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        alert_id: id,
        at,
        kind,
        actor_id: actor,
        to_user_id: kind === 'raised' ? physician : null,
        note: kind === 'resolved' ? 'therapy_adjusted' : null,
      });
  }

  // a register counted at each monthly visit: received 10, about two used a month, one count short
  const patientId = onOpioid[0]!;
  const start = new Date(now.getTime() - 150 * day);
  const stockId = rnd.uuid();
  let balance = 10;
  const entry = (kind: 'received' | 'administered' | 'count', quantity: number, at: Date, extra = {}) =>
    repo.insertEntry(trx, {
      id: rnd.uuid(),
      organization_id: orgId,
      stock_id: stockId,
      patient_id: patientId,
      kind,
      quantity,
      balance_after: balance,
      expected: null,
      discrepancy: null,
      note: null,
      method: null,
      administration_id: null,
      recorded_by: nurse,
      witness_user_id: null,
      at,
      ...extra,
    });
  await repo.insertStock(trx, {
    id: stockId,
    organization_id: orgId,
    patient_id: patientId,
    name: 'Морфин 10 мг/мл, ампулы 1 мл (резерв)',
    unit: 'ampoule',
    prescription_id: prescriptions.find((p) => p.patient_id === patientId)?.id ?? null,
    dose_per_unit: 10,
    balance: 0, // set below, once the entries are in
    created_by: nurse,
    created_at: start,
  });
  await entry('received', 10, start, { note: 'Получено по рецепту' });
  for (let m = 1; m <= 4; m++) {
    const used = rnd.int(1, 2);
    balance -= used;
    await entry('administered', used, new Date(start.getTime() + (m * 30 - 10) * day), {
      note: 'Введено медсестрой на визите',
    });
    const countAt = new Date(start.getTime() + m * 30 * day);
    if (m === 3) {
      // one ampoule missing: the count records the difference and the register follows the count
      const expected = balance;
      balance -= 1;
      const entryId = rnd.uuid();
      await entry('count', balance, countAt, {
        id: entryId,
        expected,
        discrepancy: -1,
        note: 'Одной ампулы не хватает — разбор с семьёй и старшей медсестрой',
        witness_user_id: ctx.userIds.nurse3!,
      });
      // the count raises the medicines rule's alert, answered the same day
      await insertAlert(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        patient_id: patientId,
        severity: 'review',
        audience: 'clinical',
        status: 'resolved',
        rule_set: 'medicines',
        rule_set_version: '1',
        rule_id: 'controlled.count-discrepancy',
        title: 'Controlled drug count differs: Морфин 10 мг/мл, ампулы 1 мл (резерв)',
        facts: { stock: 'Морфин 10 мг/мл', unit: 'ampoule', counted: balance, expected, discrepancy: -1 },
        source_type: 'controlled_entry',
        source_id: entryId,
        owner_id: physician,
        escalation_level: 0,
        raised_by: nurse,
        raised_at: countAt,
        due_at: new Date(countAt.getTime() + 4 * 60 * minute),
        acknowledged_at: new Date(countAt.getTime() + 18 * minute),
        acknowledged_by: physician,
        resolved_at: new Date(countAt.getTime() + 5 * 60 * minute),
        resolved_by: physician,
        outcome: 'no_action_needed',
        outcome_note: 'Ампула разбита при открытии, акт составлен',
        family_message: null,
      });
    } else await entry('count', balance, countAt, { expected: balance, discrepancy: 0 });
  }
  await repo.setStockBalance(trx, orgId, stockId, balance);

  // boxes of three other patients: one expired last month, two expire at this month's end
  const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0) - 5 * day);
  for (const [k, boxPatient] of onOpioid.slice(1, 4).entries())
    await repo.upsertBox(trx, {
      organization_id: orgId,
      patient_id: boxPatient,
      location: 'Шкаф в прихожей, коробка с наклейкой «Хоспис»',
      expires_on: (k === 0 ? lastMonth : monthEnd).toISOString().slice(0, 10),
      notes: 'Вскрывает только медсестра или врач выездной службы.',
      updated_by: nurse,
      updated_at: new Date(now.getTime() - 170 * day),
    });
}

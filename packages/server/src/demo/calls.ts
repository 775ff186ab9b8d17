import type { Conn } from '../db/conn.ts';
import { insertCall } from '../features/oncall/oncall.repository.ts';
import type { DemoContext } from './clinical-watch.ts';
import type { Random } from './random.ts';

const minute = 60_000;

/** A few days of inbound calls for the call log, one of them after the family had called an ambulance. */
const demoCalls = [
  {
    caller: 'family',
    who: 'Дочь пациентки',
    reason: 'Усилилась боль ночью, обезболивающее не помогает',
    outcome: 'advice_given',
    ambulance: false,
  },
  {
    caller: 'family',
    who: 'Сын пациента',
    reason: 'Одышка, уже вызвали скорую — что делать до её приезда?',
    outcome: 'visit_arranged',
    ambulance: true,
  },
  {
    caller: 'ambulance',
    who: 'Бригада СМП',
    reason: 'Бригада у пациента, уточняют план помощи',
    outcome: 'advice_given',
    ambulance: false,
  },
  {
    caller: 'other_service',
    who: 'Поликлиника',
    reason: 'Вопрос о выписке рецепта',
    outcome: 'transferred',
    ambulance: false,
  },
  {
    caller: 'family',
    who: 'Жена пациента',
    reason: 'Не справляемся, нужна помощь с уходом',
    outcome: 'alert_raised',
    ambulance: false,
  },
] as const;

export async function seedCalls(trx: Conn, rnd: Random, ctx: DemoContext) {
  const answerers = ['coordinator', 'physician', 'nurse']
    .map((r) => ctx.userIds[r])
    .filter((u): u is string => !!u);
  if (!answerers.length || !ctx.patientIds.length) return;
  for (const [i, c] of demoCalls.entries()) {
    const receivedAt = new Date(
      ctx.now.getTime() - (i + 1) * 11 * 60 * minute - rnd.pick([5, 20, 45]) * minute,
    );
    await insertCall(trx, {
      id: rnd.uuid(),
      organization_id: ctx.orgId,
      patient_id: c.caller === 'other_service' ? null : rnd.pick(ctx.patientIds),
      caller_type: c.caller,
      caller_name: c.who,
      reason: c.reason,
      received_at: receivedAt,
      answered_at: new Date(receivedAt.getTime() + rnd.pick([1, 2, 4, 9]) * minute),
      answered_by: rnd.pick(answerers),
      outcome: c.outcome,
      ambulance_called_first: c.ambulance,
      alert_id: null,
      created_at: receivedAt,
    });
  }
}

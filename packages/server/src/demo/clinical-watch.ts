import type { Conn } from '../db/conn.ts';
import { insertShift } from '../features/oncall/oncall.repository.ts';
import type { Random } from './random.ts';

export interface DemoContext {
  orgId: string;
  userIds: Partial<Record<string, string>>;
  patientIds: string[];
  now: Date;
}

const day = 24 * 3600_000;

/**
 * Clinical watch demo: a 24/7 on-call rota from yesterday for two weeks in day-long shifts that
 * start at 06:00 UTC (09:00 in Minsk), the two physicians alternating as primary and backup;
 * the second physician is the medical lead. The first day's primary is `physician@`.
 */
export async function seedClinicalWatch(trx: Conn, rnd: Random, ctx: DemoContext) {
  const { orgId, userIds, now } = ctx;
  const a = userIds.physician!;
  const b = userIds.physician2!;
  await trx
    .updateTable('app_user')
    .set({ is_lead: true })
    .where('organization_id', '=', orgId)
    .where('id', '=', b)
    .execute();
  const today = new Date(now);
  today.setUTCHours(6, 0, 0, 0);
  const first = new Date(today.getTime() - (now < today ? 2 : 1) * day);
  for (let i = 0; i < 16; i++) {
    const startsAt = new Date(first.getTime() + i * day);
    const endsAt = new Date(startsAt.getTime() + day);
    // the shift covering `now` (i = 1) has physician@ as primary
    const [primary, backup] = i % 2 === 1 ? [a, b] : [b, a];
    for (const [userId, position] of [
      [primary, 'primary'],
      [backup, 'backup'],
    ] as const) {
      await insertShift(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        user_id: userId,
        starts_at: startsAt,
        ends_at: endsAt,
        position,
        handover_note: null,
        handover_by: null,
        handover_at: null,
        created_by: userIds.coordinator ?? null,
        created_at: now,
        cancelled_at: null,
      });
    }
  }
}

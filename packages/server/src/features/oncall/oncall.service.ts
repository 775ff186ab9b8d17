import { type AlertAudience, onCallChain } from '@hearth/domain';
import type { Conn } from '../../db/conn.ts';
import * as repo from './oncall.repository.ts';

/**
 * Who owns an alert of this audience at `at`, in escalation order: index 0 owns it, a missed
 * deadline moves it to index 1, and so on.
 * - clinical: primary on call, backup on call, medical leads (physicians marked lead); with no
 *   rota and no lead, every physician.
 * - psychosocial: psychologists (leads first), then the coordinators' leads, then medical leads.
 * - coordination: coordinators (leads first), then medical leads.
 */
export async function escalationChain(
  db: Conn,
  organizationId: string,
  audience: AlertAudience,
  at: Date,
): Promise<string[]> {
  const physicians = await repo.activeStaff(db, organizationId, ['physician']);
  const medicalLeads = physicians.filter((p) => p.is_lead).map((p) => p.id);
  if (audience === 'clinical') {
    const shifts = await repo.shiftsBetween(db, organizationId, at, new Date(at.getTime() + 1));
    const activeIds = new Set(physicians.map((p) => p.id));
    return onCallChain(
      shifts.map((s) => ({
        userId: s.user_id,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        position: s.position,
      })),
      medicalLeads,
      [...activeIds],
      at,
    );
  }
  const coordinators = await repo.activeStaff(db, organizationId, ['coordinator']);
  const first =
    audience === 'psychosocial'
      ? [
          ...(await repo.activeStaff(db, organizationId, ['psychologist'])).map((u) => u.id),
          ...coordinators.filter((c) => c.is_lead).map((c) => c.id),
        ]
      : coordinators.map((c) => c.id);
  return [...new Set([...first, ...medicalLeads])];
}

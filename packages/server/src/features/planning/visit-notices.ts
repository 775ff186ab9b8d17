import type { Conn } from '../../db/conn.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';

/**
 * Tells the person who had a visit that it went to a colleague. Moving on the board, an urgent
 * re-plan and bringing a visit forward all say it the same way, so the notice is written once.
 */
export const notifyMovedToColleague = (
  trx: Conn,
  orgId: string,
  staffId: string,
  visitId: string,
  when: string,
  now: Date,
) =>
  notifyUsers(
    trx,
    orgId,
    [staffId],
    {
      kind: 'visit.to-colleague',
      params: { when },
      title: 'Visit moved to a colleague',
      body: when,
      entityType: 'visit',
      entityId: visitId,
    },
    now,
  );

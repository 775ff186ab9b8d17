// What every programme service shares: who may act, who hears of a change, the service's today, a locked session.
import { can, forbidden, notFound } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import type { HearthEventDraft } from '../../platform/events/event-bus.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as repo from './programmes.repository.ts';

const audience = ['volunteer_coordinator', 'admin'] as const;
/** The event of a change to a programme, a camp shift or a clown visit, for the coordinators. */
export const programmeEvent = (entityId: string): HearthEventDraft => ({
  type: 'programmes.updated',
  entityId,
  roles: audience,
});

export function need(ctx: RequestContext, action: 'programme:read' | 'programme:manage') {
  if (!can(ctx.actor, action)) throw forbidden();
}

export const today = async (deps: AppDeps, db: Conn, orgId: string) => {
  const { timeZone } = await loadSettings(db, orgId);
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(deps.clock());
};

export async function lockedSession(trx: Conn, orgId: string, sessionId: string) {
  const s = await repo.findSessionForUpdate(trx, orgId, sessionId);
  if (!s) throw notFound('session');
  return s;
}

export type SessionRow = Awaited<ReturnType<typeof lockedSession>>;

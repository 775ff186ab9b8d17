// What every volunteer service shares: who may act, who hears of a change, and finding a volunteer.
import { can, forbidden, type LiveEventType, notFound, type Volunteer } from '@hearth/domain';
import type { RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import type { HearthEventDraft } from '../../platform/events/event-bus.ts';
import * as repo from './volunteers.repository.ts';

const audience = ['volunteer_coordinator', 'admin'] as const;

type VolunteerEventType = Extract<LiveEventType, `volunteers.${string}`>;

/** The events of one change: to the coordinators and, when named, the one volunteer it concerns (no other). */
export function changeEvents(
  type: VolunteerEventType,
  entityId: string,
  volunteerUserId: string | null = null,
): HearthEventDraft[] {
  const coordinators: HearthEventDraft = { type, entityId, roles: audience };
  if (!volunteerUserId) return [coordinators];
  return [coordinators, { type, entityId, roles: ['volunteer'], userIds: [volunteerUserId] }];
}

/** The login of a volunteer, if they have one: the account a change about them is sent to. */
export async function userOfVolunteer(db: Conn, organizationId: string, volunteerId: string) {
  return (await repo.findVolunteer(db, organizationId, volunteerId))?.userId ?? null;
}

export function need(
  ctx: RequestContext,
  action: 'volunteer:read' | 'volunteer:manage' | 'volunteer:portal',
) {
  if (!can(ctx.actor, action)) throw forbidden();
}

/** The API's view of a volunteer: whether they have a login, not which. */
export const toVolunteer = (r: repo.VolunteerRecord): Volunteer => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  email: r.email,
  address: r.address,
  home: r.home,
  maxDistanceKm: r.maxDistanceKm,
  areas: r.areas,
  languages: r.languages,
  skills: r.skills,
  availability: r.availability,
  notes: r.notes,
  status: r.status,
  hasLogin: r.userId !== null,
  createdAt: r.createdAt.toISOString(),
});

export async function mustFind(db: Conn, orgId: string, id: string, forUpdate = false) {
  const row = forUpdate
    ? await repo.findVolunteerForUpdate(db, orgId, id)
    : await repo.findVolunteer(db, orgId, id);
  if (!row) throw notFound('volunteer');
  return row;
}

import { z } from 'zod';
import type { Role } from '../auth/roles.ts';

const about = (what: string) => z.string().min(1).describe(what);

/**
 * Every live event the web can be sent, with the schema of the id it carries: one list, so a
 * name can be neither published unheard nor awaited and never sent (the web's subscriber maps
 * exactly these names to the queries they make stale, and a test checks the server publishes
 * each). Events carry a type and an id only; the page refetches through the normal,
 * permission-checked endpoints.
 */
export const liveEventPayloads = {
  'intake.created': about('the intake request'),
  'intake.updated': about('the intake request'),
  'intake.escalated': about('the intake request'),
  'commission.updated': about('the commission case'),
  'patient.updated': about('the patient'),
  'notification.created': about('what the notification is about, when it names one').nullable(),
  'oncall.updated': about('the on-call shift'),
  'medicines.updated': about('the patient'),
  'equipment.updated': about('the equipment loan or item'),
  'home-safety.updated': about('the patient'),
  'duty-roster.updated': about('the patient'),
  'support.updated': about('the support referral'),
  'death.updated': about('the patient'),
  'alert.raised': about('the alert'),
  'alert.updated': about('the alert'),
  'alert.answered': about('the patient whose alert the team answered'),
  'assessment.recorded': about('the patient'),
  'diary.updated': about('the patient'),
  'task.updated': about('the patient'),
  'visit.updated': about('the visit'),
  'careplan.updated': about('the patient'),
  'planning.updated': about('the planning run'),
  'programmes.updated': about('the programme or session'),
  'volunteers.updated': about('the volunteer'),
  'volunteers.request': about('the volunteer request or assignment'),
  'volunteers.hours': about('the hours entry or the assignment they were logged on'),
} as const;
export type WebLiveEventType = keyof typeof liveEventPayloads;
export const webLiveEventTypes = Object.keys(liveEventPayloads) as WebLiveEventType[];

/**
 * Events between server processes only (no role receives them on the stream): a settings change
 * tells every process to drop its cached copy.
 */
export const internalEventPayloads = {
  'settings.changed': z.null().describe('the whole organization'),
} as const;

const allPayloads = { ...liveEventPayloads, ...internalEventPayloads };
export type LiveEventType = keyof typeof allPayloads;
export const liveEventTypes = Object.keys(allPayloads) as LiveEventType[];

/** The id an event of type `T` carries (`null` for events about no one entity). */
export type LiveEventEntityId<T extends LiveEventType> = z.infer<(typeof allPayloads)[T]>;

/** What the stream sends in `data:` for each event. */
export type LiveEventData = {
  [T in WebLiveEventType]: { type: T; entityId: LiveEventEntityId<T> };
}[WebLiveEventType];

export const isWebLiveEvent = (type: LiveEventType): type is WebLiveEventType =>
  Object.hasOwn(liveEventPayloads, type);

const liveEventEnvelopeSchema = z.object({ type: z.string(), entityId: z.unknown() });

/**
 * Reads an event's `data:` against its type's schema; anything else (an unknown name, a missing
 * id) is `null`, so the subscriber acts only on events of the contract.
 */
export function parseLiveEventData(raw: unknown): LiveEventData | null {
  const envelope = liveEventEnvelopeSchema.safeParse(raw);
  if (!envelope.success || !Object.hasOwn(liveEventPayloads, envelope.data.type)) return null;
  const type = envelope.data.type as WebLiveEventType;
  const entityId = liveEventPayloads[type].safeParse(envelope.data.entityId);
  return entityId.success ? ({ type, entityId: entityId.data } as LiveEventData) : null;
}

/**
 * Who may receive an event: a subscriber must hold one of `roles`; when `patientId` is set, a
 * portal account (family) must be linked to that patient; when `userIds` is set, only those
 * users. A portal account (family, volunteer) receives nothing that names neither its patient
 * nor itself, so an event published without an audience cannot leak to it.
 */
export interface LiveEventAudience {
  roles: readonly Role[];
  patientId?: string;
  userIds?: readonly string[];
}

export interface LiveEventSubscriber {
  userId: string;
  role: Role;
  linkedPatientIds: readonly string[];
}

const portalRoles: readonly Role[] = ['family', 'volunteer'];

export function mayReceive(subscriber: LiveEventSubscriber, audience: LiveEventAudience): boolean {
  if (!audience.roles.includes(subscriber.role)) return false;
  if (audience.userIds && !audience.userIds.includes(subscriber.userId)) return false;
  if (audience.patientId && subscriber.role === 'family')
    return subscriber.linkedPatientIds.includes(audience.patientId);
  if (portalRoles.includes(subscriber.role)) return Boolean(audience.userIds);
  return true;
}

import type { WebLiveEventType } from '@hearth/domain';

type QueryKeyPrefix = readonly string[];

const home: QueryKeyPrefix[] = [['home']];
const watch: QueryKeyPrefix[] = [['alerts'], ['diary'], ['assessments'], ['tasks']];
const care: QueryKeyPrefix[] = [['care']];

/**
 * Which cached queries each live event makes stale (query keys start with the feature). Typed by
 * the domain's list of events the server sends: a name the server does not publish is a type
 * error here, and so is a published name left without queries to refresh.
 */
export const liveEventQueryKeys: Record<WebLiveEventType, readonly QueryKeyPrefix[]> = {
  'intake.created': [['intake']],
  'intake.updated': [['intake']],
  'intake.escalated': [['intake']],
  // a decision creates or activates a patient, and a referral closes a request
  'commission.updated': [['commission'], ['patients'], ['intake']],
  'patient.updated': [['patients']],
  'notification.created': [['notifications']],
  'oncall.updated': [['oncall']],
  'medicines.updated': [['medicines']],
  'equipment.updated': home,
  'home-safety.updated': home,
  'duty-roster.updated': home,
  'support.updated': home,
  'death.updated': home,
  'alert.raised': watch,
  'alert.updated': watch,
  'alert.answered': watch,
  'assessment.recorded': watch,
  'diary.updated': watch,
  'task.updated': watch,
  'visit.updated': care,
  'careplan.updated': care,
  'planning.updated': care,
  'programmes.updated': [['programmes']],
  'volunteers.updated': [['volunteers']],
  'volunteers.request': [['volunteers']],
  'volunteers.hours': [['volunteers']],
};

/** Named SSE events the web listens for (`event: <type>`); EventSource needs a listener per name. */
export const knownEventTypes = Object.keys(liveEventQueryKeys) as WebLiveEventType[];

export const queryKeysFor = (type: WebLiveEventType): readonly QueryKeyPrefix[] => liveEventQueryKeys[type];

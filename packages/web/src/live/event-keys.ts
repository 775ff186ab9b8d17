/**
 * Which cached queries an event makes stale. Events carry a type and an id only; the page then
 * refetches through the normal, permission-checked endpoints. Query keys start with the feature.
 */
export function queryKeysFor(type: string): string[][] {
  const feature = type.split('.')[0] ?? '';
  switch (feature) {
    case 'intake':
      return [['intake']];
    case 'commission':
      // a decision creates or activates a patient, and a referral closes a request
      return [['commission'], ['patients'], ['intake']];
    case 'patient':
    case 'patients':
    case 'family':
      return [['patients']];
    case 'notification':
    case 'notifications':
      return [['notifications']];
    case 'staff':
      return [['staff']];
    case 'settings':
      return [['settings']];
    case 'oncall':
      return [['oncall']];
    case 'medicines':
      return [['medicines']];
    case 'equipment':
    case 'home-safety':
    case 'duty-roster':
    case 'support':
    case 'death':
      return [['home']];
    case 'alert':
    case 'assessment':
    case 'diary':
    case 'task':
      return [['alerts'], ['diary'], ['assessments'], ['tasks']];
    case 'volunteers':
      return [['volunteers']];
    case 'programmes':
      return [['programmes']];
    case 'visit':
    case 'careplan':
    case 'planning':
      return [['care']];
    default:
      return [];
  }
}

/** Named SSE events the server sends (`event: <type>`); EventSource needs a listener per name. */
export const knownEventTypes = [
  'intake.created',
  'intake.updated',
  'intake.escalated',
  'commission.created',
  'commission.updated',
  'commission.decided',
  'patient.created',
  'patient.updated',
  'family.updated',
  'notification.created',
  'staff.updated',
  'settings.updated',
  'medicines.updated',
  'equipment.updated',
  'home-safety.updated',
  'duty-roster.updated',
  'support.updated',
  'death.updated',
  'alert.raised',
  'alert.updated',
  'alert.answered',
  'assessment.recorded',
  'diary.updated',
  'task.updated',
  'visit.updated',
  'careplan.updated',
  'planning.updated',
  'volunteers.updated',
  'volunteers.request',
  'volunteers.hours',
  'programmes.updated',
] as const;

import { type Because, because, type ReasonThing } from './reasons.ts';

/**
 * The one error type every layer throws for an expected failure. The server maps `code` to an
 * HTTP status in one place; `reason` and `params` say why in a form the web can word in the
 * reader's language; `message` stays plain English for logs and API users.
 */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** Well-formed but unusable: e.g. an Idempotency-Key reused for a different request (422). */
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  /** Absent only where a feature has not named its reasons yet; the web then shows the headline. */
  readonly reason?: Because['reason'];
  readonly params?: Because['params'];

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    why?: Because,
  ) {
    super(message);
    this.name = 'DomainError';
    if (why) {
      this.reason = why.reason;
      this.params = why.params;
    }
  }
}

/** The English noun of each thing a "not found" names (the web's English text uses these too). */
export const reasonThingWords: Record<ReasonThing, string> = {
  action: 'The action',
  alert: 'The alert',
  application: 'The application',
  assessment: 'The assessment',
  assignment: 'The assignment',
  carePlan: 'The care plan',
  caregiver: 'The caregiver',
  commissionCase: 'The commission case',
  course: 'The course',
  deathRecord: 'The death record',
  document: 'The document',
  drillList: 'A list behind this measure',
  duty: 'The duty',
  enrolment: 'The enrolment',
  episode: 'The episode',
  equipment: 'The equipment',
  export: 'The export',
  familyMember: 'The family member',
  file: 'The file',
  hoursEntry: 'The hours entry',
  invitation: 'The invitation',
  item: 'The item',
  loan: 'The loan',
  meeting: 'The meeting',
  notification: 'The notification',
  organization: 'The organization',
  owner: 'The owner',
  patient: 'The patient',
  planningRun: 'The planning run',
  prescription: 'The prescription',
  programme: 'The programme',
  record: 'The record',
  referral: 'The referral',
  registerEntry: 'The register entry',
  request: 'The request',
  resource: 'The resource',
  rosterEntry: 'The roster entry',
  service: 'The service',
  session: 'The session',
  shift: 'The shift',
  staffMember: 'The staff member',
  task: 'The task',
  visit: 'The visit',
  volunteer: 'The volunteer',
};

/**
 * `notFound('visit')` names the thing by its code, so the web can say it in any language;
 * `message` replaces the English sentence where it says more (an id).
 */
export function notFound(what: ReasonThing, message?: string): DomainError {
  return new DomainError(
    'NOT_FOUND',
    message ?? `${reasonThingWords[what]} was not found.`,
    undefined,
    because('notFound', { what }),
  );
}

/** Without arguments: the generic "no permission" (reason `forbidden`). */
export const forbidden = (message?: string, why?: Because) =>
  message === undefined
    ? new DomainError('FORBIDDEN', 'You do not have permission to do this.', undefined, because('forbidden'))
    : new DomainError('FORBIDDEN', message, undefined, why);

export const conflict = (message: string, details?: unknown, why?: Because) =>
  new DomainError('CONFLICT', message, details, why);

/** A 400 that names one field; the reason says what is wrong with it. */
export const invalidField = (why: Because, message: string, field: string, fieldMessage = message) =>
  new DomainError('VALIDATION', message, { fields: [{ field, message: fieldMessage }] }, why);

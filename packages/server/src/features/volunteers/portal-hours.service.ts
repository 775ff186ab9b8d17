import { randomUUID } from 'node:crypto';
import {
  because,
  conflict,
  type HoursLimitProblem,
  hoursDayProblem,
  hoursLimitProblem,
  invalidField,
  localWeekMinute,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { myAssignment, ownAssignment } from './portal.service.ts';
import * as repo from './volunteers.repository.ts';
import { changeEvents } from './volunteers-common.ts';

const hoursDayText = {
  future: 'Hours cannot be logged for a day in the future.',
  before_visit: 'Hours are logged from the day of the visit on.',
  after_close: 'The coordinator closed this request; hours can be logged up to the day it was closed.',
} as const;

const hoursDayReason = {
  future: 'volunteers.hoursInFuture',
  before_visit: 'volunteers.hoursBeforeVisit',
  after_close: 'volunteers.hoursAfterClose',
} as const;

/** The reason of a refused log, with the minutes the web words in the reader's language. */
const hoursLimitReason = (problem: HoursLimitProblem) => {
  if (problem.kind === 'duplicate') return because('volunteers.hoursDuplicate', { minutes: problem.minutes });
  const minutes = { allowedMinutes: problem.allowedMinutes, loggedMinutes: problem.loggedMinutes };
  return problem.kind === 'over_request'
    ? because('volunteers.hoursOverRequest', minutes)
    : because('volunteers.hoursOverlap', minutes);
};

const hoursText = (m: number) => `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;

/** Refuses a duplicate, more than the request allows on a day, or hours at overlapping times. */
async function checkHoursLimits(
  trx: Conn,
  orgId: string,
  volunteerId: string,
  assignmentId: string,
  a: { startsAt: Date; durationMinutes: number },
  body: { on: string; minutes: number },
) {
  const windowOf = (startsAt: Date, minutes: number) => ({
    start: startsAt.getTime(),
    end: startsAt.getTime() + minutes * 60_000,
  });
  const logged = (await repo.countingHoursOnDay(trx, orgId, volunteerId, body.on)).map((h) => ({
    assignmentId: h.assignmentId,
    minutes: h.minutes,
    window: windowOf(h.startsAt, h.durationMinutes),
  }));
  const problem = hoursLimitProblem(
    { assignmentId, minutes: body.minutes, window: windowOf(a.startsAt, a.durationMinutes) },
    logged,
  );
  if (!problem) return;
  const message =
    problem.kind === 'duplicate'
      ? `${hoursText(problem.minutes)} for ${body.on} on this request are already logged.`
      : problem.kind === 'over_request'
        ? `This request allows ${hoursText(problem.allowedMinutes)} a day and ${hoursText(problem.loggedMinutes)} are already logged for ${body.on}.`
        : `These hours overlap hours already logged for another request on ${body.on}: together at most ${hoursText(problem.allowedMinutes)}, and ${hoursText(problem.loggedMinutes)} are already logged.`;
  throw conflict(message, { reason: `hours_${problem.kind}`, ...problem }, hoursLimitReason(problem));
}

export async function logHours(
  deps: AppDeps,
  ctx: RequestContext,
  assignmentId: string,
  body: { on: string; minutes: number; note?: string | undefined },
) {
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const { v, a } = await ownAssignment(trx, ctx, assignmentId);
    if (a.status !== 'accepted' && a.status !== 'completed')
      throw conflict(
        'Hours can be logged only for a request you have accepted.',
        undefined,
        because('volunteers.hoursOnlyAccepted'),
      );
    const { timeZone } = await loadSettings(trx, orgId);
    const problem = hoursDayProblem(body.on, {
      today: localWeekMinute(deps.clock(), timeZone).date,
      visitDay: localWeekMinute(a.startsAt, timeZone).date,
      closedDay: a.closedAt ? localWeekMinute(a.closedAt, timeZone).date : null,
    });
    if (problem)
      throw invalidField(
        because(hoursDayReason[problem]),
        hoursDayText[problem],
        'body.on',
        problem.replace('_', ' '),
      );
    await repo.findAssignmentForUpdate(trx, orgId, assignmentId); // one log at a time per assignment
    await checkHoursLimits(trx, orgId, v.id, assignmentId, a, body);
    await repo.insertHours(trx, {
      id: randomUUID(),
      organization_id: orgId,
      assignment_id: assignmentId,
      volunteer_id: v.id,
      on_date: body.on,
      minutes: body.minutes,
      note: body.note ?? null,
      status: 'submitted',
      logged_by: ctx.actor.userId,
      logged_at: deps.clock(),
      decided_by: null,
      decided_at: null,
      reject_reason: null,
    });
    await audit({
      action: 'volunteer-portal.log-hours',
      entityType: 'volunteer_assignment',
      entityId: assignmentId,
    });
    for (const event of changeEvents('volunteers.hours', assignmentId)) publish(event);
  });
  return myAssignment(deps, ctx, assignmentId);
}

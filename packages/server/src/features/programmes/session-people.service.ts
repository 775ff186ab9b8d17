// Who is at a session: the staff and volunteers working it (the roster) and the members taking part.
import { randomUUID } from 'node:crypto';
import {
  ageInYears,
  assertAssignable,
  assertPlausibleDateOfBirth,
  because,
  conflict,
  invalidField,
  notFound,
  type participantBodySchema,
  type rosterBodySchema,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import type { AuditInput } from '../../platform/audit/audit.service.ts';
import { type Envelope, type EnvelopeOptions, inEnvelope } from '../../platform/envelope.ts';
import { accountOf } from '../auth/auth.service.ts';
import { volunteerStatus } from '../volunteers/records.service.ts';
import { getProgramme } from './programme-sessions.service.ts';
import * as repo from './programmes.repository.ts';
import { lockedSession, need, programmeEvent, type SessionRow, today } from './programmes-common.ts';

/**
 * One write to a session (its roster or participants), in the envelope (with the patient gate when
 * the write names a patient): the session is locked against a concurrent write filling the last
 * place, the write and its audit entry share a transaction, and the programme is returned as it
 * now stands.
 */
async function writeToSession(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string,
  write: (trx: Conn, s: SessionRow, orgId: string, patient: Envelope['patient']) => Promise<AuditInput>,
  gate: EnvelopeOptions = {},
) {
  need(ctx, 'programme:manage');
  const programmeId = await inEnvelope(deps, ctx, gate, async (env) => {
    const s = await lockedSession(env.trx, env.organizationId, sessionId);
    await env.audit(await write(env.trx, s, env.organizationId, env.patient));
    env.publish(programmeEvent(s.programmeId));
    return s.programmeId;
  });
  return getProgramme(deps, ctx, programmeId);
}

/** Staff or an active volunteer on a session's roster; an unscreened or untrained volunteer is refused. */
export const addToRoster = (
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string,
  body: z.output<typeof rosterBodySchema>,
) =>
  writeToSession(deps, ctx, sessionId, async (trx, _s, orgId) => {
    const current = await repo.rosterOf(trx, orgId, [sessionId]);
    if (body.volunteerId) {
      const status = await volunteerStatus(trx, orgId, body.volunteerId);
      if (!status) throw notFound('volunteer');
      assertAssignable(status, 'join a roster');
      if (current.some((r) => r.volunteerId === body.volunteerId))
        throw conflict('Already on the roster.', undefined, because('programmes.alreadyOnRoster'));
    }
    if (body.userId) {
      const u = await accountOf(trx, orgId, body.userId);
      if (u?.status !== 'active' || u.role === 'family' || u.role === 'volunteer')
        throw notFound('staffMember');
      if (current.some((r) => r.userId === body.userId))
        throw conflict('Already on the roster.', undefined, because('programmes.alreadyOnRoster'));
    }
    const id = randomUUID();
    await repo.insertRoster(trx, {
      id,
      organization_id: orgId,
      session_id: sessionId,
      user_id: body.userId ?? null,
      volunteer_id: body.volunteerId ?? null,
      role: body.role,
      added_by: ctx.actor.userId,
      added_at: deps.clock(),
      removed_at: null,
    });
    return { action: 'programme.roster-add', entityType: 'session_roster', entityId: id };
  });

export const removeFromRoster = (deps: AppDeps, ctx: RequestContext, sessionId: string, entryId: string) =>
  writeToSession(deps, ctx, sessionId, async (trx, _s, orgId) => {
    const res = await repo.removeRoster(trx, orgId, sessionId, entryId, deps.clock());
    if (Number(res.numUpdatedRows) === 0) throw notFound('rosterEntry');
    return { action: 'programme.roster-remove', entityType: 'session_roster', entityId: entryId };
  });

/**
 * A member at a club session (or any non-camp session); a full session refuses the next one, and
 * an age-limited programme (the friends' club: up to 24) checks the age from the record's date
 * of birth, or a typed one for someone not under care.
 */
export async function addParticipant(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string,
  body: z.output<typeof participantBodySchema>,
) {
  const gate = body.patientId ? { patient: { id: body.patientId, action: 'patient:read' as const } } : {};
  return writeToSession(
    deps,
    ctx,
    sessionId,
    async (trx, s, orgId, patient) => {
      if (s.kind === 'summer_camp')
        throw conflict(
          'Camp places go through applications (with the waiting list).',
          undefined,
          because('programmes.campThroughApplications'),
        );
      if (s.kind === 'training_course')
        throw conflict(
          'Learners enrol on the course, not on one session.',
          undefined,
          because('programmes.enrolOnCourse'),
        );
      if (s.maxAgeYears !== null) {
        // the record's date of birth wins over a typed one; without either the limit cannot be checked
        const born = patient?.dateOfBirth ?? body.dateOfBirth;
        if (!born)
          throw invalidField(
            because('programmes.dateOfBirthRequired', { maxAge: s.maxAgeYears }),
            `Give the date of birth: this programme is for people up to ${s.maxAgeYears}.`,
            'body.dateOfBirth',
            'required for an age-limited programme',
          );
        const day = await today(deps, trx, orgId);
        if (!patient) assertPlausibleDateOfBirth(born, day, 'body.dateOfBirth');
        const age = ageInYears(born, day);
        if (age > s.maxAgeYears)
          throw conflict(
            `This programme is for people up to ${s.maxAgeYears} years old.`,
            { age },
            because('programmes.tooOld', { maxAge: s.maxAgeYears }),
          );
      }
      const members = await repo.participantsOf(trx, orgId, [sessionId]);
      if (body.patientId && members.some((m) => m.patientId === body.patientId))
        throw conflict(
          'Already taking part in this session.',
          undefined,
          because('programmes.alreadyTakingPart'),
        );
      if (members.length >= s.capacity)
        throw conflict(
          `The session is full (${s.capacity} places).`,
          { capacity: s.capacity },
          because('programmes.sessionFull', { capacity: s.capacity }),
        );
      const id = randomUUID();
      await repo.insertParticipant(trx, {
        id,
        organization_id: orgId,
        session_id: sessionId,
        patient_id: body.patientId ?? null,
        name: body.name,
        added_by: ctx.actor.userId,
        added_at: deps.clock(),
      });
      return {
        action: 'programme.participant-add',
        entityType: 'session_participant',
        entityId: id,
        patientId: body.patientId ?? null,
      };
    },
    gate,
  );
}

import { randomUUID } from 'node:crypto';
import {
  because,
  type Certificate,
  certificateNumber,
  conflict,
  courseCompleted,
  type Enrolment,
  type enrolmentBodySchema,
  invalidField,
  notFound,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { findOrganization } from '../../platform/settings/settings.repository.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { accountOf } from '../auth/auth.service.ts';
import * as repo from './programmes.repository.ts';
import { need, programmeEvent, today } from './programmes-common.ts';

const toEnrolment = (e: repo.EnrolmentRecord, attended: string[]): Enrolment => ({
  id: e.id,
  programmeId: e.programmeId,
  userId: e.userId,
  name: e.learnerName,
  email: e.learnerEmail,
  organization: e.learnerOrganization,
  external: e.userId === null,
  enrolledAt: e.enrolledAt.toISOString(),
  attended,
  completedOn: e.completedOn,
  certificateNumber: e.certificateNumber,
});

export async function listEnrolments(deps: AppDeps, ctx: RequestContext, programmeId: string) {
  need(ctx, 'programme:read');
  const orgId = ctx.actor.organizationId;
  const rows = await repo.enrolmentsOf(deps.db, orgId, programmeId);
  const attendance = await repo.attendanceOf(
    deps.db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toEnrolment(
      r,
      attendance.filter((a) => a.enrolmentId === r.id && a.present).map((a) => a.sessionId),
    ),
  );
}

/** Staff (by account) or external learners (by name) enrol; the smallest session sets the limit. */
export async function enrol(
  deps: AppDeps,
  ctx: RequestContext,
  programmeId: string,
  body: z.output<typeof enrolmentBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  await inEnvelope(deps, ctx, {}, async ({ trx, audit, publish }) => {
    const p = await repo.findProgramme(trx, orgId, programmeId);
    if (!p) throw notFound('course');
    if (p.kind !== 'training_course')
      throw conflict(
        'Enrolment is for training-centre courses.',
        undefined,
        because('programmes.notACourse'),
      );
    await repo.lockCertificates(trx, orgId);
    const [sessions, enrolled] = await Promise.all([
      repo.sessionsOf(trx, orgId, programmeId),
      repo.enrolmentsOf(trx, orgId, programmeId),
    ]);
    const capacity = sessions.length ? Math.min(...sessions.map((s) => s.capacity)) : null;
    if (capacity !== null && enrolled.length >= capacity)
      throw conflict(
        `The course is full (${capacity} places).`,
        { capacity },
        because('programmes.courseFull', { capacity }),
      );
    let name = body.name;
    let email = body.email ?? null;
    if (body.userId) {
      const u = await accountOf(trx, orgId, body.userId);
      if (!u || u.role === 'family' || u.role === 'volunteer') throw notFound('staffMember');
      if (enrolled.some((e) => e.userId === body.userId))
        throw conflict('Already enrolled.', undefined, because('programmes.alreadyEnrolled'));
      name = u.name;
      email = u.email;
    }
    await repo.insertEnrolment(trx, {
      id,
      organization_id: orgId,
      programme_id: programmeId,
      user_id: body.userId ?? null,
      learner_name: name!,
      learner_email: email,
      learner_organization: body.organization ?? null,
      enrolled_by: ctx.actor.userId,
      enrolled_at: deps.clock(),
      completed_on: null,
      certificate_number: null,
    });
    await audit({ action: 'course.enrol', entityType: 'course_enrolment', entityId: id });
    publish(programmeEvent(programmeId));
  });
  return (await listEnrolments(deps, ctx, programmeId)).find((e) => e.id === id)!;
}

/**
 * Marks attendance at one session. When the learner has attended every session of the course,
 * the course is complete and a certificate number is issued (once; later corrections keep it).
 */
export async function markAttendance(
  deps: AppDeps,
  ctx: RequestContext,
  enrolmentId: string,
  body: { sessionId: string; present: boolean },
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const programmeId = await inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    await repo.lockCertificates(trx, orgId);
    const e = await repo.findEnrolmentForUpdate(trx, orgId, enrolmentId);
    if (!e) throw notFound('enrolment');
    const sessions = await repo.sessionsOf(trx, orgId, e.programmeId);
    const session = sessions.find((s) => s.id === body.sessionId);
    if (!session)
      throw invalidField(
        because('programmes.sessionNotInCourse'),
        'This session is not part of the course.',
        'body.sessionId',
        'not a session of this course',
      );
    if (session.startsAt > deps.clock())
      throw conflict(
        'Attendance can be marked once the session has started.',
        undefined,
        because('programmes.sessionNotStarted'),
      );
    const now = deps.clock();
    await repo.upsertAttendance(trx, {
      organization_id: orgId,
      enrolment_id: enrolmentId,
      session_id: body.sessionId,
      present: body.present,
      recorded_by: ctx.actor.userId,
      recorded_at: now,
    });
    const attended = (await repo.attendanceOf(trx, orgId, [enrolmentId])).filter((a) => a.present);
    if (
      !e.certificateNumber &&
      courseCompleted(
        sessions.map((s) => s.id),
        attended.map((a) => a.sessionId),
      )
    ) {
      const seq = (await repo.countCertificates(trx, orgId)) + 1;
      await repo.updateEnrolment(trx, orgId, enrolmentId, {
        completed_on: await today(deps, trx, orgId),
        certificate_number: certificateNumber(now.getUTCFullYear(), seq),
      });
    }
    await audit({ action: 'course.attendance', entityType: 'course_enrolment', entityId: enrolmentId });
    return e.programmeId;
  });
  return (await listEnrolments(deps, ctx, programmeId)).find((e) => e.id === enrolmentId)!;
}

export async function certificate(
  deps: AppDeps,
  ctx: RequestContext,
  enrolmentId: string,
): Promise<Certificate> {
  need(ctx, 'programme:read');
  const orgId = ctx.actor.organizationId;
  return inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const e = await repo.findEnrolmentForUpdate(trx, orgId, enrolmentId);
    if (!e) throw notFound('enrolment');
    if (!e.certificateNumber || !e.completedOn)
      throw conflict(
        'The learner has not completed the course yet.',
        undefined,
        because('programmes.courseNotCompleted'),
      );
    const [p, sessions, org, settings] = await Promise.all([
      repo.findProgramme(trx, orgId, e.programmeId),
      repo.sessionsOf(trx, orgId, e.programmeId),
      findOrganization(trx, orgId),
      loadSettings(trx, orgId),
    ]);
    await audit({ action: 'course.certificate', entityType: 'course_enrolment', entityId: enrolmentId });
    const minutes = sessions.reduce((n, s) => n + (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000, 0);
    return {
      number: e.certificateNumber,
      learnerName: e.learnerName,
      courseName: p!.name,
      organizationName: org!.name,
      completedOn: e.completedOn,
      sessions: sessions.map((s) => ({ title: s.title, startsAt: s.startsAt.toISOString() })),
      totalHours: Math.round((minutes / 60) * 10) / 10,
      language: settings.language,
    };
  });
}

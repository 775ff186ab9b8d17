import { randomUUID } from 'node:crypto';
import {
  because,
  checkVolunteerTransition,
  conflict,
  type ScreeningBody,
  type TrainingModule,
  type VolunteerStatus,
  type volunteerNoteBodySchema,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { facts, writeVolunteer } from './records.service.ts';
import * as repo from './volunteers.repository.ts';

/** Screening is saved as a new version each time; the latest counts. */
export const recordScreening = (deps: AppDeps, ctx: RequestContext, id: string, body: ScreeningBody) =>
  writeVolunteer(deps, ctx, id, 'volunteer.screening', async (trx, _v, orgId) => {
    const previous = await repo.latestScreening(trx, orgId, id);
    await repo.insertScreening(trx, {
      id: randomUUID(),
      organization_id: orgId,
      volunteer_id: id,
      version: (previous?.version ?? 0) + 1,
      interview_on: body.interviewOn ?? null,
      interview_notes: body.interviewNotes ?? null,
      background_check_on: body.backgroundCheckOn ?? null,
      background_check_result: body.backgroundCheckResult,
      consent_signed_on: body.consentSignedOn ?? null,
      confidentiality_signed_on: body.confidentialitySignedOn ?? null,
      recorded_by: ctx.actor.userId,
      recorded_at: deps.clock(),
    });
  });

export const recordTraining = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: { module: TrainingModule; completedOn: string },
) =>
  writeVolunteer(deps, ctx, id, 'volunteer.training', (trx, _v, orgId) =>
    repo.insertTraining(trx, {
      id: randomUUID(),
      organization_id: orgId,
      volunteer_id: id,
      module: body.module,
      completed_on: body.completedOn,
      recorded_by: ctx.actor.userId,
      recorded_at: deps.clock(),
    }),
  );

/** Supervision and debrief notes, kept in order; they are never edited. */
export const addNote = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof volunteerNoteBodySchema>,
) =>
  writeVolunteer(deps, ctx, id, 'volunteer.note', (trx, _v, orgId) =>
    repo.insertNote(trx, {
      id: randomUUID(),
      organization_id: orgId,
      volunteer_id: id,
      kind: body.kind,
      on_date: body.on,
      body: body.body,
      by_user_id: ctx.actor.userId,
      at: deps.clock(),
    }),
  );

const missingText: Record<string, string> = {
  interview: 'the interview',
  background_check: 'a clear background check',
  consent: 'the signed consent',
  confidentiality_agreement: 'the signed confidentiality agreement',
};

export const changeStatus = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: { to: VolunteerStatus; reason?: string | undefined },
) =>
  writeVolunteer(deps, ctx, id, 'volunteer.status', async (trx, v, orgId) => {
    const { facts: f } = await facts(trx, orgId, v);
    const check = checkVolunteerTransition(f, body.to);
    if (!check.ok) {
      if (check.reason === 'transition')
        throw conflict(
          `A volunteer cannot go from ${v.status} to ${body.to}.`,
          { from: v.status, to: body.to },
          because('volunteers.cannotMove', { from: v.status, to: body.to }),
        );
      const words = check.missing.map((m) => missingText[m] ?? `the ${m.replaceAll('_', ' ')} module`);
      throw conflict(
        `Still missing: ${words.join(', ')}.`,
        { missing: check.missing },
        because('volunteers.stepsMissing', { missing: check.missing }),
      );
    }
    const now = deps.clock();
    await repo.updateVolunteer(trx, orgId, id, { status: body.to, updatedAt: now });
    await repo.insertStatusHistory(trx, {
      id: randomUUID(),
      organization_id: orgId,
      volunteer_id: id,
      from_value: v.status,
      to_value: body.to,
      reason: body.reason ?? null,
      by_user_id: ctx.actor.userId,
      at: now,
    });
  });

import { randomUUID } from 'node:crypto';
import {
  type BurdenBody,
  because,
  type burdenAssessmentSchema,
  burdenScreeningIntervalDays,
  type CaregiverSkill,
  can,
  canSignLevel,
  caregiverSkills,
  conflict,
  type dutyRosterQuerySchema,
  type dutyShiftBodySchema,
  forbidden,
  type instrumentWordingBodySchema,
  invalidField,
  mcsiMax,
  notFound,
  type SkillLevel,
  type skillSignOffBodySchema,
  zbi12ItemNumbers,
  zbi12Max,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { type Envelope, inEnvelope } from '../../platform/envelope.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { addDays, localDate } from '../../platform/time.ts';
import { announceRecorded, recordAssessmentIn } from '../assessments/assessments.service.ts';
import { familyOf } from '../family/family.repository.ts';
import { findPatient, teamOf } from '../patients/patients.repository.ts';
import { openReferral, publishReferral } from '../support/support.service.ts';
import { burdenDueJob } from './burden-due.ts';
import * as repo from './caregivers.repository.ts';

async function today(deps: AppDeps, db: Conn, orgId: string) {
  return localDate(deps.clock(), (await loadSettings(db, orgId)).timeZone);
}

/** A relative named in a record must be linked to the patient when an account is given. */
async function checkFamilyUser(db: Conn, orgId: string, patientId: string, userId: string | undefined) {
  if (!userId) return;
  const links = await familyOf(db, orgId, patientId);
  if (!links.some((l) => l.userId === userId))
    throw invalidField(
      because('caregiver.notFamily'),
      'This person is not a family member of the patient.',
      'body.familyUserId',
      'not linked to the patient',
    );
}

// ---- skills ----

async function skillsView(db: Conn, orgId: string, patientId: string) {
  const [records, family] = await Promise.all([
    repo.skillRecordsOf(db, orgId, patientId),
    familyOf(db, orgId, patientId),
  ]);
  const names = new Map<string, string | null>();
  for (const f of family) names.set(f.name, f.userId);
  for (const r of records) if (!names.has(r.caregiverName)) names.set(r.caregiverName, r.familyUserId);
  return {
    caregivers: [...names].map(([caregiverName, familyUserId]) => ({
      caregiverName,
      familyUserId,
      skills: caregiverSkills.map((skill) => {
        const latest = records.filter((r) => r.caregiverName === caregiverName && r.skill === skill).at(-1);
        return {
          skill,
          level: latest?.level ?? null,
          signedOn: latest?.signedOn ?? null,
          nurseName: latest?.nurseName ?? null,
        };
      }),
    })),
    history: records.map((r) => ({
      id: r.id,
      caregiverName: r.caregiverName,
      familyUserId: r.familyUserId,
      skill: r.skill as CaregiverSkill,
      level: r.level,
      signedOn: r.signedOn,
      nurseName: r.nurseName,
      note: r.note,
    })),
  };
}

export async function getSkills(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'caregiver-skill:read' },
    audit: { action: 'caregiver-skill.read', entityType: 'caregiver_skill' },
  } as const;
  return inEnvelope(deps, ctx, read, ({ trx, organizationId }) => skillsView(trx, organizationId, patientId));
}

/** A nurse signs a relative's skill at the next level: shown → practised → confident. */
export async function signSkill(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof skillSignOffBodySchema>,
) {
  const gate = { patient: { id: patientId, action: 'caregiver-skill:sign' } } as const;
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit }) => {
    await checkFamilyUser(trx, orgId, patientId, body.familyUserId);
    const reached = (await repo.skillRecordsOf(trx, orgId, patientId))
      .filter((r) => r.caregiverName === body.caregiverName && r.skill === body.skill)
      .map((r) => r.level as SkillLevel);
    if (reached.includes(body.level))
      throw conflict(
        `This skill is already signed as ${body.level}.`,
        undefined,
        because('caregiver.skillAlreadySigned'),
      );
    if (!canSignLevel(reached, body.level))
      throw conflict(
        'Sign the skill in order: shown, then practised, then confident.',
        { reached },
        because('caregiver.skillOrder'),
      );
    const id = randomUUID();
    await repo.insertSkillRecord(trx, {
      id,
      organization_id: orgId,
      patient_id: patientId,
      caregiver_name: body.caregiverName,
      family_user_id: body.familyUserId ?? null,
      skill: body.skill,
      level: body.level,
      signed_on: body.signedOn,
      nurse_id: ctx.actor.userId,
      note: body.note ?? null,
      created_at: deps.clock(),
    });
    await audit({ action: 'caregiver-skill.sign', entityType: 'caregiver_skill', entityId: id });
    return skillsView(trx, orgId, patientId);
  });
}

// ---- duty roster ----

async function rosterView(
  deps: AppDeps,
  db: Conn,
  orgId: string,
  patientId: string,
  from: string | undefined,
  days: number,
) {
  const day = await today(deps, db, orgId);
  const start = from ?? day;
  const end = addDays(start, days - 1);
  const rows = await repo.shiftsBetween(
    db,
    orgId,
    patientId,
    start < day ? start : day,
    end > day ? end : day,
  );
  const toShift = (r: (typeof rows)[number]) => ({
    id: r.id,
    date: r.date,
    slot: r.slot,
    personName: r.personName,
    familyUserId: r.familyUserId,
    tasks: r.tasks,
    createdByName: r.createdByName,
  });
  return {
    today: day,
    onToday: rows.filter((r) => r.date === day).map(toShift),
    shifts: rows.filter((r) => r.date >= start && r.date <= end).map(toShift),
  };
}

export async function getRoster(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  q: z.infer<typeof dutyRosterQuerySchema>,
) {
  const read = {
    patient: { id: patientId, action: 'duty-roster:read' },
    audit: { action: 'duty-roster.read', entityType: 'duty_shift' },
  } as const;
  return inEnvelope(deps, ctx, read, ({ trx, organizationId }) =>
    rosterView(deps, trx, organizationId, patientId, q.from, q.days),
  );
}

export async function addShift(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof dutyShiftBodySchema>,
) {
  const gate = { patient: { id: patientId, action: 'duty-roster:write' } } as const;
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, patient, audit, publish }) => {
    if (patient?.status === 'deceased' || patient?.status === 'discharged')
      throw conflict('The patient is no longer cared for at home.', undefined, because('patient.notAtHome'));
    if (body.date < (await today(deps, trx, orgId)))
      throw invalidField(
        because('caregiver.dayPassed'),
        'A duty cannot be added for a day that has passed.',
        'body.date',
        'in the past',
      );
    await checkFamilyUser(trx, orgId, patientId, body.familyUserId);
    if (await repo.sameShift(trx, orgId, patientId, body.date, body.slot, body.personName))
      throw conflict(
        'This person is already on the roster for that day and time.',
        undefined,
        because('caregiver.alreadyOnRoster'),
      );
    const id = randomUUID();
    await repo.insertShift(trx, {
      id,
      organization_id: orgId,
      patient_id: patientId,
      date: body.date,
      slot: body.slot,
      person_name: body.personName,
      family_user_id: body.familyUserId ?? null,
      tasks: body.tasks ?? null,
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
      cancelled_at: null,
      cancelled_by: null,
    });
    await audit({ action: 'duty-roster.add', entityType: 'duty_shift', entityId: id });
    publish({
      type: 'duty-roster.updated',
      entityId: patientId,
      roles: ['family', 'nurse', 'coordinator'],
      patientId,
    });
    return rosterView(deps, trx, orgId, patientId, undefined, 14);
  });
}

export async function cancelShift(deps: AppDeps, ctx: RequestContext, patientId: string, shiftId: string) {
  const gate = { patient: { id: patientId, action: 'duty-roster:write' } } as const;
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit }) => {
    const r = await repo.cancelShift(trx, orgId, patientId, shiftId, ctx.actor.userId, deps.clock());
    if (!r.numUpdatedRows) throw notFound('duty');
    await audit({ action: 'duty-roster.cancel', entityType: 'duty_shift', entityId: shiftId });
    return rosterView(deps, trx, orgId, patientId, undefined, 14);
  });
}

// ---- caregiver burden ----

type BurdenItem = z.infer<typeof burdenAssessmentSchema>;

/**
 * Every screening and "cannot cope" call, newest first: screenings are assessments (MCSI or
 * ZBI-12); calls without a questionnaire, and ZBI-12 screenings from before the consolidation,
 * are `caregiver_burden` rows.
 */
async function burdenItems(db: Conn, orgId: string, patientId: string): Promise<BurdenItem[]> {
  const [calls, screenings] = await Promise.all([
    repo.burdenOf(db, orgId, patientId),
    repo.screeningsOf(db, orgId, patientId),
  ]);
  const fromScreenings = screenings.map((r): BurdenItem => {
    const number = (v: unknown) => (typeof v === 'number' ? v : null);
    const kind = r.instrument;
    const threshold = number(kind === 'mcsi' ? r.scores.threshold : r.scores.cutoff);
    const total = number(r.scores.total);
    return {
      id: r.recordId,
      assessmentId: r.recordId,
      caregiverName: r.caregiverName ?? r.answers.caregiverName ?? '',
      familyUserId: r.familyUserId,
      kind,
      total,
      max: kind === 'mcsi' ? mcsiMax : zbi12Max,
      threshold,
      high: total !== null && threshold !== null && total >= threshold,
      cannotCope: Boolean(r.cannotCope),
      recordedAt: r.takenAt.toISOString(),
      recordedByName: r.recordedByName,
      referralId: r.referralId,
      respiteOffered: Boolean(r.respiteOffered),
    };
  });
  const fromCalls = calls.map(
    (r): BurdenItem => ({
      id: r.id,
      assessmentId: null,
      caregiverName: r.caregiverName,
      familyUserId: null,
      kind: r.kind,
      total: r.total,
      max: r.kind === 'zbi12' ? zbi12Max : null,
      threshold: r.threshold,
      high: r.high,
      cannotCope: r.cannotCope,
      recordedAt: r.recordedAt.toISOString(),
      recordedByName: r.recordedByName,
      referralId: r.referralId,
      respiteOffered: r.respiteOffered,
    }),
  );
  // a call made in the same instant as a screening came after it (sort is stable)
  return [...fromCalls, ...fromScreenings].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
}

const lastScreening = (items: BurdenItem[]) => items.find((i) => i.kind !== 'cannot_cope');

async function burdenView(deps: AppDeps, db: Conn, orgId: string, patientId: string) {
  const settings = await loadSettings(db, orgId);
  const [items, wording, day] = await Promise.all([
    burdenItems(db, orgId, patientId),
    repo.wordingOf(db, orgId, 'zbi12'),
    today(deps, db, orgId),
  ]);
  const last = lastScreening(items);
  const nextDueOn = last
    ? addDays(localDate(new Date(last.recordedAt), settings.timeZone), burdenScreeningIntervalDays)
    : null;
  return {
    instrument: settings.triage.caregiverInstrument,
    assessments: items,
    nextDueOn,
    due: nextDueOn === null || nextDueOn <= day,
    wording: wording.length ? Object.fromEntries(wording.map((w) => [w.locale, w.items])) : null,
  };
}

export async function getBurden(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'caregiver-burden:read' },
    audit: { action: 'caregiver-burden.read', entityType: 'caregiver_burden' },
  } as const;
  return inEnvelope(deps, ctx, read, ({ trx, organizationId }) =>
    burdenView(deps, trx, organizationId, patientId),
  );
}

/** "I cannot cope" opens (or joins) a psychologist referral and offers respite. */
const cannotCopeReferral = (trx: Conn, deps: AppDeps, ctx: RequestContext, patientId: string, name: string) =>
  openReferral(trx, deps, ctx.actor.organizationId, {
    patientId,
    discipline: 'psychologist',
    source: 'cannot_cope',
    reason: `${name} says they cannot cope.`,
    forWhom: name,
    respiteOffered: true,
    createdBy: ctx.actor.userId,
  });

/** "I cannot cope" without a questionnaire: straight to a psychologist, with respite offered. */
async function recordCannotCope(
  { trx, audit }: Envelope,
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: Extract<BurdenBody, { kind: 'cannot_cope' }>,
) {
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  const referralId = await cannotCopeReferral(trx, deps, ctx, patientId, body.caregiverName);
  await repo.insertBurden(trx, {
    id,
    organization_id: orgId,
    patient_id: patientId,
    caregiver_name: body.caregiverName,
    kind: 'cannot_cope',
    answers: null,
    total: null,
    threshold: null,
    high: false,
    cannot_cope: true,
    on_request: true,
    note: body.note ?? null,
    referral_id: referralId,
    respite_offered: true,
    recorded_by: ctx.actor.userId,
    recorded_at: deps.clock(),
  });
  await audit({
    action: 'caregiver-burden.cannot_cope',
    entityType: 'caregiver_burden',
    entityId: id,
    patientId,
  });
  return referralId;
}

/**
 * Records a screening with the organization's instrument (stored as an assessment, whose triage
 * rule opens the psychologist referral when the score reaches the threshold) or a "cannot cope"
 * call. "Cannot cope" always opens (or joins) the referral and offers respite; the next screening
 * falls due in four weeks.
 */
export async function recordBurden(deps: AppDeps, ctx: RequestContext, patientId: string, body: BurdenBody) {
  const gate = { patient: { id: patientId, action: 'caregiver-burden:record' } } as const;
  const orgId = ctx.actor.organizationId;
  let referralId: string | null = null;
  let written: Awaited<ReturnType<typeof recordAssessmentIn>> | null = null;
  const view = await inEnvelope(deps, ctx, gate, async (env) => {
    const { trx, audit } = env;
    if (env.patient!.status === 'discharged')
      throw conflict('The patient has left the service.', undefined, because('patient.leftService'));
    if (body.kind === 'cannot_cope') {
      referralId = await recordCannotCope(env, deps, ctx, patientId, body);
      return burdenView(deps, trx, orgId, patientId);
    }
    await checkFamilyUser(trx, orgId, patientId, body.familyUserId);
    written = await recordAssessmentIn(
      trx,
      deps,
      ctx,
      patientId,
      body.kind === 'mcsi'
        ? { instrument: 'mcsi', answers: { items: body.answers, caregiverName: body.caregiverName } }
        : { instrument: 'zbi12', answers: { items: body.answers, caregiverName: body.caregiverName } },
      ctx.actor.role === 'family' ? 'family' : 'staff',
    );
    referralId = written.referralId;
    if (body.cannotCope) {
      referralId = await cannotCopeReferral(trx, deps, ctx, patientId, body.caregiverName);
    }
    const now = deps.clock();
    await repo.insertScreening(trx, {
      record_id: written.recordId,
      organization_id: orgId,
      patient_id: patientId,
      instrument: body.kind,
      caregiver_name: body.caregiverName,
      family_user_id: body.familyUserId ?? (ctx.actor.role === 'family' ? ctx.actor.userId : null),
      cannot_cope: body.cannotCope,
      on_request: body.onRequest,
      referral_id: referralId,
      respite_offered: referralId !== null,
      created_at: now,
    });
    await audit({
      action: `caregiver-burden.${body.kind}`,
      entityType: 'caregiver_burden',
      entityId: written.recordId,
    });
    return burdenView(deps, trx, orgId, patientId);
  });
  // after the commit (the envelope has returned), in this order: the assessment's events, then a
  // "cannot cope" referral they did not already announce
  if (written) await announceRecorded(deps, orgId, patientId, written);
  if (referralId && referralId !== (written as { referralId: string | null } | null)?.referralId)
    await publishReferral(deps, orgId, referralId);
  return view;
}

/** Four weeks after a screening with none since, the family and the patient's nurses are reminded. */
export function caregiverJobs(jobs: JobRunner) {
  jobs.register(burdenDueJob, async (deps, job) => {
    const orgId = job.organizationId;
    const patientId = String(job.payload.patientId);
    await deps.db.transaction().execute(async (trx) => {
      const patient = await findPatient(trx, orgId, patientId);
      if (!patient || patient.status === 'deceased' || patient.status === 'discharged') return;
      const latest = lastScreening(await burdenItems(trx, orgId, patientId));
      if (latest && latest.id !== job.payload.afterAssessmentId) return;
      const family = (await familyOf(trx, orgId, patientId)).map((f) => f.userId);
      const nurses = (await teamOf(trx, orgId, patientId)).filter((u) => u.role === 'nurse').map((u) => u.id);
      await notifyUsers(
        trx,
        orgId,
        [...family, ...nurses],
        {
          kind: 'caregiver-burden.due',
          title: 'Time for the carer check-in',
          body: 'Four weeks have passed since the last caregiver burden questionnaire.',
          entityType: 'patient',
          entityId: patientId,
        },
        deps.clock(),
      );
      await recordAudit(trx, deps, null, orgId, {
        action: 'caregiver-burden.due',
        entityType: 'caregiver_burden',
        patientId,
      });
    });
    await deps.events.publish({
      organizationId: orgId,
      type: 'notification.created',
      entityId: patientId,
      roles: ['family', 'nurse'],
      patientId,
    });
  });
}

/** An organization holding a ZBI licence loads the item wording (instrument-licences.md). */
export async function loadWording(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.infer<typeof instrumentWordingBodySchema>,
) {
  if (!can(ctx.actor, 'instrument:manage')) throw forbidden();
  const items = Object.keys(body.items).map(Number);
  const expected: readonly number[] = zbi12ItemNumbers;
  if (items.length !== expected.length || !expected.every((n) => items.includes(n)))
    throw invalidField(
      because('caregiver.zbiItems', { items: expected.join(', ') }),
      `Give the wording of items ${expected.join(', ')}.`,
      'body.items',
      'the 12 ZBI-12 items',
    );
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    await repo.upsertWording(trx, {
      organization_id: orgId,
      instrument: 'zbi12',
      locale: body.locale,
      items: body.items,
      licence_note: body.licenceNote,
      updated_by: ctx.actor.userId,
      updated_at: deps.clock(),
    });
    await audit({ action: 'instrument.wording', entityType: 'instrument_wording', entityId: null });
  });
  return { ok: true as const };
}

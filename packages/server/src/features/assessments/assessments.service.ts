import { randomUUID } from 'node:crypto';
import {
  type Action,
  type Assessment,
  type AssessmentBody,
  ageInYears,
  because,
  type ClinicalTask,
  can,
  caregiverInstruments,
  combineFindings,
  conflict,
  type DiaryBody,
  type DiaryEntry,
  type DiaryView,
  evaluateTriage,
  forbidden,
  type InstrumentAnswers,
  isChild,
  isWorse,
  mcsiMax,
  notFound,
  pressureScaleFor,
  scoreAssessment,
  triageRuleSetName,
  triageRuleSetVersion,
  zbi12Max,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows, timeCursorAfter, timeCursorOf } from '../../http/pagination.ts';
import { loadPatientFor } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { alertsAnsweringSources, alertsForSources } from '../alerts/alerts.repository.ts';
import {
  type AlertResolvedHook,
  alertAudienceRoles,
  announceAlerts,
  onAlertResolved,
  type RaisedAlert,
  raiseAlert,
} from '../alerts/alerts.service.ts';
import { scheduleBurdenReminder } from '../caregivers/burden-due.ts';
import { familyOf } from '../family/family.repository.ts';
import { openReferral, publishReferral } from '../support/support.service.ts';
import { findVisit } from '../visits/visits.repository.ts';
import * as repo from './assessments.repository.ts';

/** Instruments whose later record, taken by staff, counts as the symptom follow-up (HOPE SFV). */
const followUpInstruments = new Set(['esas_r', 'ipos', 'flacc', 'r_flacc', 'faces']);
/** Instruments whose items the triage rules compare with their own last value (pain, ESAS-r, PPS). */
const comparedInstruments = ['esas_r', 'faces', 'flacc', 'r_flacc', 'pps'] as const;
const sourceType = 'assessment';
const ruleTitles: Record<string, string> = {
  'symptom.severe': 'Severe symptom',
  'pain.rising': 'Pain rising',
  'breathlessness.new-or-worse': 'New or worse breathlessness',
  'confusion.new': 'New confusion',
  'family.cannot-cope': 'Family cannot cope',
  'pps.drop': 'PPS dropped',
  'phase.unstable': 'Phase: unstable',
  'zbi12.above-cutoff': 'Caregiver burden above cut-off',
  'mcsi.at-threshold': 'Caregiver strain at or above threshold',
};
const hasAnswers = (answers: unknown) =>
  Object.values(answers as Record<string, unknown>).some((v) => v !== undefined);
/** Rules whose finding also opens (or joins) a psychologist referral for the family. */
const burdenRules = new Set(['zbi12.above-cutoff', 'mcsi.at-threshold']);
const isCaregiverInstrument = (i: string): i is (typeof caregiverInstruments)[number] =>
  (caregiverInstruments as readonly string[]).includes(i);

const asAnswers = (row: { instrument: string; answers: object }) =>
  ({ instrument: row.instrument, answers: row.answers }) as InstrumentAnswers;

interface WriteInput {
  recordId: string;
  version: number;
  /** A staff assessment, or a family diary entry whose answers may be partial or empty. */
  body: Pick<AssessmentBody, 'instrument' | 'takenAt' | 'note' | 'flags' | 'visitId'> & {
    answers: object;
    coping?: DiaryBody['coping'];
  };
  source: 'staff' | 'family';
  correctionReason: string | null;
}

/**
 * Writes one version of a record, runs the triage rules against the previous record of the same
 * instrument, raises alerts and follow-up tasks, and closes open follow-ups a staff assessment
 * answers. Runs inside the caller's transaction.
 */
async function writeRecord(
  trx: Conn,
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  input: WriteInput,
) {
  const orgId = ctx.actor.organizationId;
  const now = deps.clock();
  const settings = await loadSettings(trx, orgId);
  const takenAt = input.body.takenAt ? new Date(input.body.takenAt) : now;
  const current = asAnswers(input.body);
  // a visit id ties the record to one visit of THIS patient; another patient's visit is refused
  if (input.body.visitId) {
    const visit = await findVisit(trx, orgId, input.body.visitId);
    if (visit?.patientId !== patientId) throw notFound('visit');
  }
  // ZBI-12 wording is licensed: only an organization that chose it may record it (licences.md)
  if (
    isCaregiverInstrument(current.instrument) &&
    current.instrument !== settings.triage.caregiverInstrument &&
    input.version === 1
  ) {
    const instrument = settings.triage.caregiverInstrument.toUpperCase();
    throw conflict(
      `This organization screens caregivers with ${instrument}; an administrator can change it in the settings.`,
      undefined,
      because('assessment.caregiverInstrument', { instrument }),
    );
  }
  // children are scored with Braden Q under the organization's age, adults with Braden
  if ((current.instrument === 'braden' || current.instrument === 'braden_q') && input.version === 1) {
    const patient = await loadPatientFor(deps, ctx, 'assessment:record', patientId, trx);
    const age = ageInYears(patient.dateOfBirth, takenAt.toISOString().slice(0, 10));
    const expected = pressureScaleFor(age, settings.triage.bradenQUnderYears);
    if (expected !== current.instrument) {
      throw conflict(
        expected === 'braden_q'
          ? `A child under ${settings.triage.bradenQUnderYears} is scored with Braden Q (the paediatric Braden scale).`
          : `Braden Q is for children under ${settings.triage.bradenQUnderYears}; use the Braden scale.`,
        { expected },
        because(expected === 'braden_q' ? 'assessment.useBradenQ' : 'assessment.useBraden', {
          years: settings.triage.bradenQUnderYears,
        }),
      );
    }
  }
  // a diary entry may carry only a flag or how the family copes: nothing to score then
  const scores = hasAnswers(current.answers)
    ? scoreAssessment(current, {
        bradenBands: settings.triage.bradenBands,
        zbi12Cutoff: settings.triage.zbi12Cutoff,
        mcsiThreshold: settings.triage.mcsiThreshold,
      })
    : {};
  const previousRow = await repo.previousOf(
    trx,
    orgId,
    patientId,
    current.instrument,
    takenAt,
    input.recordId,
  );
  const versionId = randomUUID();
  await repo.insertAssessment(trx, {
    id: versionId,
    organization_id: orgId,
    record_id: input.recordId,
    version: input.version,
    is_current: true,
    patient_id: patientId,
    instrument: current.instrument,
    answers: current.answers,
    scores,
    flags: input.body.flags ?? null,
    coping: input.body.coping ?? null,
    note: input.body.note ?? null,
    source: input.source,
    visit_id: input.body.visitId ?? null,
    taken_at: takenAt,
    recorded_at: now,
    recorded_by: ctx.actor.userId,
    correction_reason: input.correctionReason,
  });

  const lookBackHours = Math.max(settings.triage.compareWindowHours, settings.triage.ppsWindowDays * 24);
  const history = await repo.recentOf(
    trx,
    orgId,
    patientId,
    comparedInstruments,
    new Date(takenAt.getTime() - lookBackHours * 3600_000),
    takenAt,
    input.recordId,
  );
  const findings = evaluateTriage(
    {
      current,
      takenAt,
      previous: previousRow ? asAnswers(previousRow) : null,
      history,
      flags: input.body.flags,
      coping: input.body.coping,
    },
    settings.triage,
  );
  // one observation raises at most one alert: the most severe, the others in its facts
  const combined = combineFindings(findings);
  const raised: RaisedAlert[] = [];
  if (combined) {
    const f = combined;
    const r = await raiseAlert(trx, deps, {
      organizationId: orgId,
      patientId,
      severity: f.severity,
      audience: f.audience,
      ruleSet: triageRuleSetName,
      ruleSetVersion: triageRuleSetVersion,
      ruleId: f.ruleId,
      title: `${ruleTitles[f.ruleId] ?? f.ruleId}${input.source === 'family' ? ' (family diary)' : ''}`,
      facts: f.facts,
      source: { type: sourceType, id: input.recordId },
      raisedBy: ctx.actor,
      alsoAudiences: f.alsoAudiences,
      isWorseThan: (before) => isWorse(before, f.facts),
    });
    raised.push(r);
    if (f.followUp && (await repo.openTasks(trx, orgId, patientId, 'symptom_follow_up')).length === 0) {
      await repo.insertTask(trx, {
        id: randomUUID(),
        organization_id: orgId,
        patient_id: patientId,
        kind: 'symptom_follow_up',
        alert_id: r.alertId,
        reason: 'Severe symptom: in-person follow-up within 48 hours (HOPE symptom follow-up visit)',
        due_at: new Date(takenAt.getTime() + settings.triage.followUpHours * 3600_000),
        created_at: now,
        status: 'open',
        done_at: null,
        done_by: null,
        done_by_assessment_id: null,
      });
    }
  }
  // a caregiver burden score at or above its cut-off asks a psychologist to see the family
  let referralId: string | null = null;
  const burden = findings.find((f) => burdenRules.has(f.ruleId));
  if (burden && isCaregiverInstrument(current.instrument)) {
    const who = (current.answers as { caregiverName?: string }).caregiverName;
    referralId = await openReferral(trx, deps, orgId, {
      patientId,
      discipline: 'psychologist',
      source: 'caregiver_burden',
      reason: `${who ? `${who}: ` : ''}caregiver burden ${current.instrument === 'mcsi' ? `MCSI ${String(burden.facts.total)}/${mcsiMax}` : `ZBI-12 ${String(burden.facts.total)}/${zbi12Max}`} (threshold ${String(burden.facts.cutoff ?? burden.facts.threshold)}).`,
      forWhom: who,
      respiteOffered: true,
      createdBy: ctx.actor.userId,
    });
  }
  // a later staff assessment of symptoms is the follow-up the open tasks wait for
  let closedTasks = 0;
  if (input.source === 'staff' && followUpInstruments.has(current.instrument)) {
    const open = (await repo.openTasks(trx, orgId, patientId, 'symptom_follow_up')).filter(
      (t) => t.createdAt <= now && !raised.some((r) => r.alertId === t.alertId),
    );
    await repo.completeTasks(
      trx,
      orgId,
      open.map((t) => t.id),
      { done_at: now, done_by: ctx.actor.userId, done_by_assessment_id: input.recordId },
    );
    closedTasks = open.length;
  }
  return { raised, closedTasks, referralId };
}

async function announce(
  deps: AppDeps,
  orgId: string,
  patientId: string,
  raised: RaisedAlert[],
  tasksChanged: boolean,
  referralId: string | null = null,
) {
  await announceAlerts(deps, raised);
  if (referralId) await publishReferral(deps, orgId, referralId);
  await deps.events.publish({
    organizationId: orgId,
    type: 'assessment.recorded',
    entityId: patientId,
    roles: alertAudienceRoles,
  });
  const family = (await familyOf(deps.db, orgId, patientId)).map((f) => f.userId);
  if (family.length) {
    await deps.events.publish({
      organizationId: orgId,
      type: 'diary.updated',
      entityId: patientId,
      roles: ['family'],
      patientId,
      userIds: family,
    });
  }
  if (tasksChanged) {
    await deps.events.publish({
      organizationId: orgId,
      type: 'task.updated',
      entityId: patientId,
      roles: alertAudienceRoles,
    });
  }
}

type Written = Awaited<ReturnType<typeof writeRecord>> & { recordId: string };

/**
 * Records a new assessment inside the caller's transaction, audited; the caregivers feature
 * stores burden screenings through it. Call `announceRecorded` after the commit.
 */
export async function recordAssessmentIn(
  trx: Conn,
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: AssessmentBody,
  source: 'staff' | 'family' = 'staff',
): Promise<Written> {
  const recordId = randomUUID();
  const r = await writeRecord(trx, deps, ctx, patientId, {
    recordId,
    version: 1,
    body,
    source,
    correctionReason: null,
  });
  // every caregiver screening, from the portal or the patient page, restarts the four weeks
  if (isCaregiverInstrument(body.instrument))
    await scheduleBurdenReminder(trx, ctx.actor.organizationId, patientId, recordId, deps.clock());
  await recordAudit(trx, deps, ctx, ctx.actor.organizationId, {
    action: 'assessment.record',
    entityType: 'assessment',
    entityId: recordId,
    patientId,
  });
  return { ...r, recordId };
}

export const announceRecorded = (deps: AppDeps, orgId: string, patientId: string, r: Written) =>
  announce(deps, orgId, patientId, r.raised, r.raised.length > 0 || r.closedTasks > 0, r.referralId);

export async function recordAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: AssessmentBody,
) {
  const gate = { patient: { id: patientId, action: 'assessment:record' } } as const;
  const result = await inEnvelope(deps, ctx, gate, ({ trx }) =>
    recordAssessmentIn(trx, deps, ctx, patientId, body),
  );
  // after the commit (the envelope has returned): alerts, referral, chart and diary events
  await announceRecorded(deps, ctx.actor.organizationId, patientId, result);
  return getAssessment(deps, ctx, patientId, result.recordId);
}

/** A correction is a new version; the original stays, with who, when and why. */
export async function correctAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  recordId: string,
  body: AssessmentBody & { reason: string },
) {
  const gate = { patient: { id: patientId, action: 'assessment:record' } } as const;
  const orgId = ctx.actor.organizationId;
  const result = await inEnvelope(deps, ctx, gate, async ({ trx, audit }) => {
    const current = await repo.currentVersion(trx, orgId, patientId, recordId);
    if (current?.source !== 'staff') throw notFound('assessment');
    if (!can(ctx.actor, 'assessment:correct-any')) {
      const authors = (await repo.allVersions(trx, orgId, recordId)).map((v) => v.recordedBy);
      if (!authors.includes(ctx.actor.userId))
        throw forbidden(
          'Only the clinician who recorded this assessment, or a physician, may correct it.',
          because('assessment.correctOwnOnly'),
        );
    }
    if (current.instrument !== body.instrument) {
      throw forbidden(
        'A correction keeps the instrument; record a new assessment instead.',
        because('assessment.correctionKeepsInstrument'),
      );
    }
    await repo.retireVersion(trx, orgId, current.id);
    const r = await writeRecord(trx, deps, ctx, patientId, {
      recordId,
      version: current.version + 1,
      body: {
        ...body,
        takenAt: body.takenAt ?? current.takenAt.toISOString(),
        // a correction stays with the visit the original was recorded at
        visitId: body.visitId ?? current.visitId ?? undefined,
      },
      source: 'staff',
      correctionReason: body.reason,
    });
    await audit({ action: 'assessment.correct', entityType: 'assessment', entityId: recordId });
    return r;
  });
  await announce(deps, orgId, patientId, result.raised, result.raised.length > 0, result.referralId);
  return getAssessment(deps, ctx, patientId, recordId);
}

const toAssessment = (r: repo.AssessmentRecord, alertIds: string[]): Assessment => ({
  id: r.recordId,
  versionId: r.id,
  version: r.version,
  patientId: r.patientId,
  instrument: r.instrument,
  answers: r.answers,
  scores: r.scores,
  flags: r.flags,
  note: r.note,
  source: r.source,
  takenAt: r.takenAt.toISOString(),
  recordedAt: r.recordedAt.toISOString(),
  recordedByName: r.recordedByName,
  recordedByRole: r.recordedByRole,
  correctionReason: r.correctionReason,
  visitId: r.visitId,
  alertIds,
});

export async function getAssessment(deps: AppDeps, ctx: RequestContext, patientId: string, recordId: string) {
  const read = {
    patient: { id: patientId, action: 'assessment:read' },
    audit: { action: 'assessment.read', entityType: 'assessment', entityId: recordId },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const versions = (await repo.allVersions(trx, orgId, recordId)).filter((v) => v.patientId === patientId);
    const current = versions.find((v) => v.isCurrent);
    if (!current) throw notFound('assessment');
    const alerts = await alertsForSources(trx, orgId, sourceType, [recordId]);
    return {
      ...toAssessment(
        current,
        alerts.map((a) => a.id),
      ),
      history: versions
        .filter((v) => !v.isCurrent)
        .map((v) => ({
          versionId: v.id,
          version: v.version,
          answers: v.answers,
          scores: v.scores,
          recordedAt: v.recordedAt.toISOString(),
          recordedByName: v.recordedByName,
          correctionReason: v.correctionReason,
        })),
    };
  });
}

type AssessmentListQuery = { instrument?: string | undefined; limit: number; cursor?: string | undefined };

export async function listAssessments(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  query: AssessmentListQuery,
) {
  const read = {
    patient: { id: patientId, action: 'assessment:read' },
    audit: { action: 'assessment.list', entityType: 'assessment' },
  } as const;
  return inEnvelope(deps, ctx, read, ({ trx, organizationId }) =>
    assessmentsPage(trx, organizationId, patientId, query),
  );
}

/**
 * One page of a patient's current assessments, newest first, with the alerts each raised, inside
 * the caller's envelope (the patient has passed the gate for `assessment:read`). Two statements.
 */
export async function assessmentsPage(
  trx: Conn,
  orgId: string,
  patientId: string,
  query: AssessmentListQuery,
) {
  const fetched = await repo.listCurrent(
    trx,
    orgId,
    patientId,
    { instrument: query.instrument },
    query.limit + 1,
    timeCursorAfter(query.cursor),
  );
  const { page: rows, nextCursor } = pageOfRows(fetched, query.limit, (last) =>
    timeCursorOf(last.takenAt, last.recordId),
  );
  const alerts = await alertsForSources(
    trx,
    orgId,
    sourceType,
    rows.map((r) => r.recordId),
  );
  return {
    items: rows.map((r) =>
      toAssessment(
        r,
        alerts.filter((a) => a.sourceId === r.recordId).map((a) => a.id),
      ),
    ),
    nextCursor,
  };
}

// ---------------------------------------------------------------------------------------------
// Family symptom diary

/** The diary's scale and settings for a patient who has passed the gate. */
async function diaryContext(deps: AppDeps, db: Conn, orgId: string, patient: DiaryPatient) {
  const settings = await loadSettings(db, orgId);
  const today = deps.clock().toISOString().slice(0, 10);
  // children use the child's scale (Wong-Baker FACES); research §2.7
  const scale: 'esas_r' | 'faces' = isChild(patient.dateOfBirth, today) ? 'faces' : 'esas_r';
  return { settings, scale, ageYears: ageInYears(patient.dateOfBirth, today) };
}

type DiaryPatient = { dateOfBirth: string };
const diaryGate = (patientId: string, action: Action) => ({ patient: { id: patientId, action } });

export async function recordDiaryEntry(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: DiaryBody,
) {
  const orgId = ctx.actor.organizationId;
  const recordId = randomUUID();
  const result = await inEnvelope(deps, ctx, diaryGate(patientId, 'diary:record'), async (env) => {
    const { trx, audit } = env;
    // the diary stops with the death (episode rules: stop_diary_prompts)
    if (env.patient!.status === 'deceased')
      throw conflict('The patient has died; the diary is closed.', undefined, because('patientDeceased'));
    const r = await writeRecord(trx, deps, ctx, patientId, {
      recordId,
      version: 1,
      body: { ...body, takenAt: undefined, visitId: undefined },
      source: 'family',
      correctionReason: null,
    });
    await audit({ action: 'diary.record', entityType: 'assessment', entityId: recordId });
    return r;
  });
  await announce(deps, orgId, patientId, result.raised, result.raised.length > 0);
  const view = await getDiary(deps, ctx, patientId);
  return view.entries.find((e) => e.id === recordId)!;
}

const severityOrder = { urgent: 3, review: 2, routine: 1 } as const;

export async function getDiary(deps: AppDeps, ctx: RequestContext, patientId: string): Promise<DiaryView> {
  const read = {
    ...diaryGate(patientId, 'diary:read'),
    audit: { action: 'diary.read', entityType: 'assessment' },
  };
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId, patient }) => {
    const { settings, scale } = await diaryContext(deps, trx, orgId, patient!);
    const rows = await repo.listCurrent(trx, orgId, patientId, { source: 'family' }, 60);
    // an entry that made an open alert worse is answered by that alert
    const alerts = await alertsAnsweringSources(
      trx,
      orgId,
      sourceType,
      rows.map((r) => r.recordId),
    );
    const entries: DiaryEntry[] = rows
      .filter((r) => r.instrument === 'esas_r' || r.instrument === 'faces')
      .map((r) => {
        const mine = alerts
          .filter((a) => a.sourceId === r.recordId)
          .sort((a, b) => severityOrder[b.severity] - severityOrder[a.severity]);
        const top = mine[0];
        const answered = mine.find((a) => a.status === 'resolved');
        return {
          id: r.recordId,
          instrument: r.instrument as 'esas_r' | 'faces',
          answers: r.answers,
          coping: r.coping,
          note: r.note,
          flags: r.flags,
          takenAt: r.takenAt.toISOString(),
          recordedByName: r.recordedByName,
          response: {
            status: !top
              ? 'none'
              : answered
                ? 'answered'
                : top.status === 'acknowledged'
                  ? 'seen'
                  : 'waiting',
            severity: top?.severity ?? null,
            respondBy: top ? top.dueAt.toISOString() : null,
            // the family sees the outcome and the message written for them, never the staff note
            outcome: answered?.outcome ?? null,
            familyMessage: answered?.familyMessage ?? null,
            answeredByName: answered?.resolvedByName ?? null,
            answeredAt: answered?.resolvedAt?.toISOString() ?? null,
          },
        };
      });
    return {
      scale,
      servicePhone: settings.servicePhone,
      urgentMinutes: settings.alerts.urgentMinutes,
      reviewMinutes: settings.alerts.reviewMinutes,
      entries,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Clinical tasks

const toTask = (r: repo.ClinicalTaskListRecord, now: Date): ClinicalTask => ({
  id: r.id,
  patientId: r.patientId,
  patientName: `${r.patientLastName} ${r.patientFirstName}`,
  kind: r.kind,
  reason: r.reason,
  alertId: r.alertId,
  dueAt: r.dueAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
  status: r.status,
  overdue: r.status === 'open' && now >= r.dueAt,
  doneAt: r.doneAt?.toISOString() ?? null,
});

export async function listTasks(
  deps: AppDeps,
  ctx: RequestContext,
  query: { status: 'open' | 'done'; limit: number; patientId?: string | undefined; mine?: boolean },
) {
  if (!can(ctx.actor, 'task:read')) throw forbidden();
  // one patient's tasks pass that patient's gate; the whole list needs only the permission above
  const read = {
    ...(query.patientId ? { patient: { id: query.patientId, action: 'task:read' as const } } : {}),
    audit: { action: 'task.list', entityType: 'clinical_task' },
  };
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const teamMemberId = query.mine ? ctx.actor.userId : undefined;
    const rows = await repo.listTasks(trx, orgId, { ...query, teamMemberId }, query.limit);
    const now = deps.clock();
    return { items: rows.map((r) => toTask(r, now)) };
  });
}

/** "Urgent visit requested" becomes an open task the dispatch board picks up. */
const urgentVisitOnResolve: AlertResolvedHook = async (trx, deps, ctx, alert) => {
  if (alert.outcome !== 'urgent_visit_requested') return;
  const now = deps.clock();
  const settings = await loadSettings(trx, alert.organizationId);
  await repo.insertTask(trx, {
    id: randomUUID(),
    organization_id: alert.organizationId,
    patient_id: alert.patientId,
    kind: 'urgent_visit',
    alert_id: alert.id,
    reason: `Urgent visit requested by ${ctx.actor.role}`,
    due_at: new Date(now.getTime() + settings.alerts.urgentMinutes * 60_000),
    created_at: now,
    status: 'open',
    done_at: null,
    done_by: null,
    done_by_assessment_id: null,
  });
};
onAlertResolved(urgentVisitOnResolve);

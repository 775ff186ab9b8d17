import { randomUUID } from 'node:crypto';
import {
  type AcpBody,
  type AcpVersion,
  because,
  type CareSetting,
  can,
  type careLevelMoveBodySchema,
  conflict,
  forbidden,
  stateForCareLevel,
  type transferSummarySchema,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { findOrganization } from '../../platform/settings/settings.repository.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as assessments from '../assessments/assessments.repository.ts';
import { applyEpisodeChange, episodeEvents } from '../episode/episode.service.ts';
import { loansAtHome } from '../equipment/equipment.service.ts';
import * as medicines from '../medicines/medicines.repository.ts';
import { prescriptionStatus } from '../medicines/medicines.view.ts';
import * as patients from '../patients/patients.repository.ts';
import { readPatient } from '../patients/patients.service.ts';
import * as repo from './advance-care.repository.ts';

/** The API's view of a stored version: absent optional fields are said as null. */
function toVersion(r: repo.AcpVersionRecord): AcpVersion {
  const p = r.plan;
  return {
    id: r.id,
    version: r.version,
    preferredPlaceOfCare: p.preferredPlaceOfCare,
    preferredPlaceOfDeath: p.preferredPlaceOfDeath,
    placeNote: p.placeNote ?? null,
    resuscitation: {
      decision: p.resuscitation.decision,
      decidedOn: p.resuscitation.decidedOn ?? null,
      formLocation: p.resuscitation.formLocation ?? null,
      whoWasTold: p.resuscitation.whoWasTold ?? null,
    },
    ceilingsOfTreatment: p.ceilingsOfTreatment ?? null,
    decisionMaker: p.decisionMaker
      ? {
          name: p.decisionMaker.name,
          relationship: p.decisionMaker.relationship ?? null,
          phone: p.decisionMaker.phone ?? null,
          basis: p.decisionMaker.basis ?? null,
        }
      : null,
    patientKnowsPrognosis: p.patientKnowsPrognosis,
    familyKnowsPrognosis: p.familyKnowsPrognosis,
    consentToShare: p.consentToShare,
    changeReason: r.changeReason,
    recordedAt: r.recordedAt.toISOString(),
    recordedByName: r.recordedByName,
  };
}

/** The current plan (latest version) inside a transaction; used by transfer and death records. */
export async function currentPlan(db: Conn, orgId: string, patientId: string) {
  const rows = await repo.plansOf(db, orgId, patientId);
  return rows[0] ? toVersion(rows[0]) : null;
}

async function view(db: Conn, orgId: string, patientId: string) {
  const versions = (await repo.plansOf(db, orgId, patientId)).map(toVersion);
  return { current: versions[0] ?? null, history: versions };
}

export async function getPlan(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'acp:read' },
    audit: { action: 'acp.read', entityType: 'advance_care_plan' },
  } as const;
  return inEnvelope(deps, ctx, read, ({ trx, organizationId }) => view(trx, organizationId, patientId));
}

/** Every change is a new version with who, when and why; nothing is overwritten. */
/**
 * Resuscitation and ceilings of treatment are a physician's decisions (issue 13): anyone else may
 * record the plan only with these exactly as they stand (a first plan: CPR not yet discussed).
 */
function assertMedicalDecisionsUnchanged(
  ctx: RequestContext,
  latest: repo.AcpVersionRecord | undefined,
  body: AcpBody,
) {
  if (can(ctx.actor, 'acp:decide')) return;
  const before = latest?.plan;
  const cpr = (r: AcpBody['resuscitation'] | undefined) =>
    JSON.stringify([r?.decision ?? 'not_discussed', r?.decidedOn ?? null, r?.formLocation ?? null]);
  const ceilings = (p: { ceilingsOfTreatment?: string | undefined } | undefined) =>
    p?.ceilingsOfTreatment ?? '';
  if (cpr(before?.resuscitation) !== cpr(body.resuscitation) || ceilings(before) !== ceilings(body))
    throw forbidden(
      'Only a physician records a resuscitation decision or ceilings of treatment; ask the physician to record it.',
      because('advanceCare.physicianOnly'),
    );
}

export async function recordPlan(deps: AppDeps, ctx: RequestContext, patientId: string, body: AcpBody) {
  const gate = { patient: { id: patientId, action: 'acp:write' } } as const;
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, patient, audit }) => {
    if (patient!.status === 'deceased')
      throw conflict('The patient has died; the plan is closed.', undefined, because('patientDeceased'));
    const latest = (await repo.plansOf(trx, orgId, patientId))[0];
    assertMedicalDecisionsUnchanged(ctx, latest, body);
    const { changeReason, ...plan } = body;
    const id = randomUUID();
    const now = deps.clock();
    await repo.insertPlan(trx, orgId, patientId, {
      id,
      version: (latest?.version ?? 0) + 1,
      plan,
      changeReason,
      recordedBy: ctx.actor.userId,
      recordedAt: now,
    });
    // consent to share lives on the patient record too (DOMAIN.md step 3)
    await patients.updatePatient(trx, orgId, patientId, {
      consent_to_share: body.consentToShare,
      updated_at: now,
    });
    await audit({ action: 'acp.record', entityType: 'advance_care_plan', entityId: id });
    return view(trx, orgId, patientId);
  });
}

/** The one-page summary for ambulance and out-of-hours services, in the organization's language. */
export async function planSummary(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'acp:read' },
    audit: { action: 'acp.summary', entityType: 'advance_care_plan' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const [p, settings, org, plan] = await Promise.all([
      readPatient(deps, trx, orgId, patientId),
      loadSettings(trx, orgId),
      findOrganization(trx, orgId),
      currentPlan(trx, orgId, patientId),
    ]);
    return {
      organizationName: org?.name ?? '',
      servicePhone: settings.servicePhone,
      language: settings.language,
      printedAt: deps.clock().toISOString(),
      patient: {
        name: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' '),
        dateOfBirth: p.dateOfBirth,
        address: p.address,
        phone: p.phone,
      },
      diagnoses: p.diagnoses,
      allergies: p.allergies,
      contacts: p.contacts,
      plan,
    };
  });
}

/** The transfer summary: diagnoses, medicines, allergies, advance care plan, latest assessments, contacts. */
async function buildTransferSummary(
  deps: AppDeps,
  trx: Conn,
  orgId: string,
  patientId: string,
): Promise<z.infer<typeof transferSummarySchema>> {
  const [p, plan, loans, prescriptions, recent] = await Promise.all([
    readPatient(deps, trx, orgId, patientId),
    currentPlan(trx, orgId, patientId),
    loansAtHome(trx, orgId, patientId),
    medicines.listCurrent(trx, orgId, patientId),
    assessments.listCurrent(trx, orgId, patientId, {}, 200),
  ]);
  const now = deps.clock();
  const latest = new Map<string, (typeof recent)[number]>();
  for (const a of recent) if (!latest.has(a.instrument)) latest.set(a.instrument, a);
  return {
    patient: {
      id: p.id,
      name: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' '),
      dateOfBirth: p.dateOfBirth,
      address: p.address,
      phone: p.phone,
      careSetting: p.careSetting,
    },
    diagnoses: p.diagnoses,
    allergies: p.allergies,
    advanceCarePlan: plan,
    contacts: p.contacts,
    equipmentAtHome: loans.map((l) => ({
      kind: l.kind,
      name: l.itemName ?? l.kind,
      serialNumber: l.itemSerial ?? '',
    })),
    medicines: prescriptions
      .filter((r) => prescriptionStatus(r, now) === 'active')
      .map((r) => ({
        name: r.name,
        dose: `${r.doseAmount} ${r.doseUnit}`,
        route: r.route,
        kind: r.kind,
        indication: r.indication,
        instructions: r.instructions,
        controlled: r.controlled,
      })),
    latestAssessments: [...latest.values()].map((a) => ({
      instrument: a.instrument,
      takenAt: a.takenAt.toISOString(),
      scores: a.scores,
    })),
    notAvailable: [],
    generatedAt: deps.clock().toISOString(),
  };
}

export async function transferSummary(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'acp:read' },
    audit: { action: 'care-level.summary', entityType: 'care_level_move' },
  } as const;
  return inEnvelope(deps, ctx, read, ({ trx, organizationId }) =>
    buildTransferSummary(deps, trx, organizationId, patientId),
  );
}

async function movesView(db: Conn, orgId: string, patientId: string) {
  return (await repo.movesOf(db, orgId, patientId)).map((m) => ({
    ...m,
    recordedAt: m.recordedAt.toISOString(),
  }));
}

export async function listMoves(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'acp:read' },
    audit: { action: 'care-level.list', entityType: 'care_level_move' },
  } as const;
  return inEnvelope(deps, ctx, read, ({ trx, organizationId }) => movesView(trx, organizationId, patientId));
}

/** Records a move between home, continuous care at home, respite, inpatient hospice and hospital, with its transfer summary. */
export async function moveCareLevel(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof careLevelMoveBodySchema>,
) {
  const gate = { patient: { id: patientId, action: 'care-level:move' } } as const;
  return inEnvelope(deps, ctx, gate, async (env) => {
    const { trx, organizationId: orgId, audit, publish } = env;
    const patient = env.patient!;
    if (patient.status === 'deceased' || patient.status === 'discharged' || patient.status === 'referred')
      throw conflict(
        `A ${patient.status} patient cannot change level of care.`,
        undefined,
        because('careLevel.notNow', { status: patient.status }),
      );
    if (patient.careSetting === body.to)
      throw conflict(
        'The patient is already at this level of care.',
        undefined,
        because('careLevel.already'),
      );
    const now = deps.clock();
    const outcome = await applyEpisodeChange(trx, deps, ctx, orgId, patient, {
      to: stateForCareLevel(body.to),
      reason: body.reason,
      careSettingOnHistory: true,
    });
    const summary = await buildTransferSummary(deps, trx, orgId, patientId);
    const id = randomUUID();
    await repo.insertMove(trx, orgId, patientId, {
      id,
      from: patient.careSetting as CareSetting,
      to: body.to,
      movedOn: body.movedOn,
      reason: body.reason,
      summary,
      recordedBy: ctx.actor.userId,
      recordedAt: now,
    });
    await audit({ action: 'care-level.move', entityType: 'care_level_move', entityId: id });
    const moves = await movesView(trx, orgId, patientId);
    for (const event of episodeEvents(patientId, outcome)) publish(event);
    return moves;
  });
}

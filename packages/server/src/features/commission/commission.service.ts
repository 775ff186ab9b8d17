import { createHash, randomUUID } from 'node:crypto';
import {
  because,
  type CommissionCase,
  type CommissionDecisionBody,
  can,
  categoryOfIcd10,
  type commissionReferBodySchema,
  conflict,
  DomainError,
  forbidden,
  invalidField,
  maxDocumentBytes,
  notFound,
  stateForStatus,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows } from '../../http/pagination.ts';
import { type Envelope, inEnvelope } from '../../platform/envelope.ts';
import { applyEpisodeChange } from '../episode/episode.service.ts';
import { callerAsContact, markReferred } from '../intake/intake.service.ts';
import * as patients from '../patients/patients.repository.ts';
import { insertNewPatient } from '../patients/patients.service.ts';
import * as repo from './commission.repository.ts';
import { checkDocumentContent, safeFileName } from './file-check.ts';

const audience = ['commission', 'coordinator', 'admin', 'physician'] as const;

/** A coordinator refers a request (with the patient's identity) or a known patient to the commission. */
export async function refer(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.infer<typeof commissionReferBodySchema>,
) {
  if (!can(ctx.actor, 'commission:refer')) throw forbidden();
  if (!body.patientId === !body.patient) {
    throw invalidField(
      because('commission.patientEitherOr'),
      'Give either an existing patient or the new patient’s details.',
      'body.patient',
      'either patientId or patient',
    );
  }
  // a known patient passes the gate; a new one is created in the same transaction
  const gate = body.patientId ? { patient: { id: body.patientId, action: 'patient:update' as const } } : {};
  const caseId = await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
    const now = deps.clock();
    let patientId = body.patientId;
    if (body.patient) {
      const withDiagnosis = body.patient.diagnoses.length
        ? body.patient
        : { ...body.patient, diagnoses: [{ icd10: body.icd10, description: body.diagnosis, primary: true }] };
      // the caller joins the household contacts; their phone stays theirs, not the patient's
      const caller = body.careRequestId ? await callerAsContact(trx, orgId, body.careRequestId) : null;
      const known = withDiagnosis.contacts.some((c) => c.phone === caller?.phone || c.name === caller?.name);
      patientId = await insertNewPatient(
        { trx, audit },
        deps,
        ctx,
        caller && !known
          ? { ...withDiagnosis, contacts: [caller, ...withDiagnosis.contacts] }
          : withDiagnosis,
        'body.patient',
      );
    }
    const id = randomUUID();
    if (body.careRequestId) await markReferred(trx, orgId, body.careRequestId, id, now);
    await repo.insertCase(trx, {
      id,
      organization_id: orgId,
      status: 'pending',
      patient_id: patientId!,
      care_request_id: body.careRequestId ?? null,
      icd10: body.icd10,
      diagnosis: body.diagnosis,
      performance_scale: body.performance.scale,
      performance_score: body.performance.score,
      reason: body.reason,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await audit({
      action: 'commission.refer',
      entityType: 'commission_case',
      entityId: id,
      patientId: patientId ?? null,
    });
    announce(publish, id);
    if (body.careRequestId)
      publish({ type: 'intake.updated', entityId: body.careRequestId, roles: ['coordinator', 'admin'] });
    return id;
  });
  return getCase(deps, ctx, caseId);
}

/** Queues the case's live event (sent after the commit). */
const announce = (publish: Envelope['publish'], caseId: string) =>
  publish({ type: 'commission.updated', entityId: caseId, roles: audience });

async function assemble(
  db: Conn,
  orgId: string,
  cases: repo.CommissionCaseWithPatientRecord[],
): Promise<CommissionCase[]> {
  const ids = cases.map((c) => c.id);
  const [docs, decisions] = await Promise.all([
    repo.documentsOf(db, orgId, ids),
    repo.decisionsOf(db, orgId, ids),
  ]);
  return cases.map((c) => ({
    id: c.id,
    status: c.status,
    patientId: c.patientId,
    patientName: c.patientName,
    careRequestId: c.careRequestId,
    icd10: c.icd10,
    diagnosis: c.diagnosis,
    performance: c.performance,
    reason: c.reason,
    createdAt: c.createdAt.toISOString(),
    documents: docs
      .filter((d) => d.caseId === c.id)
      .map((d) => ({
        id: d.id,
        fileName: d.fileName,
        contentType: d.contentType,
        sizeBytes: d.sizeBytes,
        sha256: d.sha256,
        uploadedAt: d.uploadedAt.toISOString(),
        uploadedByName: d.uploadedByName,
      })),
    decisions: decisions
      .filter((d) => d.caseId === c.id)
      .map((d) => ({
        decision: d.decision,
        decidedOn: d.decidedOn,
        members: d.members,
        reviewDate: d.reviewDate,
        missing: d.missing,
        reason: d.reason,
        notes: d.notes,
        recordedAt: d.recordedAt.toISOString(),
        recordedByName: d.recordedByName,
      })),
  }));
}

export async function listCases(
  deps: AppDeps,
  ctx: RequestContext,
  status: string | undefined,
  cursor: string | undefined,
  limit: number,
) {
  if (!can(ctx.actor, 'commission:read')) throw forbidden();
  const [at, id] = (cursor ?? '').split('|');
  const after =
    id && at && !Number.isNaN(new Date(at).getTime()) ? { createdAt: new Date(at), id } : undefined;
  const read = { audit: { action: 'commission.list', entityType: 'commission_case' } };
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const rows = await repo.listCases(trx, orgId, status, after, limit + 1);
    const { page, nextCursor } = pageOfRows(
      rows,
      limit,
      (last) => `${last.createdAt.toISOString()}|${last.id}`,
    );
    return { items: await assemble(trx, orgId, page), nextCursor };
  });
}

export async function getCase(deps: AppDeps, ctx: RequestContext, id: string) {
  if (!can(ctx.actor, 'commission:read')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const row = await repo.findCase(trx, orgId, id);
    if (!row) throw notFound('commissionCase');
    await audit({
      action: 'commission.read',
      entityType: 'commission_case',
      entityId: id,
      patientId: row.patientId,
    });
    return (await assemble(trx, orgId, [row]))[0]!;
  });
}

export async function addDocument(
  deps: AppDeps,
  ctx: RequestContext,
  caseId: string,
  file: { fileName: string; contentType: string; bytes: Uint8Array },
) {
  if (!can(ctx.actor, 'commission:refer') && !can(ctx.actor, 'commission:decide')) throw forbidden();
  if (file.bytes.length > maxDocumentBytes)
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      'The file is larger than 10 MB.',
      undefined,
      because('file.tooLarge', { megabytes: maxDocumentBytes / 1024 / 1024 }),
    );
  const contentType = checkDocumentContent(file.contentType, file.bytes);
  const fileId = randomUUID();
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const row = await repo.findCaseForUpdate(trx, orgId, caseId);
    if (!row) throw notFound('commissionCase');
    const now = deps.clock();
    await repo.insertDocument(trx, caseId, {
      id: fileId,
      organization_id: orgId,
      file_name: safeFileName(file.fileName),
      content_type: contentType,
      size_bytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
      uploaded_by: ctx.actor.userId,
      uploaded_at: now,
    });
    await repo.updateCase(trx, orgId, caseId, { updated_at: now });
    await audit({
      action: 'commission.add-document',
      entityType: 'stored_file',
      entityId: fileId,
      patientId: row.patientId,
    });
    announce(publish, caseId);
  });
  const c = await getCase(deps, ctx, caseId);
  return c.documents.find((d) => d.id === fileId)!;
}

export async function readDocument(deps: AppDeps, ctx: RequestContext, caseId: string, fileId: string) {
  if (!can(ctx.actor, 'commission:read')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const doc = await repo.findDocument(trx, orgId, caseId, fileId);
    if (!doc) throw notFound('document');
    await audit({
      action: 'commission.read-document',
      entityType: 'stored_file',
      entityId: fileId,
      patientId: doc.patientId,
    });
    return doc;
  });
}

/**
 * Records the commission's decision. Only a commission member may; a grant gives the patient
 * palliative status with a review date and makes them active. A deferred case may be decided
 * again when what was missing arrives; granted and refused are final for the case.
 */
export async function decide(
  deps: AppDeps,
  ctx: RequestContext,
  caseId: string,
  body: CommissionDecisionBody,
) {
  if (!can(ctx.actor, 'commission:decide'))
    throw forbidden(
      'Only a member of the medical commission can record its decision.',
      because('commission.membersOnly'),
    );
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const row = await repo.findCaseForUpdate(trx, orgId, caseId);
    if (!row) throw notFound('commissionCase');
    if (row.status !== 'pending' && row.status !== 'deferred')
      throw conflict(
        `This case has already been ${row.status}.`,
        undefined,
        because('commission.alreadyDecided', { status: row.status }),
      );
    if (body.decision === 'granted' && body.reviewDate <= body.decidedOn)
      throw conflict(
        'The review date must come after the decision date.',
        undefined,
        because('commission.reviewBeforeDecision'),
      );
    const now = deps.clock();
    await repo.insertDecision(trx, {
      id: randomUUID(),
      organization_id: orgId,
      case_id: caseId,
      decision: body.decision,
      decided_on: body.decidedOn,
      members: body.members,
      review_date: body.decision === 'granted' ? body.reviewDate : null,
      missing: body.decision === 'deferred' ? body.missing : null,
      reason: body.decision === 'refused' ? body.reason : null,
      notes: body.notes ?? null,
      recorded_by: ctx.actor.userId,
      recorded_at: now,
    });
    await repo.updateCase(trx, orgId, caseId, { status: body.decision, updated_at: now });
    if (body.decision === 'granted')
      await grantStatus(trx, deps, ctx, orgId, row.patientId, row.icd10, row.diagnosis, body.reviewDate, now);
    if (body.decision === 'refused') await closeRefused(trx, deps, ctx, orgId, row.patientId, body.reason);
    await audit({
      action: `commission.${body.decision}`,
      entityType: 'commission_case',
      entityId: caseId,
      patientId: row.patientId,
    });
    announce(publish, caseId);
  });
  return getCase(deps, ctx, caseId);
}

async function grantStatus(
  trx: Conn,
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  patientId: string,
  icd10: string,
  diagnosis: string,
  reviewDate: string,
  now: Date,
) {
  const patient = await patients.findPatient(trx, orgId, patientId);
  if (!patient) throw notFound('patient');
  if (patient.status === 'deceased')
    throw conflict(
      'The patient has died; palliative status cannot be granted.',
      undefined,
      because('commission.patientDeceased'),
    );
  await patients.updatePatient(trx, orgId, patientId, {
    palliative_status: 'granted',
    palliative_review_date: reviewDate,
    updated_at: now,
  });
  await patients.insertStatusHistory(trx, {
    organization_id: orgId,
    patient_id: patientId,
    by_user_id: ctx.actor.userId,
    at: now,
    id: randomUUID(),
    kind: 'palliative',
    from_value: patient.palliativeStatus,
    to_value: 'granted',
    reason: `Commission decision, review on ${reviewDate}`,
  });
  // admission or readmission; a renewal at review leaves an inpatient where they are
  if (patient.status === 'referred' || patient.status === 'discharged')
    await applyEpisodeChange(trx, deps, ctx, orgId, patient, {
      to: stateForStatus({ status: patient.status, careSetting: patient.careSetting as 'home' }, 'active'),
      reason: 'Palliative status granted',
    });
  const known = await patients.diagnosesOf(trx, orgId, patientId);
  if (!known.some((d) => d.icd10 === icd10)) {
    await patients.insertDiagnoses(trx, [
      {
        id: randomUUID(),
        organization_id: orgId,
        patient_id: patientId,
        icd10,
        description: diagnosis,
        category: categoryOfIcd10(icd10),
        is_primary: known.length === 0,
        created_at: now,
      },
    ]);
  }
}

async function closeRefused(
  trx: Conn,
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  patientId: string,
  reason: string,
) {
  const patient = await patients.findPatient(trx, orgId, patientId);
  if (patient?.status !== 'referred') return;
  await applyEpisodeChange(trx, deps, ctx, orgId, patient, {
    to: { status: 'discharged', careSetting: patient.careSetting as 'home' },
    reason: `Commission refused: ${reason}`,
  });
}

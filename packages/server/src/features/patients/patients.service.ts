import { randomUUID } from 'node:crypto';
import {
  adultAgeYears,
  type allergyInputSchema,
  can,
  categoryOfIcd10,
  conflict,
  type contactInputSchema,
  type diagnosisInputSchema,
  forbidden,
  type PatientCreateBody,
  type PatientListQuery,
  type PatientStatus,
  patientStatusTransitions,
  type patientUpdateBodySchema,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows } from '../../http/pagination.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadSettings } from '../settings/settings.service.ts';
import { loadPatientFor } from './patient-access.ts';
import { localDate, toPatient, toSummary } from './patient-view.ts';
import * as repo from './patients.repository.ts';

const minusYears = (isoDate: string, years: number) =>
  `${Number(isoDate.slice(0, 4)) - years}${isoDate.slice(4)}`;

export async function listPatients(deps: AppDeps, ctx: RequestContext, query: PatientListQuery) {
  if (!can(ctx.actor, 'patient:list')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(deps.db, orgId);
  const today = localDate(deps.clock(), settings.timeZone);
  const after = decodeCursor(query.cursor);
  return deps.db.transaction().execute(async (trx) => {
    const rows = await repo.listPatients(trx, {
      organizationId: orgId,
      q: query.q,
      status: query.status,
      ageGroup: query.ageGroup,
      childBornAfter: minusYears(today, adultAgeYears),
      teamMemberId: query.teamMemberId,
      area: query.area,
      after,
      limit: query.limit + 1,
    });
    await recordAudit(trx, deps, ctx, orgId, { action: 'patient.list', entityType: 'patient' });
    const { page, nextCursor } = pageOfRows(rows, query.limit, (last) =>
      encodeCursor(last.last_name, last.first_name, last.id),
    );
    return { items: page.map((r) => toSummary(r, r.primary_diagnosis, today)), nextCursor };
  });
}

const encodeCursor = (lastName: string, firstName: string, id: string) =>
  Buffer.from(JSON.stringify([lastName, firstName, id])).toString('base64url');
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  try {
    const [lastName, firstName, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as string[];
    if (typeof lastName === 'string' && typeof firstName === 'string' && typeof id === 'string')
      return { lastName, firstName, id };
  } catch {
    // an unreadable cursor starts from the beginning rather than failing the list
  }
  return undefined;
}

export async function listAreas(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'patient:list')) throw forbidden();
  return repo.listAreas(deps.db, ctx.actor.organizationId);
}

/** Reads the full record inside `db` (so the audit event shares the caller's transaction). */
export async function readPatient(deps: AppDeps, db: Conn, orgId: string, patientId: string) {
  const settings = await loadSettings(db, orgId);
  const row = await repo.findPatient(db, orgId, patientId);
  if (!row) throw new Error(`patient ${patientId} vanished inside its transaction`);
  const [diagnoses, allergies, contacts, team, history] = await Promise.all([
    repo.diagnosesOf(db, orgId, patientId),
    repo.allergiesOf(db, orgId, patientId),
    repo.contactsOf(db, orgId, patientId),
    repo.teamOf(db, orgId, patientId),
    repo.statusHistoryOf(db, orgId, patientId),
  ]);
  return toPatient(
    row,
    { diagnoses, allergies, contacts, team, history },
    settings,
    localDate(deps.clock(), settings.timeZone),
  );
}

export async function getPatient(deps: AppDeps, ctx: RequestContext, patientId: string) {
  await loadPatientFor(deps, ctx, 'patient:read', patientId);
  return deps.db.transaction().execute(async (trx) => {
    await recordAudit(trx, deps, ctx, ctx.actor.organizationId, {
      action: 'patient.read',
      entityType: 'patient',
      entityId: patientId,
      patientId,
    });
    return readPatient(deps, trx, ctx.actor.organizationId, patientId);
  });
}

/** Inserts a new patient (status `referred`) with diagnoses, allergies and contacts. */
export async function insertNewPatient(
  trx: Conn,
  deps: AppDeps,
  ctx: RequestContext,
  body: PatientCreateBody,
): Promise<string> {
  const id = randomUUID();
  const now = deps.clock();
  const orgId = ctx.actor.organizationId;
  await repo.insertPatient(trx, {
    id,
    organization_id: orgId,
    first_name: body.firstName,
    last_name: body.lastName,
    middle_name: body.middleName ?? null,
    date_of_birth: body.dateOfBirth,
    sex: body.sex,
    address: body.address,
    area: body.area,
    lat: body.coordinates?.lat ?? null,
    lon: body.coordinates?.lon ?? null,
    phone: body.phone ?? null,
    status: 'referred',
    palliative_status: 'none',
    palliative_review_date: null,
    care_setting: body.careSetting,
    consent_to_share: body.consentToShare,
    designated_family_user_id: null,
    created_at: now,
    updated_at: now,
  });
  await addParts(trx, orgId, id, now, body);
  await repo.insertStatusHistory(trx, {
    id: randomUUID(),
    organization_id: orgId,
    patient_id: id,
    kind: 'status',
    from_value: null,
    to_value: 'referred',
    reason: 'Record created',
    by_user_id: ctx.actor.userId,
    at: now,
  });
  await recordAudit(trx, deps, ctx, orgId, {
    action: 'patient.create',
    entityType: 'patient',
    entityId: id,
    patientId: id,
  });
  return id;
}

async function addParts(
  trx: Conn,
  orgId: string,
  patientId: string,
  now: Date,
  parts: {
    diagnoses?: z.infer<typeof diagnosisInputSchema>[];
    allergies?: z.infer<typeof allergyInputSchema>[];
    contacts?: z.infer<typeof contactInputSchema>[];
  },
) {
  const base = { organization_id: orgId, patient_id: patientId, created_at: now };
  await repo.insertDiagnoses(
    trx,
    (parts.diagnoses ?? []).map((d) => ({
      ...base,
      id: randomUUID(),
      icd10: d.icd10,
      description: d.description,
      category: categoryOfIcd10(d.icd10),
      is_primary: d.primary,
    })),
  );
  await repo.insertAllergies(
    trx,
    (parts.allergies ?? []).map((a) => ({
      ...base,
      id: randomUUID(),
      substance: a.substance,
      reaction: a.reaction ?? null,
      severity: a.severity,
    })),
  );
  await repo.insertContacts(
    trx,
    (parts.contacts ?? []).map((c) => ({
      ...base,
      id: randomUUID(),
      name: c.name,
      relationship: c.relationship,
      phone: c.phone ?? null,
      lives_with_patient: c.livesWithPatient,
      notes: c.notes ?? null,
    })),
  );
}

export async function createPatient(deps: AppDeps, ctx: RequestContext, body: PatientCreateBody) {
  if (!can(ctx.actor, 'patient:create')) throw forbidden();
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertNewPatient(trx, deps, ctx, body);
    return readPatient(deps, trx, ctx.actor.organizationId, id);
  });
}

export async function updatePatient(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  patch: z.infer<typeof patientUpdateBodySchema>,
) {
  await loadPatientFor(deps, ctx, 'patient:update', patientId);
  return deps.db.transaction().execute(async (trx) => {
    const orgId = ctx.actor.organizationId;
    await repo.updatePatient(trx, orgId, patientId, {
      ...(patch.firstName !== undefined && { first_name: patch.firstName }),
      ...(patch.lastName !== undefined && { last_name: patch.lastName }),
      ...(patch.middleName !== undefined && { middle_name: patch.middleName }),
      ...(patch.dateOfBirth !== undefined && { date_of_birth: patch.dateOfBirth }),
      ...(patch.sex !== undefined && { sex: patch.sex }),
      ...(patch.address !== undefined && { address: patch.address }),
      ...(patch.area !== undefined && { area: patch.area }),
      ...(patch.coordinates !== undefined && { lat: patch.coordinates.lat, lon: patch.coordinates.lon }),
      ...(patch.phone !== undefined && { phone: patch.phone }),
      ...(patch.consentToShare !== undefined && { consent_to_share: patch.consentToShare }),
      updated_at: deps.clock(),
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'patient.update',
      entityType: 'patient',
      entityId: patientId,
      patientId,
    });
    return readPatient(deps, trx, orgId, patientId);
  });
}

/**
 * Moves the patient along the lifecycle. Regular care (`active`) needs a palliative status
 * granted by the commission (DOMAIN.md, step 2); `deceased` is final.
 */
export async function changeStatus(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  to: PatientStatus,
  reason: string,
) {
  const patient = await loadPatientFor(deps, ctx, 'patient:change-status', patientId);
  const from = patient.status as PatientStatus;
  if (!patientStatusTransitions[from].includes(to)) {
    throw conflict(`A patient cannot move from ${from} to ${to}.`, {
      from,
      to,
      allowed: patientStatusTransitions[from],
    });
  }
  if (to === 'active' && patient.palliative_status !== 'granted') {
    throw conflict('Regular care needs a palliative status granted by the medical commission.');
  }
  return deps.db.transaction().execute(async (trx) => {
    const orgId = ctx.actor.organizationId;
    const now = deps.clock();
    await repo.updatePatient(trx, orgId, patientId, { status: to, updated_at: now });
    await repo.insertStatusHistory(trx, {
      id: randomUUID(),
      organization_id: orgId,
      patient_id: patientId,
      kind: 'status',
      from_value: from,
      to_value: to,
      reason,
      by_user_id: ctx.actor.userId,
      at: now,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'patient.change-status',
      entityType: 'patient',
      entityId: patientId,
      patientId,
    });
    return readPatient(deps, trx, orgId, patientId);
  });
}

export async function addPatientPart(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  part: {
    diagnoses?: z.infer<typeof diagnosisInputSchema>[];
    allergies?: z.infer<typeof allergyInputSchema>[];
    contacts?: z.infer<typeof contactInputSchema>[];
  },
) {
  await loadPatientFor(deps, ctx, 'patient:update', patientId);
  return deps.db.transaction().execute(async (trx) => {
    const orgId = ctx.actor.organizationId;
    await addParts(trx, orgId, patientId, deps.clock(), part);
    await repo.updatePatient(trx, orgId, patientId, { updated_at: deps.clock() });
    const what = part.diagnoses ? 'diagnosis' : part.allergies ? 'allergy' : 'contact';
    await recordAudit(trx, deps, ctx, orgId, {
      action: `patient.add-${what}`,
      entityType: 'patient',
      entityId: patientId,
      patientId,
    });
    return readPatient(deps, trx, orgId, patientId);
  });
}

import { randomUUID } from 'node:crypto';
import {
  adultAgeYears,
  type allergyInputSchema,
  assertPlausibleDateOfBirth,
  because,
  can,
  categoryOfIcd10,
  conflict,
  type contactInputSchema,
  type diagnosisInputSchema,
  forbidden,
  type IdentityCorrectionBody,
  type IdentityField,
  icd10SearchPrefix,
  identityFields,
  invalidField,
  nameMatches,
  type PatientCreateBody,
  type PatientListQuery,
  type PatientStatus,
  patientStatusTransitions,
  type patientUpdateBodySchema,
  stateForStatus,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows } from '../../http/pagination.ts';
import { type Envelope, inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate } from '../../platform/time.ts';
import { applyEpisodeChange, publishEpisode } from '../episode/episode.service.ts';
import { toPatient, toSummary } from './patient-view.ts';
import * as repo from './patients.repository.ts';

const minusYears = (isoDate: string, years: number) =>
  `${Number(isoDate.slice(0, 4)) - years}${isoDate.slice(4)}`;

export async function listPatients(deps: AppDeps, ctx: RequestContext, query: PatientListQuery) {
  if (!can(ctx.actor, 'patient:list')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(deps.db, orgId);
  const today = localDate(deps.clock(), settings.timeZone);
  const after = decodeCursor(query.cursor);
  return inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    // names are matched here, in the domain's transliteration, so "Kovalev Artem" finds
    // "Ковалёв Артём"; a service's patients number in the hundreds to low thousands
    const nameMatchIds = query.q
      ? (await repo.patientNames(trx, orgId))
          .filter((n) => nameMatches(query.q!, [n.lastName, n.firstName, n.middleName]))
          .map((n) => n.id)
      : undefined;
    const rows = await repo.listPatients(trx, {
      organizationId: orgId,
      q: query.q,
      nameMatchIds,
      icd10Prefix: query.q ? icd10SearchPrefix(query.q) : undefined,
      status: query.status,
      ageGroup: query.ageGroup,
      childBornAfter: minusYears(today, adultAgeYears),
      teamMemberId: query.teamMemberId,
      area: query.area,
      after,
      limit: query.limit + 1,
    });
    await audit({ action: 'patient.list', entityType: 'patient' });
    const { page, nextCursor } = pageOfRows(rows, query.limit, (last) =>
      encodeCursor(last.lastName, last.firstName, last.id),
    );
    return { items: page.map((r) => toSummary(r, r.primaryDiagnosis, today)), nextCursor };
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

/**
 * The full patient view, read inside `db` (so the audit event shares the caller's transaction);
 * `known` is the patient's row when the caller has just read it (the gate).
 */
export async function readPatient(
  deps: AppDeps,
  db: Conn,
  orgId: string,
  patientId: string,
  known?: repo.PatientRecord,
) {
  const settings = await loadSettings(db, orgId);
  const patient = known ?? (await repo.findPatient(db, orgId, patientId));
  if (!patient) throw new Error(`patient ${patientId} vanished inside its transaction`);
  const parts = await repo.partsOf(db, orgId, patientId);
  return toPatient(patient, parts, settings, localDate(deps.clock(), settings.timeZone));
}

/** The patient's chart header: the gate's row is the one shown, so the patient is read once. */
export function getPatient(deps: AppDeps, ctx: RequestContext, patientId: string) {
  return inEnvelope(
    deps,
    ctx,
    {
      patient: { id: patientId, action: 'patient:read' },
      audit: { action: 'patient.read', entityType: 'patient', entityId: patientId },
    },
    ({ trx, organizationId, patient }) =>
      readPatient(deps, trx, organizationId, patientId, patient ?? undefined),
  );
}

/**
 * Inserts a new patient (status `referred`) with diagnoses, allergies and contacts. Every way a
 * patient is created (the form, a referral to the commission from intake) comes through here, so
 * the date of birth is checked here; `at` names the field in the caller's body.
 */
export async function insertNewPatient(
  { trx, audit }: Pick<Envelope, 'trx' | 'audit'>,
  deps: AppDeps,
  ctx: RequestContext,
  body: PatientCreateBody,
  at = 'body',
): Promise<string> {
  const id = randomUUID();
  const now = deps.clock();
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(trx, orgId);
  assertPlausibleDateOfBirth(body.dateOfBirth, localDate(now, settings.timeZone), `${at}.dateOfBirth`);
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
    access_notes: body.accessNotes ?? null,
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
  await audit({ action: 'patient.create', entityType: 'patient', entityId: id, patientId: id });
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
  return inEnvelope(deps, ctx, {}, async (env) => {
    const id = await insertNewPatient(env, deps, ctx, body);
    return readPatient(deps, env.trx, env.organizationId, id);
  });
}

export async function updatePatient(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  patch: z.infer<typeof patientUpdateBodySchema>,
) {
  const gate = { patient: { id: patientId, action: 'patient:update' } } as const;
  return inEnvelope(deps, ctx, gate, async ({ trx, audit, organizationId: orgId }) => {
    await repo.updatePatient(trx, orgId, patientId, {
      ...(patch.address !== undefined && { address: patch.address }),
      ...(patch.area !== undefined && { area: patch.area }),
      ...(patch.coordinates !== undefined && { lat: patch.coordinates.lat, lon: patch.coordinates.lon }),
      ...(patch.phone !== undefined && { phone: patch.phone }),
      ...(patch.accessNotes !== undefined && { access_notes: patch.accessNotes || null }),
      ...(patch.consentToShare !== undefined && { consent_to_share: patch.consentToShare }),
      updated_at: deps.clock(),
    });
    await audit({ action: 'patient.update', entityType: 'patient', entityId: patientId });
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
  const gate = { patient: { id: patientId, action: 'patient:change-status' } } as const;
  const orgId = ctx.actor.organizationId;
  const { record, outcome } = await inEnvelope(deps, ctx, gate, async ({ trx, audit, patient: gated }) => {
    const patient = gated!;
    const from = patient.status as PatientStatus;
    if (!patientStatusTransitions[from].includes(to)) {
      throw conflict(
        `A patient cannot move from ${from} to ${to}.`,
        { from, to, allowed: patientStatusTransitions[from] },
        because('patient.cannotMove', { from, to }),
      );
    }
    if (to === 'active' && patient.palliativeStatus !== 'granted') {
      throw conflict(
        'Regular care needs a palliative status granted by the medical commission.',
        undefined,
        because('patient.needsPalliativeStatus'),
      );
    }
    const outcome = await applyEpisodeChange(trx, deps, ctx, orgId, patient, {
      to: stateForStatus({ status: from, careSetting: patient.careSetting as 'home' }, to),
      reason,
    });
    await audit({ action: 'patient.change-status', entityType: 'patient', entityId: patientId });
    return { record: await readPatient(deps, trx, orgId, patientId), outcome };
  });
  // the episode's events go out once the status change is committed
  await publishEpisode(deps, orgId, patientId, outcome);
  return record;
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
  const gate = { patient: { id: patientId, action: 'patient:update' } } as const;
  return inEnvelope(deps, ctx, gate, async ({ trx, audit, organizationId: orgId }) => {
    if (part.diagnoses && !can(ctx.actor, 'diagnosis:write'))
      throw forbidden('Only a physician adds a diagnosis.', because('patient.diagnosisPhysicianOnly'));
    await addParts(trx, orgId, patientId, deps.clock(), part);
    await repo.updatePatient(trx, orgId, patientId, { updated_at: deps.clock() });
    const what = part.diagnoses ? 'diagnosis' : part.allergies ? 'allergy' : 'contact';
    await audit({ action: `patient.add-${what}`, entityType: 'patient', entityId: patientId });
    return readPatient(deps, trx, orgId, patientId);
  });
}

const columnOf = {
  firstName: 'first_name',
  lastName: 'last_name',
  middleName: 'middle_name',
  dateOfBirth: 'date_of_birth',
  sex: 'sex',
} as const satisfies Record<IdentityField, string>;

/**
 * Corrects the patient's name, date of birth or sex. Only fields that really change are written;
 * each keeps its earlier value and the reason in the patient's history, and the correction is
 * audited in the same transaction (issue 13).
 */
export async function correctIdentity(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: IdentityCorrectionBody,
) {
  const orgId = ctx.actor.organizationId;
  const now = deps.clock();
  const settings = await loadSettings(deps.db, orgId);
  if (body.dateOfBirth !== undefined)
    assertPlausibleDateOfBirth(body.dateOfBirth, localDate(now, settings.timeZone), 'body.dateOfBirth');
  return inEnvelope(
    deps,
    ctx,
    {
      patient: { id: patientId, action: 'patient:correct-identity' },
      audit: { action: 'patient.correct-identity', entityType: 'patient', entityId: patientId },
    },
    async ({ trx, patient }) => {
      const record = patient!;
      const changes = identityFields.flatMap((field) => {
        const to = body[field];
        const from = record[field];
        return to === undefined || to === from ? [] : [{ field, from, to }];
      });
      if (changes.length === 0)
        throw invalidField(
          because('patient.nothingToCorrect'),
          'Nothing to correct: the record already says this.',
          'body',
          'no field differs from the record',
        );
      await repo.updatePatient(trx, orgId, patientId, {
        ...Object.fromEntries(changes.map((c) => [columnOf[c.field], c.to])),
        updated_at: now,
      });
      await repo.insertIdentityCorrections(
        trx,
        orgId,
        changes.map((c) => ({
          id: randomUUID(),
          patientId,
          field: c.field,
          fromValue: c.from,
          toValue: c.to,
          reason: body.reason,
          byUserId: ctx.actor.userId,
          at: now,
        })),
      );
      return readPatient(deps, trx, orgId, patientId);
    },
  );
}

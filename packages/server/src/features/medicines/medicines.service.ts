import { randomUUID } from 'node:crypto';
import {
  type AdministrationBody,
  type anticipatoryBoxBodySchema,
  anticipatoryPurposes,
  because,
  can,
  checkDoseRecord,
  conflict,
  conflictReason,
  type conversionBodySchema,
  convertOpioids,
  DomainError,
  type DosePath,
  defaultGuardOptions,
  effectiveWindowMinutes,
  explainRefusal,
  findMedicine,
  forbidden,
  formulary,
  ingredientOf,
  invalidField,
  isOpioidClass,
  isOpioidPrescription,
  type Locale,
  localDate,
  nextAllowedAt,
  notFound,
  opioidSources,
  type Prescription,
  type PrescriptionChange,
  type PrescriptionInput,
  type RegimenOme,
  type RegimenReview,
  regimenItemOf,
  rescueDosesReviewThreshold,
  rescueReviewDue,
  reviewRegimen,
  slotsAround,
  timesOnLocalDay,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { type Envelope, inEnvelope } from '../../platform/envelope.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import type { RaisedAlert } from '../alerts/alerts.service.ts';
import { findUserById } from '../auth/auth.repository.ts';
import { drawDownForDose } from './controlled-drugs.service.ts';
import { queueDoseReminder } from './dose-reminders.ts';
import { changeIntervalOf, checkDraft, isControlled, requireSafe, safetyDto } from './medication-safety.ts';
import { announceMedicineAlerts, raiseMedicineAlert } from './medicines.alerts.ts';
import * as repo from './medicines.repository.ts';
import { doseText, guardOf, toAdministration, toPrescription } from './medicines.view.ts';

const hour = 3_600_000;
const staffAudience = ['physician', 'nurse', 'coordinator', 'admin'] as const;
export const anticipatoryExpiryJob = 'medicines.anticipatory-expiry';

/** Queues the live events of a change to the patient's medicines (sent after the commit). */
const announce = (publish: Envelope['publish'], patientId: string) =>
  publish({
    type: 'medicines.updated',
    entityId: patientId,
    roles: [...staffAudience, 'family'],
    patientId,
  });

// ---------------------------------------------------------------- formulary and calculator

export function listFormulary(ctx: RequestContext) {
  if (!can(ctx.actor, 'medicine:formulary')) throw forbidden();
  return formulary.map((m) => ({
    id: m.id,
    name: m.name,
    class: m.class,
    whoStep: m.whoStep,
    forms: m.forms.map((f) => ({ ...f, routes: [...f.routes], strengths: [...f.strengths] })),
  }));
}

export async function convert(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.infer<typeof conversionBodySchema>,
) {
  if (!can(ctx.actor, 'medicine:convert'))
    throw forbidden(
      'Only a physician uses the opioid calculator.',
      because('medicines.calculatorPhysicianOnly'),
    );
  // the guideline shown first is the organization's choice (issue 12)
  const settings = await loadSettings(deps.db, ctx.actor.organizationId);
  const r = convertOpioids(body.from, body.to, settings.opioidReferenceSource);
  return {
    ...r,
    ome: r.ome ? omeDto(r.ome) : null,
    sources: Object.fromEntries(
      Object.entries(opioidSources).map(([k, v]) => [k, { label: v.label, url: v.url }]),
    ),
  };
}

function omeDto(o: RegimenReview['baselineOme']) {
  return {
    total: o.total,
    incomplete: o.incomplete,
    lines: o.lines.map((l) => ({
      medicineId: l.medicineId,
      route: l.route,
      dose24h: l.dose24h,
      unit: l.unit,
      ome: l.ome,
      warning: l.warning,
      sources: (l.factor?.values ?? []).map((v) => ({
        low: v.low,
        high: v.high,
        source: v.source,
        ...(v.note ? { note: v.note } : {}),
      })),
    })),
  };
}

const reviewDto = (r: RegimenReview) => ({
  warnings: r.warnings.map((w) => ({ ...w })),
  baselineOme: omeDto(r.baselineOme),
  maximumOme: omeDto(r.maximumOme),
});

// ---------------------------------------------------------------- prescriptions

async function currentPrescriptions(db: Conn, orgId: string, patientId: string, now: Date) {
  return (await repo.listCurrent(db, orgId, patientId)).map((r) => toPrescription(r, now));
}

/**
 * The current version of each of a patient's prescriptions, inside the caller's transaction, for
 * features that show them beside their own records (camp applications).
 */
export const currentPrescriptionRecords = (db: Conn, organizationId: string, patientId: string) =>
  repo.listCurrent(db, organizationId, patientId);

export async function listPrescriptions(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'medicine:read' },
    audit: { action: 'medicine.list', entityType: 'prescription' },
  } as const;
  return inEnvelope(deps, ctx, read, ({ trx, organizationId }) =>
    currentPrescriptions(trx, organizationId, patientId, deps.clock()),
  );
}

export async function prescriptionHistory(deps: AppDeps, ctx: RequestContext, patientId: string, id: string) {
  const read = {
    patient: { id: patientId, action: 'medicine:read' },
    audit: { action: 'medicine.history', entityType: 'prescription', entityId: id },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId }) => {
    const rows = await repo.versionsOf(trx, organizationId, id);
    if (!rows.length || rows[0]!.patientId !== patientId) throw notFound('prescription');
    return rows.map((r) => toPrescription(r, deps.clock()));
  });
}

/** The checks for the current regimen, optionally with a draft prescription added. */
export async function reviewForPatient(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  draft: PrescriptionInput | null,
  replacingId: string | null = null,
) {
  const read = {
    patient: { id: patientId, action: 'medicine:prescribe' },
    audit: { action: 'medicine.review', entityType: 'prescription' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId, patient }) => {
    const settings = await loadSettings(trx, orgId);
    const now = deps.clock();
    const review = await reviewWith(trx, orgId, patientId, now, draft, replacingId);
    const safety = draft
      ? safetyDto(await checkDraft(trx, orgId, patient!, draft, 'draft', replacingId, now, settings.timeZone))
      : null;
    return { safety, ...reviewDto(review) };
  });
}

/** A free-text opioid has no conversion factor: the total is marked incomplete, never silently short. */
const withUnmappedOpioids = (
  ome: RegimenOme,
  unmapped: readonly Pick<Prescription, 'name' | 'route' | 'doseUnit'>[],
) =>
  unmapped.length === 0
    ? ome
    : {
        ...ome,
        incomplete: true,
        lines: [
          ...ome.lines,
          ...unmapped.map((u) => ({
            medicineId: u.name,
            route: u.route,
            dose24h: 0,
            unit: u.doseUnit,
            ome: null,
            factor: null,
            warning: 'not-formulary' as const,
          })),
        ],
      };

async function reviewWith(
  db: Conn,
  orgId: string,
  patientId: string,
  now: Date,
  draft: PrescriptionInput | null,
  replacingId: string | null,
  draftId = 'draft',
) {
  const current = (await currentPrescriptions(db, orgId, patientId, now)).filter(
    (p) => p.status !== 'ended' && p.id !== replacingId && !p.anticipatoryPurpose,
  );
  const items = current.map(regimenItemOf);
  const unmapped: Pick<Prescription, 'name' | 'route' | 'doseUnit'>[] = current.filter(
    (p) => !p.medicineId && p.declaredClass && isOpioidClass(p.declaredClass),
  );
  if (draft && (!draft.endsAt || new Date(draft.endsAt) > now)) {
    items.push(
      regimenItemOf({
        ...draft,
        id: draftId,
        timesOfDay: draft.timesOfDay,
        maxDosesPer24h: draft.maxDosesPer24h,
      }),
    );
    if (!draft.medicineId && draft.declaredClass && isOpioidClass(draft.declaredClass)) unmapped.push(draft);
  }
  // allergies are the safety check's (by substance and class, every kind of prescription)
  const review = reviewRegimen(items, []);
  return {
    ...review,
    baselineOme: withUnmappedOpioids(review.baselineOme, unmapped),
    maximumOme: withUnmappedOpioids(review.maximumOme, unmapped),
  };
}

function checkFormulary(input: PrescriptionInput) {
  if (!input.medicineId) return;
  const med = findMedicine(input.medicineId);
  if (!med)
    throw invalidField(
      because('medicines.unknownMedicine'),
      'Unknown formulary medicine.',
      'body.medicineId',
      'not in the formulary',
    );
  if (input.form) {
    const form = med.forms.find((f) => f.form === input.form);
    if (!form?.routes.includes(input.route))
      throw new DomainError(
        'VALIDATION',
        `${med.name.en} is not given as ${input.form} by the ${input.route} route here.`,
        { fields: [{ field: 'body.route', message: 'not a route of this form' }] },
        because('medicines.routeNotForForm'),
      );
  }
}

function versionOf(
  version: number,
  input: PrescriptionInput,
  by: string,
  now: Date,
  reason: string | null,
  overridden: boolean,
): repo.PrescriptionVersionInput {
  return {
    version,
    medicineId: input.medicineId,
    name: input.name,
    form: input.form,
    strength: input.strength,
    route: input.route,
    doseAmount: input.doseAmount,
    doseUnit: input.doseUnit,
    kind: input.kind,
    timesOfDay: input.kind === 'scheduled' && input.form !== 'patch' ? [...input.timesOfDay].sort() : [],
    minIntervalMinutes: input.kind === 'prn' ? input.minIntervalMinutes : null,
    maxDosesPer24h: input.kind === 'prn' ? input.maxDosesPer24h : null,
    indication: input.indication,
    instructions: input.instructions,
    startsAt: new Date(input.startsAt),
    endsAt: input.endsAt ? new Date(input.endsAt) : null,
    anticipatoryPurpose: input.anticipatoryPurpose,
    controlled: isControlled(input.medicineId, input.declaredClass),
    declaredClass: input.medicineId ? null : input.declaredClass,
    overrideReason: overridden ? input.overrideReason : null,
    changeIntervalHours: changeIntervalOf(input),
    reason,
    createdBy: by,
    createdAt: now,
  };
}

/** A new current version starts its own due-dose reminders (the previous version's stop). */
const remindersFor = async (trx: Conn, orgId: string, patientId: string, id: string, now: Date) =>
  queueDoseReminder(
    trx,
    orgId,
    toPrescription((await repo.findCurrent(trx, orgId, patientId, id))!, now),
    now,
  );

export async function prescribe(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  input: PrescriptionInput,
) {
  const gate = { patient: { id: patientId, action: 'medicine:prescribe' } } as const;
  const id = randomUUID();
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, patient, audit, publish }) => {
    checkFormulary(input);
    const settings = await loadSettings(trx, orgId);
    const now = deps.clock();
    // every kind (regular, as needed, anticipatory) goes through the one safety check
    const safety = await checkDraft(trx, orgId, patient!, input, id, null, now, settings.timeZone);
    const overridden = requireSafe(safety, input);
    await repo.insertPrescription(trx, orgId, {
      id,
      patientId,
      currentVersion: 1,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    await repo.insertVersion(
      trx,
      orgId,
      id,
      versionOf(1, input, ctx.actor.userId, now, null, overridden.length > 0),
    );
    await remindersFor(trx, orgId, patientId, id, now);
    await audit({ action: 'medicine.prescribe', entityType: 'prescription', entityId: id });
    if (overridden.length) await audit(overrideAudit(id));
    announce(publish, patientId);
  });
  return getPrescription(deps, ctx, patientId, id);
}

export async function getPrescription(deps: AppDeps, ctx: RequestContext, patientId: string, id: string) {
  const read = {
    patient: { id: patientId, action: 'medicine:read' },
    audit: { action: 'medicine.read', entityType: 'prescription', entityId: id },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId }) => {
    const row = await repo.findCurrent(trx, organizationId, patientId, id);
    if (!row) throw notFound('prescription');
    return toPrescription(row, deps.clock());
  });
}

/**
 * A change is a new version with its reason; the earlier versions stay. A restart is the same
 * for an ended prescription. Both go through the safety check like a new prescription.
 */
export async function changePrescription(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  change: PrescriptionChange,
  mode: 'change' | 'restart' = 'change',
) {
  const gate = { patient: { id: patientId, action: 'medicine:prescribe' } } as const;
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, patient, audit, publish }) => {
    checkFormulary(change);
    const settings = await loadSettings(trx, orgId);
    const locked = await repo.lockPrescription(trx, orgId, patientId, id);
    if (!locked) throw notFound('prescription');
    const now = deps.clock();
    const current = toPrescription((await repo.findCurrent(trx, orgId, patientId, id))!, now);
    if (mode === 'change' && current.status === 'ended')
      throw conflict(
        'This prescription has ended; restart it or write a new one.',
        conflictReason('prescription-ended'),
        because('medicines.prescriptionEnded'),
      );
    if (mode === 'restart' && current.status !== 'ended')
      throw conflict(
        'Only an ended prescription is restarted; change this one instead.',
        conflictReason('restart-only-ended'),
        because('medicines.restartOnlyEnded'),
      );
    const safety = await checkDraft(trx, orgId, patient!, change, id, id, now, settings.timeZone);
    const overridden = requireSafe(safety, change);
    const version = locked.currentVersion + 1;
    await repo.insertVersion(
      trx,
      orgId,
      id,
      versionOf(version, change, ctx.actor.userId, now, change.reason, overridden.length > 0),
    );
    await repo.setCurrentVersion(trx, orgId, id, version);
    await remindersFor(trx, orgId, patientId, id, now);
    await audit({
      action: mode === 'restart' ? 'medicine.restart' : 'medicine.change',
      entityType: 'prescription',
      entityId: id,
    });
    if (overridden.length) await audit(overrideAudit(id));
    announce(publish, patientId);
  });
  return getPrescription(deps, ctx, patientId, id);
}

/** The physician prescribed past a blocking problem with a reason: its own audit event. */
const overrideAudit = (id: string) => ({
  action: 'medicine.safety-override',
  entityType: 'prescription',
  entityId: id,
});

export async function stopPrescription(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  reason: string,
) {
  const gate = { patient: { id: patientId, action: 'medicine:prescribe' } } as const;
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
    const locked = await repo.lockPrescription(trx, orgId, patientId, id);
    if (!locked) throw notFound('prescription');
    const now = deps.clock();
    const row = (await repo.findCurrent(trx, orgId, patientId, id))!;
    if (row.endsAt && row.endsAt <= now)
      throw conflict(
        'This prescription has already ended.',
        conflictReason('prescription-already-ended'),
        because('medicines.prescriptionAlreadyEnded'),
      );
    const version = locked.currentVersion + 1;
    const { id: _id, patientId: _p, prescriptionCreatedAt: _c, prescribedByName: _n, ...fields } = row;
    await repo.insertVersion(trx, orgId, id, {
      ...fields,
      version,
      endsAt: now,
      startsAt: row.startsAt > now ? now : row.startsAt,
      reason,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    await repo.setCurrentVersion(trx, orgId, id, version);
    await audit({ action: 'medicine.stop', entityType: 'prescription', entityId: id });
    announce(publish, patientId);
  });
  return getPrescription(deps, ctx, patientId, id);
}

// ---------------------------------------------------------------- administration and the dose guard

async function localeOf(db: Conn, orgId: string, userId: string, fallback: Locale): Promise<Locale> {
  const u = await findUserById(db, orgId, userId);
  return u?.locale === 'en' || u?.locale === 'ru' ? u.locale : fallback;
}

/**
 * Records a dose. The prescription row is locked first (FOR UPDATE), so the history the guard
 * reads cannot change before this transaction commits: two relatives pressing "I gave this
 * dose" at once queue here, and the second sees the first's dose. A refusal is stored with
 * its plain-words explanation and the physicians are told.
 */
export async function recordAdministration(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: AdministrationBody,
) {
  const gate = { patient: { id: patientId, action: 'medicine:administer' } } as const;
  const id = randomUUID();
  const raised: RaisedAlert[] = [];
  await inEnvelope(
    deps,
    ctx,
    gate,
    async ({ trx, organizationId: orgId, patient, audit: auditIn, publish }) => {
      // after a death the family's dose controls are gone (episode rules); staff may still record late
      if (patient!.status === 'deceased' && ctx.actor.role === 'family')
        throw conflict(
          'The patient has died; doses are no longer recorded here.',
          conflictReason('patient-deceased'),
          because('medicines.patientDeceased'),
        );
      if (body.verbalOrderPhysicianId && ctx.actor.role !== 'nurse')
        throw forbidden(
          'Only a nurse records a dose given on a physician’s verbal order.',
          because('medicines.verbalOrderNurseOnly'),
        );
      const settings = await loadSettings(trx, orgId);
      // a recorded dose, a not-taken one and a refusal all change the chart the team sees
      announce(publish, patientId);
      // the guard counts by ingredient across prescriptions: every dose of this patient queues here
      await repo.lockPatientPrescriptions(trx, orgId, patientId);
      const now = deps.clock();
      const current = await repo.findCurrent(trx, orgId, patientId, body.prescriptionId);
      if (!current) throw notFound('prescription');
      const givenAt = body.givenAt ? new Date(body.givenAt) : now;
      // a late entry is checked against the version in force when the dose was given
      const rx = toPrescription(
        (await repo.versionAt(trx, orgId, patientId, body.prescriptionId, givenAt)) ?? current,
        now,
      );
      const physician = body.verbalOrderPhysicianId
        ? await repo.findActiveStaff(trx, orgId, body.verbalOrderPhysicianId)
        : null;
      if (body.verbalOrderPhysicianId && physician?.role !== 'physician')
        throw invalidField(
          because('medicines.verbalOrderPhysician'),
          'Name the physician who gave the verbal order.',
          'body.verbalOrderPhysicianId',
          'not an active physician',
        );
      const verbalOrderAt = physician ? (body.verbalOrderAt ? new Date(body.verbalOrderAt) : givenAt) : null;
      const base = {
        id,
        patientId,
        prescriptionId: rx.id,
        prescriptionVersion: rx.version,
        givenAt,
        doseAmount: body.doseAmount,
        doseUnit: body.doseUnit,
        note: body.note,
        recordedBy: ctx.actor.userId,
        recordedByRole: ctx.actor.role,
        recordedAt: now,
        slot: null,
        refusalReason: null,
        refusalMessage: null,
        nextAllowedAt: null,
        verbalOrderPhysicianId: physician?.id ?? null,
        verbalOrderAt,
        countersignedBy: null,
        countersignedAt: null,
      };
      const audit = (action: string, outcome: 'success' | 'denied' = 'success') =>
        auditIn({ action, entityType: 'medicine_administration', entityId: id, outcome });

      if (body.outcome === 'not_taken' && !physician) {
        await repo.insertAdministration(trx, orgId, { ...base, status: 'not_taken' });
        await audit('medicine.not-taken');
        return;
      }
      const result = await guardDose(trx, orgId, patientId, rx, settings, {
        path: pathOf(ctx.actor.role, physician !== null, givenAt, now),
        givenAt,
        doseAmount: body.doseAmount,
        doseUnit: body.doseUnit,
        verbalOrderAt,
        now,
      });
      if (!result.ok) {
        const message = explainRefusal(result.reason, {
          nextAllowedAt: result.nextAllowedAt,
          prescribed: doseText(rx),
          now,
          timeZone: settings.timeZone,
          teamPhone: settings.servicePhone,
          locale: await localeOf(trx, orgId, ctx.actor.userId, settings.language),
        });
        await repo.insertAdministration(trx, orgId, {
          ...base,
          status: 'refused',
          refusalReason: result.reason,
          refusalMessage: message,
          nextAllowedAt: result.nextAllowedAt,
        });
        raised.push(
          await raiseMedicineAlert(
            trx,
            deps,
            orgId,
            patientId,
            {
              ruleId: 'dose.refused',
              title: `Dose refused: ${rx.label}`,
              body: `A ${ctx.actor.role} tried to record a dose outside the prescription (${result.reason}). Prescribed: ${rx.label}. They were told: ${message}`,
              facts: {
                medicine: rx.label,
                prescribed: doseText(rx),
                attempted: `${body.doseAmount} ${body.doseUnit}`,
                medicineId: rx.medicineId,
                medicineName: rx.name,
                attemptedAmount: body.doseAmount,
                attemptedUnit: body.doseUnit,
                reason: result.reason,
                givenAt: givenAt.toISOString(),
                nextAllowedAt: result.nextAllowedAt?.toISOString() ?? null,
                recordedByRole: ctx.actor.role,
                verbalOrder: physician !== null,
              },
              source: { type: 'medicine_administration', id },
              raisedBy: ctx.actor,
            },
            [rx.prescribedById],
          ),
        );
        await audit(physician ? 'medicine.verbal-order-refused' : 'medicine.dose-refused', 'denied');
        return;
      }
      await repo.insertAdministration(trx, orgId, { ...base, status: 'given', slot: result.slot });
      // a dose given from controlled stock in the home comes off the register
      const flagged = await drawDownForDose(trx, deps, ctx, orgId, patientId, {
        administrationId: id,
        prescriptionId: rx.id,
        doseAmount: body.doseAmount,
        doseUnit: body.doseUnit,
      });
      if (flagged) raised.push(flagged);
      if (physician) {
        await notifyUsers(
          trx,
          orgId,
          [physician.id],
          {
            kind: 'medicines.countersign',
            params: { medicine: rx.label, dose: `${body.doseAmount} ${body.doseUnit}` },
            title: `Countersign a verbal order: ${rx.label}`,
            body: 'A nurse recorded a dose given on your verbal order. Please countersign it in the medicine chart.',
            entityType: 'medicine_administration',
            entityId: id,
          },
          now,
        );
        publish({ type: 'notification.created', entityId: patientId, roles: ['physician'] });
      }
      await audit(physician ? 'medicine.administer-verbal-order' : 'medicine.administer');
      const review = await rescueReview(trx, deps, ctx, orgId, patientId, rx, settings, now);
      if (review) raised.push(review);
    },
  );
  if (raised.length) await announceMedicineAlerts(deps, raised);
  return getAdministration(deps, ctx, patientId, id);
}

const lateAfterMinutes = 15;
/** Which path a dose comes by (the check is the same; the path decides verbal-order rules). */
const pathOf = (role: string, verbal: boolean, givenAt: Date, now: Date): DosePath =>
  verbal
    ? 'verbal-order'
    : now.getTime() - givenAt.getTime() > lateAfterMinutes * 60_000
      ? 'late-entry'
      : role === 'family'
        ? 'family'
        : 'nurse';

/** Runs the one dose check with every dose of the same ingredient (all prescriptions, all versions). */
async function guardDose(
  trx: Conn,
  orgId: string,
  patientId: string,
  rx: Prescription,
  settings: Awaited<ReturnType<typeof loadSettings>>,
  a: {
    path: DosePath;
    givenAt: Date;
    doseAmount: number;
    doseUnit: Prescription['doseUnit'];
    verbalOrderAt: Date | null;
    now: Date;
  },
) {
  const ingredient = ingredientOf(rx);
  const from = new Date(a.givenAt.getTime() - 48 * hour);
  const to = new Date(Math.max(a.givenAt.getTime(), a.now.getTime()) + 48 * hour);
  const history = (await repo.givenWithVersions(trx, orgId, patientId, from, to))
    .filter((h) => ingredientOf(h) === ingredient)
    .map((h) => ({
      prescriptionId: h.prescriptionId,
      givenAt: h.givenAt,
      slot: h.slot,
      kind: h.kind,
      minIntervalMinutes: h.minIntervalMinutes,
      maxDosesPer24h: h.maxDosesPer24h,
    }));
  return checkDoseRecord({
    path: a.path,
    prescription: {
      ...guardOf(rx, settings.timeZone),
      id: rx.id,
      ingredient,
      opioid: isOpioidPrescription(rx),
      mapped: rx.medicineId !== null,
    },
    history,
    attempt: { givenAt: a.givenAt, doseAmount: a.doseAmount, doseUnit: a.doseUnit },
    verbalOrderAt: a.verbalOrderAt,
    now: a.now,
    options: {
      ...defaultGuardOptions,
      scheduleWindowMinutes: settings.scheduledDoseWindowMinutes,
      lateEntryMinutes: settings.lateEntryWindowHours * 60,
      verbalOrderValidMinutes: settings.verbalOrderValidMinutes,
    },
  });
}

/**
 * §3.5 (Scottish guideline): more than the organization's threshold of rescue (as-needed opioid)
 * doses in 24 h, counted over every prescription and version and on every path, raises the
 * review alert; `>` so a dose that skips past the threshold still raises it (the alert is one
 * per patient and is updated, not duplicated).
 */
async function rescueReview(
  trx: Conn,
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  patientId: string,
  rx: Prescription,
  settings: Awaited<ReturnType<typeof loadSettings>>,
  now: Date,
) {
  if (rx.kind !== 'prn' || !isOpioidPrescription(rx)) return null;
  const since = new Date(now.getTime() - 24 * hour);
  const rescue = (
    await repo.givenWithVersions(trx, orgId, patientId, since, new Date(now.getTime() + 1))
  ).filter((h) => h.kind === 'prn' && isOpioidPrescription(h));
  const count = rescue.length;
  const last = rescue.reduce<(typeof rescue)[number] | undefined>(
    (a, b) => (!a || b.givenAt > a.givenAt ? b : a),
    undefined,
  );
  const threshold = settings.rescueDosesReviewThreshold ?? rescueDosesReviewThreshold;
  if (!rescueReviewDue(count, threshold)) return null;
  return raiseMedicineAlert(trx, deps, orgId, patientId, {
    ruleId: 'rescue.over-threshold',
    title: `Review pain relief: ${count} rescue doses in 24 h`,
    body: `More than ${threshold} rescue (as-needed) opioid doses were given in 24 hours. The baseline may need adjusting.`,
    // structured, so the reader's language can say it (medicineAlertFactLines)
    facts: {
      rescueDoses24h: count,
      threshold,
      medicine: rx.label,
      medicineId: last?.medicineId ?? rx.medicineId,
      medicineName: last?.name ?? rx.name,
      lastDoseAmount: last?.doseAmount ?? null,
      lastDoseUnit: last?.doseUnit ?? null,
      lastGivenAt: last?.givenAt.toISOString() ?? null,
    },
    source: { type: 'prescription', id: rx.id },
    raisedBy: ctx.actor,
  });
}

async function getAdministration(deps: AppDeps, ctx: RequestContext, patientId: string, id: string) {
  const row = await repo.findAdministration(deps.db, ctx.actor.organizationId, patientId, id);
  if (!row) throw notFound('record');
  return toAdministration(row);
}

export async function countersign(deps: AppDeps, ctx: RequestContext, patientId: string, id: string) {
  const gate = { patient: { id: patientId, action: 'medicine:countersign' } } as const;
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
    const row = await repo.lockAdministration(trx, orgId, patientId, id);
    if (!row) throw notFound('record');
    if (!row.verbalOrderPhysicianId)
      throw conflict(
        'This dose was not given on a verbal order.',
        conflictReason('not-verbal-order'),
        because('medicines.notVerbalOrder'),
      );
    if (row.countersignedAt)
      throw conflict(
        'This dose has already been countersigned.',
        conflictReason('already-countersigned'),
        because('medicines.alreadyCountersigned'),
      );
    if (row.verbalOrderPhysicianId !== ctx.actor.userId)
      throw forbidden(
        'Only the physician who gave the verbal order countersigns it.',
        because('medicines.countersignOwnOnly'),
      );
    await repo.updateAdministration(trx, orgId, id, {
      countersignedBy: ctx.actor.userId,
      countersignedAt: deps.clock(),
    });
    await audit({ action: 'medicine.countersign', entityType: 'medicine_administration', entityId: id });
    announce(publish, patientId);
  });
  return getAdministration(deps, ctx, patientId, id);
}

// ---------------------------------------------------------------- MAR and today's schedule

export async function medicineChart(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  query: { from?: string | undefined; to?: string | undefined },
) {
  const read = {
    patient: { id: patientId, action: 'medicine:mar' },
    audit: { action: 'medicine.chart', entityType: 'medicine_administration' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const settings = await loadSettings(trx, orgId);
    const now = deps.clock();
    const to = query.to ? new Date(query.to) : new Date(now.getTime() + 24 * hour);
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 8 * 24 * hour);
    if (to <= from || to.getTime() - from.getTime() > 62 * 24 * hour)
      throw new DomainError(
        'VALIDATION',
        'Choose a period of at most 62 days.',
        undefined,
        because('medicines.periodTooLong', { days: 62 }),
      );
    const prescriptions = (await currentPrescriptions(trx, orgId, patientId, now)).filter(
      (p) => new Date(p.startsAt) < to && (!p.endsAt || new Date(p.endsAt) > from),
    );
    const entries = (await repo.listAdministrations(trx, orgId, patientId, from, to)).map(toAdministration);
    const missed: { prescriptionId: string; slot: string }[] = [];
    const recorded = new Set(
      entries.filter((e) => e.slot && e.status !== 'refused').map((e) => `${e.prescriptionId}|${e.slot}`),
    );
    for (const p of prescriptions.filter((x) => x.kind === 'scheduled')) {
      const window = effectiveWindowMinutes(p.timesOfDay, settings.scheduledDoseWindowMinutes) * 60_000;
      const days = Math.ceil((to.getTime() - from.getTime()) / (24 * hour)) + 1;
      for (const s of slotsAround(guardOf(p, settings.timeZone), from, days)) {
        if (s < from || s >= to || s.getTime() + window > now.getTime()) continue;
        if (!recorded.has(`${p.id}|${s.toISOString()}`))
          missed.push({ prescriptionId: p.id, slot: s.toISOString() });
      }
    }
    return { from: from.toISOString(), to: to.toISOString(), prescriptions, entries, missed };
  });
}

export async function todaySchedule(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'medicine:read' },
    audit: { action: 'medicine.today', entityType: 'prescription' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const settings = await loadSettings(trx, orgId);
    const tz = settings.timeZone;
    const now = deps.clock();
    const window = settings.scheduledDoseWindowMinutes;
    const [dayStart] = timesOnLocalDay(now, 0, ['00:00'], tz);
    const [dayEnd] = timesOnLocalDay(now, 1, ['00:00'], tz);
    const prescriptions = (await currentPrescriptions(trx, orgId, patientId, now)).filter(
      (p) => new Date(p.startsAt) < dayEnd! && (!p.endsAt || new Date(p.endsAt) > now),
    );
    const since = new Date(Math.min(dayStart!.getTime(), now.getTime() - 48 * hour));
    const records = await repo.givenOfPrescriptions(
      trx,
      orgId,
      prescriptions.map((p) => p.id),
      since,
      dayEnd!,
    );
    const items = prescriptions.map((p) => {
      const mine = records.filter((r) => r.prescriptionId === p.id);
      const given = mine
        .filter((r) => r.status === 'given')
        .map((r) => ({ givenAt: r.givenAt, slot: r.slot }));
      const guard = guardOf(p, tz);
      const w = effectiveWindowMinutes(p.timesOfDay, window) * 60_000;
      const slots =
        p.kind === 'scheduled'
          ? (p.changeIntervalHours
              ? slotsAround(guard, dayStart!, 1).filter((s) => s < dayEnd!)
              : timesOnLocalDay(now, 0, p.timesOfDay, tz)
            )
              .filter((s) => s >= guard.startsAt && (!guard.endsAt || s < guard.endsAt))
              .map((s) => {
                const done = mine.some((r) => r.slot?.getTime() === s.getTime());
                const status = done
                  ? ('given' as const)
                  : now.getTime() < s.getTime() - w
                    ? ('upcoming' as const)
                    : now.getTime() <= s.getTime() + w
                      ? ('due' as const)
                      : ('missed' as const);
                return { at: s.toISOString(), status };
              })
          : [];
      const next = nextAllowedAt(guard, given, now, {
        ...defaultGuardOptions,
        scheduleWindowMinutes: window,
      });
      const last = given[given.length - 1];
      return {
        prescription: p,
        slots,
        lastGivenAt: last ? last.givenAt.toISOString() : null,
        givenLast24h: given.filter((g) => g.givenAt.getTime() > now.getTime() - 24 * hour).length,
        nextAllowedAt: next?.toISOString() ?? null,
        canGiveNow: next !== null && next.getTime() <= now.getTime(),
      };
    });
    return { date: localDate(now, tz), timeZone: tz, teamPhone: settings.servicePhone, items };
  });
}

// ---------------------------------------------------------------- anticipatory ("just in case") medicines

export async function getAnticipatory(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'medicine:read' },
    audit: { action: 'medicine.anticipatory.read', entityType: 'anticipatory_box' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const now = deps.clock();
    const box = await repo.findBox(trx, orgId, patientId);
    const prescriptions = (await currentPrescriptions(trx, orgId, patientId, now)).filter(
      (p) => p.anticipatoryPurpose && p.status !== 'ended',
    );
    const covered = new Set(prescriptions.map((p) => p.anticipatoryPurpose));
    return {
      box: box
        ? {
            location: box.location,
            expiresOn: box.expiresOn,
            notes: box.notes,
            updatedAt: box.updatedAt.toISOString(),
            updatedByName: box.updatedByName,
          }
        : null,
      prescriptions,
      missingPurposes: anticipatoryPurposes.filter((p) => !covered.has(p)),
    };
  });
}

export async function setAnticipatoryBox(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof anticipatoryBoxBodySchema>,
) {
  const gate = { patient: { id: patientId, action: 'medicine:anticipatory' } } as const;
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
    const settings = await loadSettings(trx, orgId);
    const now = deps.clock();
    await repo.upsertBox(trx, {
      organization_id: orgId,
      patient_id: patientId,
      location: body.location,
      expires_on: body.expiresOn,
      notes: body.notes,
      updated_by: ctx.actor.userId,
      updated_at: now,
    });
    const [y, m, d] = body.expiresOn.split('-').map(Number);
    const remindDay = new Date(Date.UTC(y!, m! - 1, d! - settings.anticipatoryExpiryReminderDays, 12));
    const [remindAt] = timesOnLocalDay(remindDay, 0, ['09:00'], settings.timeZone);
    // the job carries this save's time: only the latest save's reminder goes out
    await JobRunner.enqueue(trx, orgId, anticipatoryExpiryJob, remindAt! < now ? now : remindAt!, {
      patientId,
      expiresOn: body.expiresOn,
      savedAt: now.toISOString(),
    });
    await audit({
      action: 'medicine.anticipatory.update',
      entityType: 'anticipatory_box',
      entityId: patientId,
    });
    announce(publish, patientId);
  });
  return getAnticipatory(deps, ctx, patientId);
}

export type { Prescription };

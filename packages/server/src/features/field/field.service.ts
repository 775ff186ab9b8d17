import {
  type Action,
  because,
  can,
  defaultGuardOptions,
  type FieldCaseload,
  type FieldCaseloadPart,
  type FieldGivenDose,
  type FieldVisit,
  forbidden,
  ingredientOf,
  type Visit,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { addDays, localDate } from '../../platform/time.ts';
import { getPlan } from '../advance-care/advance-care.service.ts';
import { listAlerts } from '../alerts/alerts.service.ts';
import { listAssessments } from '../assessments/assessments.service.ts';
import { findUserById } from '../auth/auth.repository.ts';
import { getCarePlan } from '../care-plans/care-plans.service.ts';
import { getRoster } from '../caregivers/caregivers.service.ts';
import { patientLoans } from '../equipment/equipment.service.ts';
import { givenWithVersions } from '../medicines/medicines.repository.ts';
import { listPrescriptions, medicineChart } from '../medicines/medicines.service.ts';
import { getPatient } from '../patients/patients.service.ts';
import { visitsOfStaff } from '../visits/visits.repository.ts';
import { assembleVisits } from '../visits/visits.service.ts';

const hour = 3_600_000;

/**
 * The field caseload (issue 14): the signed-in staff member's visits of today and tomorrow with
 * what the phone needs to do each one offline. Each part is read through its own feature's
 * service, so the same gate and the same audit event apply as when the page is opened online;
 * a part the role may not read comes empty and is named in `withheld`.
 */
export async function fieldCaseload(deps: AppDeps, ctx: RequestContext): Promise<FieldCaseload> {
  if (!can(ctx.actor, 'visit:perform'))
    throw forbidden(
      'The field caseload is for staff who visit patients at home.',
      because('field.homeVisitorsOnly'),
    );
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(deps.db, orgId);
  const now = deps.clock();
  const today = localDate(now, settings.timeZone);
  const days: [string, string] = [today, addDays(today, 1)];
  const expiresAt = new Date(now.getTime() + settings.fieldCaseloadHours * hour);

  // the visits themselves, and one audit event per patient saying the caseload was taken away
  const { staffName, visits } = await inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const rows = (await Promise.all(days.map((d) => visitsOfStaff(trx, orgId, ctx.actor.userId, d)))).flat();
    for (const patientId of new Set(rows.map((r) => r.patientId)))
      await audit({ action: 'field.caseload', entityType: 'patient', entityId: patientId, patientId });
    return {
      staffName: (await findUserById(trx, orgId, ctx.actor.userId))?.name ?? '',
      visits: await assembleVisits(trx, orgId, rows),
    };
  });

  const guard = {
    scheduleWindowMinutes: settings.scheduledDoseWindowMinutes,
    lateEntryMinutes: settings.lateEntryWindowHours * 60,
    futureToleranceMinutes: defaultGuardOptions.futureToleranceMinutes,
    verbalOrderValidMinutes: settings.verbalOrderValidMinutes,
  };
  // the guard looks 24 h around a dose; a late entry may be recorded lateEntryMinutes after it
  const givenSince = new Date(now.getTime() - (guard.lateEntryMinutes * 60_000 + 48 * hour));
  const chartTo = new Date(expiresAt.getTime() + 48 * hour);
  const byPatient = new Map<string, Promise<PatientParts>>();
  const entries: FieldVisit[] = [];
  for (const visit of visits) {
    let parts = byPatient.get(visit.patientId);
    if (!parts) {
      parts = patientParts(deps, ctx, visit.patientId, { now, days, givenSince, chartTo });
      byPatient.set(visit.patientId, parts);
    }
    entries.push(forVisit(visit, await parts));
  }
  return {
    generatedAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    timeZone: settings.timeZone,
    days,
    staff: { id: ctx.actor.userId, name: staffName },
    doseGuard: guard,
    visits: entries,
  };
}

type PatientParts = Omit<FieldVisit, 'visit' | 'carePlanTasks'> & {
  carePlanItems: FieldVisit['carePlanTasks'];
};

interface Window {
  now: Date;
  days: [string, string];
  givenSince: Date;
  chartTo: Date;
}

/** Everything about one patient, read once however many of the caseload's visits are theirs. */
async function patientParts(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  w: Window,
): Promise<PatientParts> {
  const withheld: FieldCaseloadPart[] = [];
  /** Reads a part if the role may, else notes it as withheld and gives the empty value. */
  const part = async <T>(name: FieldCaseloadPart, action: Action, empty: T, read: () => Promise<T>) => {
    if (can(ctx.actor, action)) return read();
    withheld.push(name);
    return empty;
  };
  const patient = await getPatient(deps, ctx, patientId);
  const acp = await part(
    'advanceCare',
    'acp:read',
    null,
    async () => (await getPlan(deps, ctx, patientId)).current,
  );
  const chart = can(ctx.actor, 'medicine:mar')
    ? await medicineChart(deps, ctx, patientId, {
        from: w.givenSince.toISOString(),
        to: w.chartTo.toISOString(),
      })
    : null;
  if (!chart) withheld.push('administrations');
  const prescriptions = await part('prescriptions', 'medicine:read', [], async () =>
    chart ? chart.prescriptions : listPrescriptions(deps, ctx, patientId),
  );
  const givenDoses = chart ? await dosesGiven(deps, ctx, patientId, w) : [];
  const assessments = await part('latestAssessments', 'assessment:read', [], async () =>
    latestPerInstrument((await listAssessments(deps, ctx, patientId, { limit: 200 })).items),
  );
  const alerts = await part(
    'openAlerts',
    'alert:read',
    [],
    async () => (await listAlerts(deps, ctx, { status: 'active', mine: false, patientId, limit: 200 })).items,
  );
  const plan = await part(
    'carePlanTasks',
    'careplan:read',
    null,
    async () => (await getCarePlan(deps, ctx, patientId)).current,
  );
  const equipment = await part('equipment', 'equipment-loan:read', [], async () =>
    (await patientLoans(deps, ctx, patientId)).filter(
      (l) => l.status === 'delivered' || l.status === 'in_use',
    ),
  );
  const roster = await part(
    'dutyRoster',
    'duty-roster:read',
    [],
    async () => (await getRoster(deps, ctx, patientId, { from: w.days[0], days: 2 })).shifts,
  );
  return {
    patient: {
      id: patient.id,
      firstName: patient.firstName,
      lastName: patient.lastName,
      middleName: patient.middleName,
      dateOfBirth: patient.dateOfBirth,
      ageYears: patient.ageYears,
      isChild: patient.isChild,
      status: patient.status,
      palliativeStatus: patient.palliativeStatus,
      area: patient.area,
      primaryDiagnosis: patient.primaryDiagnosis,
      sex: patient.sex,
      address: patient.address,
      accessNotes: patient.accessNotes,
      coordinates: patient.coordinates,
      phone: patient.phone,
      household: patient.contacts,
    },
    allergies: patient.allergies,
    advanceCare: { dnacpr: acp?.resuscitation.decision === 'do_not_attempt_cpr', plan: acp },
    medicines: {
      // an ended prescription is not on the chart any more; its doses still count in givenDoses
      prescriptions: prescriptions.filter((p) => !p.endsAt || Date.parse(p.endsAt) > w.now.getTime()),
      givenDoses,
      givenSince: w.givenSince.toISOString(),
      recentAdministrations: chart ? [...chart.entries].reverse() : [],
    },
    latestAssessments: assessments,
    openAlerts: alerts,
    carePlanItems: plan?.content.items ?? [],
    carePlanVersion: plan?.version ?? null,
    equipment,
    dutyRoster: roster,
    withheld,
  };
}

function forVisit(visit: Visit, parts: PatientParts): FieldVisit {
  const { carePlanItems, ...rest } = parts;
  return {
    visit,
    ...rest,
    carePlanTasks: carePlanItems.filter((i) => i.discipline === visit.discipline),
  };
}

/** The store keeps every version of a record; the newest comes first, so the first of each instrument wins. */
function latestPerInstrument<T extends { instrument: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((a) => !seen.has(a.instrument) && seen.add(a.instrument));
}

/** The doses the guard counts (status "given"), with the limits of the version each was given under. */
async function dosesGiven(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  w: Window,
): Promise<FieldGivenDose[]> {
  const rows = await givenWithVersions(deps.db, ctx.actor.organizationId, patientId, w.givenSince, w.chartTo);
  return rows.map((h) => ({
    prescriptionId: h.prescriptionId,
    prescriptionVersion: h.prescriptionVersion,
    ingredient: ingredientOf(h),
    givenAt: h.givenAt.toISOString(),
    slot: h.slot?.toISOString() ?? null,
    kind: h.kind,
    minIntervalMinutes: h.minIntervalMinutes,
    maxDosesPer24h: h.maxDosesPer24h,
  }));
}

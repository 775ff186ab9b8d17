import { adultAgeYears } from '../common/age.ts';
import { matchAllergy } from './allergy-match.ts';
import { childWeightValidDays, type DoseLimit, findDoseLimit, opioidTolerantOmeMg } from './dose-limits.ts';
import {
  type DoseUnit,
  findMedicine,
  formulary,
  isOpioidClass,
  type MedicineClass,
  type MedicineForm,
  type MedicineRoute,
} from './formulary.ts';
import { organCautions, organStatusOf } from './organ-cautions.ts';
import { type RegimenItem, reviewRegimen } from './regimen-checks.ts';
import type { SafetyProblem, SafetyProblemCode, SafetyResult } from './safety-problems.ts';

/** A prescription as the check sees it: the draft, or one already on the chart. */
export interface CheckedPrescription {
  id: string;
  medicineId: string | null;
  name: string;
  /** For a medicine outside the formulary: the class the physician declared. */
  declaredClass: MedicineClass | null;
  form: MedicineForm | null;
  strength: string | null;
  route: MedicineRoute;
  doseAmount: number;
  doseUnit: DoseUnit;
  kind: 'scheduled' | 'prn';
  timesOfDay: readonly string[];
  maxDosesPer24h: number | null;
  anticipatoryPurpose: string | null;
}

export interface SafetyPatient {
  ageYears: number;
  /** The latest weight with the day it was measured (YYYY-MM-DD), or null. */
  weight: { kg: number; measuredOn: string } | null;
  allergies: readonly string[];
  /** ICD-10 codes of the diagnoses. */
  diagnoses: readonly string[];
}

export interface PrescriptionCheckInput {
  draft: CheckedPrescription;
  /** The patient's other current prescriptions (not ended), without the one being changed. */
  others: readonly CheckedPrescription[];
  /** The version being changed or restarted: counted for opioid tolerance, not for duplicates. */
  replaced: CheckedPrescription | null;
  patient: SafetyPatient;
  today: Date;
}

export interface PrescriptionCheckResult extends SafetyResult {
  /** From the current scheduled opioids (§3.3: tolerant at ≥ 60 mg oral morphine a day). */
  tolerance: 'naive' | 'tolerant';
  /** The low end of the current oral morphine equivalent a day, and whether it is complete. */
  currentOme: { low: number; incomplete: boolean };
}

const classOf = (p: CheckedPrescription): MedicineClass | null =>
  findMedicine(p.medicineId)?.class ?? p.declaredClass;
export const isOpioidPrescription = (p: Pick<CheckedPrescription, 'medicineId' | 'declaredClass'>) => {
  const c = findMedicine(p.medicineId)?.class ?? p.declaredClass;
  return c !== null && isOpioidClass(c);
};
/** The ingredient the dose guard and duplicate check count by: the formulary id or the free-text name. */
export const ingredientOf = (p: { medicineId: string | null; name: string }) =>
  p.medicineId ?? `free:${p.name.trim().toLowerCase().replaceAll('ё', 'е')}`;

/** What the regimen review and the OME total need of a prescription. */
export type RegimenSource = Pick<
  CheckedPrescription,
  | 'id'
  | 'medicineId'
  | 'name'
  | 'form'
  | 'route'
  | 'doseAmount'
  | 'doseUnit'
  | 'kind'
  | 'timesOfDay'
  | 'maxDosesPer24h'
>;

/**
 * A prescription as the regimen review counts it: a patch is one dose a day (its mcg/h rate is a
 * daily amount), other regular medicines as many as their times of day, as-needed ones none.
 */
export const regimenItemOf = (p: RegimenSource): RegimenItem => ({
  id: p.id,
  medicineId: p.medicineId,
  name: p.name,
  form: p.form,
  route: p.route,
  doseAmount: p.doseAmount,
  doseUnit: p.doseUnit,
  kind: p.kind,
  timesPerDay: p.kind === 'scheduled' ? (p.form === 'patch' ? 1 : p.timesOfDay.length) : 0,
  maxDosesPer24h: p.maxDosesPer24h,
});

/** A dose in the limit's unit (mg ↔ mcg), or null when the units cannot be compared. */
function inLimitUnit(amount: number, unit: DoseUnit, limit: DoseLimit): number | null {
  if (unit === limit.unit) return amount;
  if (unit === 'mcg' && limit.unit === 'mg') return amount / 1000;
  if (unit === 'mg' && limit.unit === 'mcg') return amount * 1000;
  return null;
}

/** The most a prescription allows in 24 h: a patch's rate, dose × times, or dose × the as-needed maximum. */
export function dailyAllowance(p: CheckedPrescription): number {
  if (p.doseUnit === 'mcg/h') return p.doseAmount;
  return p.doseAmount * (p.kind === 'scheduled' ? p.timesOfDay.length : (p.maxDosesPer24h ?? 0));
}

const formularyNamed = (name: string) => {
  const n = name.trim().toLowerCase().replaceAll('ё', 'е');
  const classWords = [
    'opioid',
    'опиоид',
    'опиат',
    'nsaid',
    'нпвс',
    'нпвп',
    'laxative',
    'слабительное',
    'benzodiazepine',
    'бензодиазепин',
    'corticosteroid',
    'кортикостероид',
    'steroid',
    'diuretic',
    'диуретик',
  ];
  return formulary.find((m) =>
    [m.name.en, m.name.ru, ...m.synonyms]
      .map((s) => s.toLowerCase())
      .filter((s) => s.length >= 4 && !classWords.includes(s))
      .some((s) => new RegExp(`(^|[^\\p{L}])${s}`, 'u').test(n)),
  );
};

const daysBetween = (isoDay: string, today: Date) =>
  (Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) -
    Date.parse(`${isoDay}T00:00:00Z`)) /
  86_400_000;

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The one check every prescription goes through (new, as needed, anticipatory, change,
 * restart). Pure: the server gathers the patient's record and current prescriptions and calls it
 * inside the transaction that writes the prescription; the web calls the same review endpoint.
 * It never proposes a dose, it only says what stands in the way and why.
 */
export function checkPrescription(input: PrescriptionCheckInput): PrescriptionCheckResult {
  const { draft, others, patient } = input;
  const problems: SafetyProblem[] = [];
  const add = (
    code: SafetyProblemCode,
    level: SafetyProblem['level'],
    source: SafetyProblem['source'],
    params: SafetyProblem['params'] = {},
    extra: { overridable?: boolean; items?: string[] } = {},
  ) =>
    problems.push({
      code,
      level,
      overridable: extra.overridable ?? false,
      source,
      params,
      items: extra.items ?? [draft.id],
    });

  const med = findMedicine(draft.medicineId);
  const klass = classOf(draft);
  const opioid = isOpioidPrescription(draft);

  // --- the product: units, strengths and patches as the formulary holds them
  if (med) {
    const forms = med.forms.filter(
      (f) => (draft.form ? f.form === draft.form : true) && f.routes.includes(draft.route),
    );
    if (forms.length && !forms.some((f) => f.doseUnit === draft.doseUnit))
      add('unit-not-formulary', 'block', 'platform', { unit: draft.doseUnit, expected: forms[0]!.doseUnit });
    if (draft.strength && forms.length && !forms.some((f) => f.strengths.includes(draft.strength!)))
      add('strength-not-formulary', 'block', 'platform', { strength: draft.strength });
    if (draft.form === 'patch' && draft.kind !== 'scheduled') add('patch-not-scheduled', 'block', 'platform');
  } else {
    const named = formularyNamed(draft.name);
    if (named) add('formulary-medicine-as-free-text', 'block', 'platform', { medicineId: named.id });
    if (!draft.declaredClass) add('free-text-class-missing', 'block', 'platform');
    else if (isOpioidClass(draft.declaredClass)) add('free-text-opioid-unmapped', 'info', 'platform');
  }

  // --- opioid tolerance from the current scheduled opioids, the changed version included
  const current = [...others, ...(input.replaced ? [input.replaced] : [])].filter(
    (p) => !p.anticipatoryPurpose,
  );
  const currentReview = reviewRegimen(current.filter(isOpioidPrescription).map(regimenItemOf), []);
  const currentOme = {
    low: currentReview.baselineOme.total.low,
    incomplete: currentReview.baselineOme.incomplete,
  };
  const tolerance = currentOme.low >= opioidTolerantOmeMg ? 'tolerant' : 'naive';
  if (opioid && tolerance === 'naive' && currentOme.incomplete)
    add('tolerance-unknown', 'info', 'fentanylManufacturer');

  // --- dose limits
  const limit = findDoseLimit(draft.medicineId, draft.route, draft.form);
  const child = patient.ageYears < adultAgeYears;
  if (child) {
    if (!patient.weight) add('child-weight-missing', 'block', 'bnfc');
    else if (daysBetween(patient.weight.measuredOn, input.today) > childWeightValidDays)
      add('child-weight-stale', 'block', 'bnfc', {
        measuredOn: patient.weight.measuredOn,
        days: childWeightValidDays,
      });
  }
  const sameProduct = others.filter(
    (o) => o.medicineId === draft.medicineId && findDoseLimit(o.medicineId, o.route, o.form) === limit,
  );
  const single = limit ? inLimitUnit(draft.doseAmount, draft.doseUnit, limit) : null;
  const daily = limit
    ? [draft, ...sameProduct]
        .map((p) => inLimitUnit(dailyAllowance(p), p.doseUnit, limit))
        .reduce<number | null>((a, b) => (a === null || b === null ? null : a + b), 0)
    : null;
  if (!limit) add('no-dose-limit', 'info', 'platform');
  else if (child) {
    const c = limit.child;
    if (!c) add('no-paediatric-limit', 'confirm', 'bnfc');
    else {
      if (c.minAgeYears !== undefined && patient.ageYears < c.minAgeYears)
        add(
          'child-min-age',
          'block',
          c.minAgeSource ?? c.source,
          { minAge: c.minAgeYears },
          { overridable: true },
        );
      const kg = patient.weight?.kg;
      if (kg !== undefined && single !== null) {
        const maxSingle = Math.min(c.singlePerKg * kg, c.singleMax);
        if (single > maxSingle + 1e-9)
          add(
            'above-single-limit',
            'block',
            c.source,
            { limit: round(maxSingle), unit: limit.unit, perKg: c.singlePerKg, kg },
            { overridable: true },
          );
      }
      if (kg !== undefined && daily !== null) {
        const maxDaily = Math.min(c.dailyPerKg * kg, c.dailyMax);
        if (daily > maxDaily + 1e-9)
          add(
            'above-daily-limit',
            'block',
            c.source,
            { limit: round(maxDaily), unit: limit.unit, perKg: c.dailyPerKg, kg, total: round(daily) },
            { overridable: true },
          );
      }
    }
  } else {
    const range = opioid && tolerance === 'tolerant' ? limit.tolerant : limit.naive;
    if (range === null)
      add(
        'not-for-opioid-naive',
        'block',
        limit.source,
        { ome: round(currentOme.low) },
        { overridable: true },
      );
    else {
      if (single !== null && single > range.single + 1e-9)
        add(
          'above-single-limit',
          'block',
          limit.source,
          { limit: range.single, unit: limit.unit, tolerance },
          { overridable: true },
        );
      if (daily !== null && daily > range.daily + 1e-9)
        add(
          'above-daily-limit',
          'block',
          limit.source,
          { limit: range.daily, unit: limit.unit, tolerance, total: round(daily) },
          { overridable: true },
        );
    }
  }

  // --- allergies by substance and class, for every kind of prescription (anticipatory too)
  for (const allergy of patient.allergies) {
    const match = matchAllergy(allergy, {
      medicineId: draft.medicineId,
      name: draft.name,
      medicineClass: klass,
    });
    if (!match) continue;
    if (match === 'same-class') add('allergy-same-class', 'confirm', 'bnf', { allergy });
    else
      add(
        `allergy-${match}`,
        'block',
        match === 'substance' ? 'platform' : 'bnf',
        { allergy },
        { overridable: true },
      );
  }

  // --- duplicates among the as-needed prescriptions
  if (draft.kind === 'prn') {
    const prns = others.filter((o) => o.kind === 'prn');
    const sameIngredient = prns.filter((o) => ingredientOf(o) === ingredientOf(draft));
    if (sameIngredient.length)
      add(
        'duplicate-ingredient',
        'confirm',
        'platform',
        {},
        { items: [draft.id, ...sameIngredient.map((o) => o.id)] },
      );
    const sameClass = prns.filter(
      (o) => !sameIngredient.includes(o) && klass && klass !== 'other' && classOf(o) === klass,
    );
    if (sameClass.length)
      add(
        'duplicate-class',
        'info',
        'platform',
        { class: klass ?? '' },
        { items: [draft.id, ...sameClass.map((o) => o.id)] },
      );
  }

  // --- the regimen: laxative with opioids, two long-acting opioids, conversions that cannot be made
  const regimen = reviewRegimen(
    [...others, draft].filter((p) => !p.anticipatoryPurpose).map(regimenItemOf),
    [],
  );
  for (const w of regimen.warnings) {
    if (w.code === 'allergy' || !w.items.includes(draft.id)) continue;
    if (w.code === 'two-long-acting-opioids') add(w.code, 'confirm', 'platform', {}, { items: w.items });
    else
      add(w.code, 'info', w.code === 'opioid-without-laxative' ? 'bnf' : 'platform', {}, { items: w.items });
  }

  // --- renal and hepatic cautions from the diagnoses
  for (const c of organCautions(draft.medicineId, organStatusOf(patient.diagnoses)))
    add(c.code, c.code.endsWith('avoid') ? 'confirm' : 'info', c.source, {
      ckdStage: organStatusOf(patient.diagnoses).ckdStage ?? 0,
    });

  return {
    blocking: problems.filter((p) => p.level === 'block'),
    warnings: problems.filter((p) => p.level !== 'block'),
    tolerance,
    currentOme,
  };
}

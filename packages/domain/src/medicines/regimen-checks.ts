import { matchAllergy } from './allergy-match.ts';
import { type OpioidDose, omeOf, type RegimenOme, regimenOme } from './conversion.ts';
import {
  type DoseUnit,
  findMedicine,
  isOpioidClass,
  longActingForms,
  type MedicineForm,
  type MedicineRoute,
} from './formulary.ts';

/** What the regimen checks need of each current prescription. */
export interface RegimenItem {
  id: string;
  medicineId: string | null;
  name: string;
  form: MedicineForm | null;
  route: MedicineRoute;
  doseAmount: number;
  doseUnit: DoseUnit;
  kind: 'scheduled' | 'prn';
  timesPerDay: number;
  maxDosesPer24h: number | null;
}

export type RegimenWarning =
  | { code: 'opioid-without-laxative'; items: string[] }
  | { code: 'two-long-acting-opioids'; items: string[] }
  | { code: 'allergy'; items: string[]; allergy: string }
  | { code: 'methadone-not-converted'; items: string[] }
  | { code: 'no-ome-factor'; items: string[] };

export interface RegimenReview {
  warnings: RegimenWarning[];
  /** Scheduled doses and patches: the baseline over 24 h. */
  baselineOme: RegimenOme;
  /** Baseline plus every as-needed opioid dose allowed in 24 h. */
  maximumOme: RegimenOme;
}

/** Does a recorded allergy name this medicine or its class (see allergy-match.ts)? */
export function allergyMatches(allergy: string, item: Pick<RegimenItem, 'medicineId' | 'name'>): boolean {
  const m = matchAllergy(allergy, { medicineId: item.medicineId, name: item.name, medicineClass: null });
  return m !== null && m !== 'same-class';
}

const isOpioid = (i: RegimenItem) => {
  const m = findMedicine(i.medicineId);
  return m ? isOpioidClass(m.class) : false;
};
const isLongActing = (i: RegimenItem) => {
  const m = findMedicine(i.medicineId);
  return !!m && (m.longActing === true || (i.form !== null && longActingForms.includes(i.form)));
};

/** The 24 h amount of one prescription for OME: a patch's rate, or dose × doses a day. */
export function opioidDoseOf(i: RegimenItem, withPrn: boolean): OpioidDose | null {
  if (!i.medicineId || !isOpioid(i)) return null;
  if (i.doseUnit === 'mcg/h')
    return { medicineId: i.medicineId, route: i.route, dose24h: i.doseAmount, unit: 'mcg/h' };
  const times = i.kind === 'scheduled' ? i.timesPerDay : withPrn ? (i.maxDosesPer24h ?? 0) : 0;
  if (times === 0) return null;
  return { medicineId: i.medicineId, route: i.route, dose24h: i.doseAmount * times, unit: i.doseUnit };
}

/**
 * The checks shown to the physician while prescribing (issue 6): an opioid without a laxative,
 * two long-acting opioids at once, a recorded allergy, and the regimen's total OME with the
 * range over sources (methadone not converted).
 */
export function reviewRegimen(items: readonly RegimenItem[], allergies: readonly string[]): RegimenReview {
  const warnings: RegimenWarning[] = [];
  const opioids = items.filter(isOpioid);
  const hasLaxative = items.some((i) => findMedicine(i.medicineId)?.class === 'laxative');
  if (opioids.length && !hasLaxative)
    warnings.push({ code: 'opioid-without-laxative', items: opioids.map((o) => o.id) });
  const longActing = opioids.filter(isLongActing);
  if (longActing.length >= 2)
    warnings.push({ code: 'two-long-acting-opioids', items: longActing.map((o) => o.id) });
  for (const allergy of allergies) {
    const hit = items.filter((i) => allergyMatches(allergy, i));
    if (hit.length) warnings.push({ code: 'allergy', allergy, items: hit.map((i) => i.id) });
  }
  const methadone = opioids.filter((o) => o.medicineId === 'methadone');
  if (methadone.length) warnings.push({ code: 'methadone-not-converted', items: methadone.map((o) => o.id) });

  const baseline = opioids.map((o) => opioidDoseOf(o, false));
  const maximum = opioids.map((o) => opioidDoseOf(o, true));
  const baselineOme = regimenOme(baseline.filter((d): d is OpioidDose => d !== null));
  const maximumOme = regimenOme(maximum.filter((d): d is OpioidDose => d !== null));
  const noFactor = opioids.filter((o) => {
    const d = opioidDoseOf(o, true);
    return d !== null && d.medicineId !== 'methadone' && omeOf(d).warning !== null;
  });
  if (noFactor.length) warnings.push({ code: 'no-ome-factor', items: noFactor.map((o) => o.id) });
  return { warnings, baselineOme, maximumOme };
}

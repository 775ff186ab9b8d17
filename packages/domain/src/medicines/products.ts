import { type DoseUnit, findMedicine, type MedicineForm, type MedicineRoute } from './formulary.ts';

/**
 * How a product is named wherever a medicine appears (issue 12, "Products look alike"): the
 * formulation (immediate or modified release, patch, liquid strength) always travels with the
 * name, liquids show the volume next to the mg, and patches their change interval.
 */

/** Opioid forms that release the drug at once: named "immediate-release" so they never read like MR. */
const immediateReleaseForms: readonly MedicineForm[] = ['tablet', 'capsule', 'oral_solution', 'drops'];
export const modifiedReleaseForms: readonly MedicineForm[] = ['mr_tablet', 'mr_capsule'];

const formWords: Record<MedicineForm, string> = {
  tablet: 'tablet',
  mr_tablet: 'modified-release tablet',
  capsule: 'capsule',
  mr_capsule: 'modified-release capsule',
  oral_solution: 'oral solution',
  injection: 'injection',
  patch: 'patch',
  suppository: 'suppository',
  drops: 'drops',
  powder: 'powder',
  buccal_tablet: 'buccal tablet',
  nasal_spray: 'nasal spray',
};

/** The release of a form, for the label: 'mr', 'ir' (opioid tablets and liquids) or null. */
export function releaseOf(medicineId: string | null, form: MedicineForm | null): 'mr' | 'ir' | null {
  if (!form) return null;
  if (modifiedReleaseForms.includes(form)) return 'mr';
  const med = findMedicine(medicineId);
  if (
    med &&
    (med.class === 'strong_opioid' || med.class === 'weak_opioid') &&
    immediateReleaseForms.includes(form)
  )
    return 'ir';
  return null;
}

/**
 * Patch change interval in hours. Fentanyl matrix patches are replaced every 72 h (BNF,
 * fentanyl: "patches replaced every 72 hours"); buprenorphine by product (palliative-research.md
 * §3.3, "Guidelines for the use of transdermal opioids in palliative care", kipdf.com): BuTrans
 * 5/10/20 mcg/h every 7 days, Transtec 35/52.5/70 mcg/h every 4 days.
 */
export function patchChangeIntervalHours(medicineId: string | null, strength: string | null): number | null {
  if (medicineId === 'fentanyl') return 72;
  if (medicineId === 'buprenorphine') {
    const rate = Number.parseFloat(strength ?? '');
    if (!Number.isFinite(rate)) return null;
    return rate <= 20 ? 7 * 24 : 4 * 24;
  }
  return null;
}

/** mg per ml of a liquid strength such as "10 mg/5 ml" or "20 mg/ml"; null when not a mg/ml strength. */
export function liquidMgPerMl(strength: string | null): number | null {
  const m = /^\s*([\d.]+)\s*(mg|mcg)\s*\/\s*([\d.]*)\s*ml\s*$/i.exec(strength ?? '');
  if (!m) return null;
  const amount = Number(m[1]) / (m[2]!.toLowerCase() === 'mcg' ? 1000 : 1);
  const ml = m[3] ? Number(m[3]) : 1;
  return amount > 0 && ml > 0 ? amount / ml : null;
}

const liquidForms: readonly MedicineForm[] = ['oral_solution', 'drops', 'injection'];

/** The volume of a liquid dose in ml (rounded to 0.01 ml), or null for solid forms. */
export function doseVolumeMl(p: {
  form: MedicineForm | null;
  strength: string | null;
  doseAmount: number;
  doseUnit: DoseUnit;
}): number | null {
  if (!p.form || !liquidForms.includes(p.form)) return null;
  const perMl = liquidMgPerMl(p.strength);
  if (perMl === null) return null;
  const mg = p.doseUnit === 'mg' ? p.doseAmount : p.doseUnit === 'mcg' ? p.doseAmount / 1000 : null;
  return mg === null ? null : Math.round((mg / perMl) * 100) / 100;
}

/** The product without the dose: "Morphine modified-release tablet 30 mg". */
export function productName(p: Pick<ProductLike, 'medicineId' | 'name' | 'form' | 'strength'>): string {
  const release = releaseOf(p.medicineId, p.form);
  const form = p.form
    ? release === 'ir'
      ? `immediate-release ${formWords[p.form]}`
      : formWords[p.form]
    : null;
  return [p.name, form, p.strength].filter(Boolean).join(' ');
}

export interface ProductLike {
  medicineId: string | null;
  name: string;
  form: MedicineForm | null;
  strength: string | null;
  route: MedicineRoute;
  doseAmount: number;
  doseUnit: DoseUnit;
}

/**
 * The English label used in API texts (alert titles, notifications, the administration record):
 * "Morphine immediate-release oral solution 10 mg/5 ml, 5 mg (2.5 ml)" or
 * "Fentanyl patch 25 mcg/h, 25 mcg/h, changed every 72 h". The web builds its own label in the
 * reader's language from the same fields.
 */
export function productLabel(p: ProductLike): string {
  const product = productName(p);
  const ml = doseVolumeMl(p);
  const dose = `${p.doseAmount} ${p.doseUnit}${ml !== null ? ` (${ml} ml)` : ''}`;
  const every = p.form === 'patch' ? patchChangeIntervalHours(p.medicineId, p.strength) : null;
  return `${product}, ${dose}${every ? `, changed every ${every} h` : ''}`;
}

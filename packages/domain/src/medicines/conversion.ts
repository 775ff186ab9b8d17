import type { DoseUnit, MedicineRoute } from './formulary.ts';
import {
  bandFor,
  breakthroughRange,
  crossToleranceReduction,
  type FactorValue,
  factorRange,
  fentanylPatchBandsUk,
  fentanylPatchManufacturer,
  findOmeFactor,
  type OmeFactor,
  type OpioidSourceId,
  opioidSources,
} from './opioid-factors.ts';

/** One opioid of a regimen, as its total over 24 h (mg or mcg), or a patch's rate in mcg/h. */
export interface OpioidDose {
  medicineId: string;
  route: MedicineRoute;
  dose24h: number;
  unit: DoseUnit;
}

export type OmeWarning = 'methadone' | 'no-factor' | 'unit' | 'not-formulary';

export interface OmeLine {
  medicineId: string;
  route: MedicineRoute;
  dose24h: number;
  unit: DoseUnit;
  /** Null when not computed (methadone, no published factor, or a unit that is not mg/mcg). */
  ome: { low: number; high: number; reference: number } | null;
  factor: OmeFactor | null;
  warning: OmeWarning | null;
}

/** Amount in the factor's basis: mg for 'mg' factors (mcg ÷ 1000), mcg/h for patches. */
function amountInBasis(d: OpioidDose, basis: 'mg' | 'mcg/h'): number | null {
  if (basis === 'mcg/h') return d.unit === 'mcg/h' ? d.dose24h : null;
  if (d.unit === 'mg') return d.dose24h;
  if (d.unit === 'mcg') return d.dose24h / 1000;
  return null;
}

/** The oral morphine equivalent of one opioid over 24 h, as a range over the published factors. */
export function omeOf(d: OpioidDose, preferred: OpioidSourceId = defaultReferenceSource): OmeLine {
  const factor = findOmeFactor(d.medicineId, d.route) ?? null;
  const base = { medicineId: d.medicineId, route: d.route, dose24h: d.dose24h, unit: d.unit, factor };
  if (d.medicineId === 'methadone') return { ...base, ome: null, warning: 'methadone' };
  if (!factor) return { ...base, ome: null, warning: 'no-factor' };
  const amount = amountInBasis(d, factor.basis);
  if (amount === null) return { ...base, ome: null, warning: 'unit' };
  const range = factorRange(factor);
  const reference = (sourceValue(factor, preferred) ?? factor.values[0]!).low;
  return {
    ...base,
    ome: { low: amount * range.low, high: amount * range.high, reference: amount * reference },
    warning: null,
  };
}

export interface RegimenOme {
  lines: OmeLine[];
  /** Sum over the lines that could be computed. */
  total: { low: number; high: number; reference: number };
  /** True when some opioid could not be counted (see each line's warning). */
  incomplete: boolean;
}

export function regimenOme(
  doses: readonly OpioidDose[],
  preferred: OpioidSourceId = defaultReferenceSource,
): RegimenOme {
  const lines = doses.map((d) => omeOf(d, preferred));
  const total = { low: 0, high: 0, reference: 0 };
  for (const l of lines) {
    if (!l.ome) continue;
    total.low += l.ome.low;
    total.high += l.ome.high;
    total.reference += l.ome.reference;
  }
  return { lines, total, incomplete: lines.some((l) => l.warning !== null) };
}

/**
 * Converts with one named source's factors, as the published charts do (e.g. GG&C: oral morphine
 * → SC diamorphine divide by 3). Returns null when the source gives no single value for both.
 */
export function convertWithSource(
  from: { medicineId: string; route: MedicineRoute },
  to: { medicineId: string; route: MedicineRoute },
  amount: number,
  source: OpioidSourceId,
): number | null {
  const f = findOmeFactor(from.medicineId, from.route);
  const t = findOmeFactor(to.medicineId, to.route);
  if (!f || !t || f.neverConvert || t.neverConvert) return null;
  const fv = f.values.find((x) => x.source === source);
  const tv = t.values.find((x) => x.source === source);
  if (!fv || !tv || fv.low !== fv.high || tv.low !== tv.high) return null;
  return (amount * fv.low) / tv.low;
}

export type ConversionWarning =
  | 'methadone'
  | 'no-factor'
  | 'unit'
  | 'patch-from-weak-opioid'
  | 'patch-low-dose'
  | 'patch-above-table'
  | 'cdc-not-for-conversion'
  | 'no-single-source'
  | 'not-formulary';

export interface ConversionStep {
  /** i18n key of the step's label (the web translates it). */
  key:
    | 'ome-line'
    | 'ome-total'
    | 'equianalgesic'
    | 'reduction'
    | 'breakthrough'
    | 'patch-band-uk'
    | 'patch-band-manufacturer';
  /** Language-neutral arithmetic, e.g. "40 mg × 1.5 = 60 mg". */
  expression: string;
  /** The opioid and route a per-medicine step is about (the web names them in its language). */
  medicineId?: string;
  route?: MedicineRoute;
  sources: OpioidSourceId[];
}

export interface ConversionResult {
  ok: boolean;
  warnings: ConversionWarning[];
  ome: RegimenOme | null;
  target: { medicineId: string; route: MedicineRoute; unit: 'mg' | 'mcg/h' };
  /** Equianalgesic 24 h dose of the target: reference (preferred source) and the span of the sources' own ranges. */
  equianalgesic: { low: number; high: number; reference: number } | null;
  /** The equianalgesic dose by each source that gives factors for every opioid and the target. */
  bySource: { source: OpioidSourceId; low: number; high: number }[];
  /** Whether the 25–50 % reduction applies (a different opioid; not a route change of the same one). */
  reductionApplies: boolean;
  /** The reference dose reduced by 25 % and by 50 %, and the widest range. */
  reduced: { at25: number; at50: number; low: number; high: number } | null;
  /** Breakthrough dose range (1/10 to 1/6 of the 24 h dose): of the target, or oral morphine for a patch. */
  breakthrough: { low: number; high: number; unit: 'mg'; medicineId: string; route: MedicineRoute } | null;
  patchBands: {
    uk: { mcgPerHour: number; omeLow: number; omeHigh: number } | null;
    manufacturer: { mcgPerHour: number; omeLow: number; omeHigh: number } | null;
  } | null;
  steps: ConversionStep[];
}

/** The source shown first unless the organization chooses another (a setting). */
export const defaultReferenceSource: OpioidSourceId = 'ggc';

/** A source's own value of a factor; oral morphine is 1 in every table (the reference). */
function sourceValue(f: OmeFactor, source: OpioidSourceId): FactorValue | undefined {
  if (f.medicineId === 'morphine' && f.route === 'oral') return { low: 1, high: 1, source };
  return f.values.find((v) => v.source === source);
}

/**
 * For every source with a factor for each opioid of the regimen and for the target: the
 * target dose computed with that source's factors only. A source that gives a range (1.5–2)
 * is applied end to end (low with low, high with high), so the same opioid and route always
 * converts to itself.
 */
function perSourceEquianalgesic(from: readonly OpioidDose[], target: OmeFactor) {
  const sources = Object.keys(opioidSources) as OpioidSourceId[];
  const out: { source: OpioidSourceId; low: number; high: number; expression: string }[] = [];
  for (const source of sources) {
    const tv = sourceValue(target, source);
    if (!tv) continue;
    let low = 0;
    let high = 0;
    const parts: string[] = [];
    let complete = true;
    for (const d of from) {
      const f = findOmeFactor(d.medicineId, d.route);
      const fv = f && !f.neverConvert ? sourceValue(f, source) : undefined;
      const amount = f && fv ? amountInBasis(d, f.basis) : null;
      if (!fv || amount === null) {
        complete = false;
        break;
      }
      low += (amount * fv.low) / tv.low;
      high += (amount * fv.high) / tv.high;
      parts.push(`${fmt(d.dose24h)} ${d.unit} × ${valueText(fv)} ÷ ${valueText(tv)}`);
    }
    if (complete && from.length)
      out.push({
        source,
        low: Math.min(low, high),
        high: Math.max(low, high),
        expression: parts.join(' + '),
      });
  }
  return out;
}

/** Rounds for display: at most two decimals, no trailing zeros. */
export const roundDose = (x: number) => Math.round(x * 100) / 100;

const fmt = (x: number) => String(roundDose(x));
const fmtRange = (low: number, high: number) =>
  roundDose(low) === roundDose(high) ? fmt(low) : `${fmt(low)}–${fmt(high)}`;
const valueText = (v: FactorValue) => fmtRange(v.low, v.high);

/**
 * The physician's calculator: a regimen (one or more opioids over 24 h) converted to another
 * opioid or route. Shows the equianalgesic dose with the range over sources, the 25–50 %
 * reduction for incomplete cross-tolerance when the opioid changes, and the breakthrough range.
 * It returns numbers and arithmetic only: it never writes a prescription (ARCHITECTURE.md).
 */
export function convertOpioids(
  from: readonly OpioidDose[],
  to: { medicineId: string; route: MedicineRoute },
  preferredSource: OpioidSourceId = defaultReferenceSource,
): ConversionResult {
  const targetFactor = findOmeFactor(to.medicineId, to.route) ?? null;
  const targetUnit: 'mg' | 'mcg/h' = targetFactor?.basis ?? 'mg';
  const empty: ConversionResult = {
    ok: false,
    warnings: [],
    ome: null,
    target: { ...to, unit: targetUnit },
    equianalgesic: null,
    bySource: [],
    reductionApplies: false,
    reduced: null,
    breakthrough: null,
    patchBands: null,
    steps: [],
  };
  // §3.4: no automatic methadone conversion; specialist only
  if (to.medicineId === 'methadone' || from.some((d) => d.medicineId === 'methadone'))
    return { ...empty, warnings: ['methadone'] };
  if (!targetFactor) return { ...empty, warnings: ['no-factor'] };
  const ome = regimenOme(from, preferredSource);
  const bad = ome.lines.find((l) => l.warning);
  if (bad || from.length === 0) return { ...empty, ome, warnings: [bad?.warning ?? 'no-factor'] };

  const warnings: ConversionWarning[] = [];
  const steps: ConversionStep[] = [];
  for (const l of ome.lines) {
    const f = l.factor!;
    steps.push({
      key: 'ome-line',
      medicineId: l.medicineId,
      route: l.route,
      expression: `${fmt(l.dose24h)} ${l.unit} × ${f.values
        .map(valueText)
        .join(' / ')} = ${fmtRange(l.ome!.low, l.ome!.high)} mg`,
      sources: f.values.map((x) => x.source),
    });
  }
  steps.push({
    key: 'ome-total',
    expression: `${fmtRange(ome.total.low, ome.total.high)} mg (${fmt(ome.total.reference)} mg)`,
    sources: [],
  });
  if (ome.lines.some((l) => l.factor?.values.some((x) => x.source === 'cdc2022')))
    // CDC: "do not use MME to convert between opioids" (§3.1)
    warnings.push('cdc-not-for-conversion');

  // Issue 12: each range comes from one named source's own pair of factors (never one source's
  // factor divided by another's); the reference is the organization's preferred source.
  const bySource = perSourceEquianalgesic(from, targetFactor);
  if (bySource.length === 0) return { ...empty, ome, warnings: ['no-single-source'] };
  const chosen = bySource.find((b) => b.source === preferredSource) ?? bySource[0]!;
  const equianalgesic = {
    low: Math.min(...bySource.map((b) => b.low)),
    high: Math.max(...bySource.map((b) => b.high)),
    reference: chosen.low,
  };
  for (const b of bySource)
    steps.push({
      key: 'equianalgesic',
      expression: `${b.expression} = ${fmtRange(b.low, b.high)} ${targetUnit}`,
      sources: [b.source],
    });

  const reductionApplies = from.some((d) => d.medicineId !== to.medicineId);
  const lo = 1 - crossToleranceReduction.highPercent / 100;
  const hi = 1 - crossToleranceReduction.lowPercent / 100;
  const reduced = reductionApplies
    ? {
        at25: equianalgesic.reference * hi,
        at50: equianalgesic.reference * lo,
        low: equianalgesic.low * lo,
        high: equianalgesic.high * hi,
      }
    : null;
  if (reduced)
    steps.push({
      key: 'reduction',
      expression: `${fmt(equianalgesic.reference)} × 0.75 = ${fmt(reduced.at25)} ${targetUnit}; ${fmt(equianalgesic.reference)} × 0.5 = ${fmt(reduced.at50)} ${targetUnit}`,
      sources: crossToleranceReduction.notes.map((n) => n.source),
    });

  let patchBands: ConversionResult['patchBands'] = null;
  let breakthrough: ConversionResult['breakthrough'];
  if (targetFactor.basis === 'mcg/h') {
    const weak = from.some((d) => d.medicineId === 'codeine' || d.medicineId === 'tramadol');
    // manufacturer: do not convert from codeine or tramadol; patches not for opioid-naive patients
    if (weak) warnings.push('patch-from-weak-opioid');
    if (ome.total.reference < 60) warnings.push('patch-low-dose');
    if (to.medicineId === 'fentanyl') {
      const uk = bandFor(fentanylPatchBandsUk, ome.total.reference) ?? null;
      const manufacturer = bandFor(fentanylPatchManufacturer, ome.total.reference) ?? null;
      if (!uk) warnings.push('patch-above-table');
      patchBands = { uk, manufacturer };
      if (uk)
        steps.push({
          key: 'patch-band-uk',
          expression: `${fmt(ome.total.reference)} mg → ${uk.omeLow}–${uk.omeHigh} mg → ${uk.mcgPerHour} mcg/h`,
          sources: ['ukRegional'],
        });
      if (manufacturer)
        steps.push({
          key: 'patch-band-manufacturer',
          expression: `${fmt(ome.total.reference)} mg → ${manufacturer.omeLow}–${manufacturer.omeHigh} mg → ${manufacturer.mcgPerHour} mcg/h`,
          sources: ['manufacturer'],
        });
    }
    // rescue for a patient on a patch: immediate-release oral morphine, 1/6–1/10 of the 24 h OME
    const b = breakthroughRange(ome.total.reference);
    breakthrough = { ...b, unit: 'mg', medicineId: 'morphine', route: 'oral' };
    steps.push({
      key: 'breakthrough',
      expression: `${fmt(ome.total.reference)} mg ÷ 10 … ÷ 6 = ${fmtRange(b.low, b.high)} mg`,
      sources: ['breakthrough'],
    });
  } else {
    const basisLow = reduced ? reduced.at50 : equianalgesic.reference;
    const basisHigh = reduced ? reduced.at25 : equianalgesic.reference;
    breakthrough = {
      low: basisLow / 10,
      high: basisHigh / 6,
      unit: 'mg',
      medicineId: to.medicineId,
      route: to.route,
    };
    steps.push({
      key: 'breakthrough',
      expression: `${fmtRange(basisLow, basisHigh)} mg ÷ 10 … ÷ 6 = ${fmtRange(breakthrough.low, breakthrough.high)} mg`,
      sources: ['breakthrough'],
    });
  }
  return {
    ok: true,
    warnings,
    ome,
    target: { ...to, unit: targetUnit },
    equianalgesic,
    bySource: bySource.map(({ source, low, high }) => ({ source, low, high })),
    reductionApplies,
    reduced,
    breakthrough,
    patchBands,
    steps,
  };
}

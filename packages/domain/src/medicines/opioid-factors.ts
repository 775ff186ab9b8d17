import type { MedicineRoute } from './formulary.ts';

/**
 * Oral morphine equivalent (OME) factors: multiply the 24 h dose (mg, or mcg/h for patches) by
 * the factor to get oral morphine mg/24 h. Every value cites its source
 * (palliative-research.md §3.1–3.3). Sources disagree, so each factor keeps every published
 * value and the platform shows the range, never one "exact" number (§3 note).
 */
export const opioidSources = {
  cdc2022: {
    label: 'CDC 2022 MME conversion factors',
    url: 'https://www.medscape.org/viewarticle/987410',
  },
  ggc: {
    label: 'NHS GG&C / Ayrshire conversion chart for strong opioids in palliative care',
    url: 'https://slidetodoc.com/conversion-chart-for-strong-opioids-in-palliative-care/',
  },
  ukRegional: {
    label: 'UK regional opioid conversion table (090714)',
    url: 'https://www.scribd.com/document/419204128/090714-opioid-conversions-pdf',
  },
  sps: {
    label: 'NHS Specialist Pharmacy Service: switching from morphine to oxycodone',
    url: 'https://www.sps.nhs.uk/articles/an-example-oral-opioid-switch-from-morphine-to-oxycodone/',
  },
  fentanylRuleOfThumb: {
    label: 'Oral opioid dosing equivalents (PainWeek Journal): 1 mcg/h ≈ 2 mg oral morphine/day',
    url: 'https://viewer.joomag.com',
  },
  dublin: {
    label: "Our Lady's Hospice Dublin: transdermal opioid patches quick reference (100:1)",
    url: 'https://info.5y1.org',
  },
  manufacturer: {
    label: 'Fentanyl patch manufacturer/FDA-style table (adapted from BC Cancer)',
    url: 'https://empendium.com/mcmtextbook/table/031_0296',
  },
  msd: {
    label: 'MSD Manual: equianalgesic doses of opioid analgesics',
    url: 'https://www.msdmanuals.com/uk/professional/multimedia/table/equianalgesic-doses-of-opioid-analgesics',
  },
  breakthrough: {
    label: 'Medicines Learning Portal: palliative care opioids for pain',
    url: 'https://www.medicineslearningportal.org/2016/01/palliative-care-opioids-for-pain.html',
  },
  scottish: {
    label: 'Scottish Palliative Care Guidelines: choosing and changing opioids',
    url: 'https://www.palliativecareguidelines.scot.nhs.uk/guidelines/pain/choosing-and-changing-opioids.aspx',
  },
} as const;
export type OpioidSourceId = keyof typeof opioidSources;

export interface FactorValue {
  /** Lowest and highest value this source gives (equal when it gives one number). */
  low: number;
  high: number;
  source: OpioidSourceId;
  note?: string;
}

export interface OmeFactor {
  medicineId: string;
  route: MedicineRoute;
  /** 'mg': per mg of the 24 h dose; 'mcg/h': per mcg/h of a patch's delivery rate. */
  basis: 'mg' | 'mcg/h';
  values: readonly FactorValue[];
  /** Methadone: never converted automatically (§3.4, platform rule). */
  neverConvert?: boolean;
}

const v = (value: number, source: OpioidSourceId, note?: string): FactorValue => ({
  low: value,
  high: value,
  source,
  ...(note ? { note } : {}),
});
const r = (low: number, high: number, source: OpioidSourceId, note?: string): FactorValue => ({
  low,
  high,
  source,
  ...(note ? { note } : {}),
});

export const omeFactors: readonly OmeFactor[] = [
  // oral morphine is the reference of every table
  {
    medicineId: 'morphine',
    route: 'oral',
    basis: 'mg',
    values: [v(1, 'cdc2022'), v(1, 'ggc'), v(1, 'ukRegional')],
  },
  // GG&C: oral → SC morphine divide by 2; regional table: morphine SC 2:1
  { medicineId: 'morphine', route: 'sc', basis: 'mg', values: [v(2, 'ggc'), v(2, 'ukRegional')] },
  { medicineId: 'morphine', route: 'iv', basis: 'mg', values: [v(3, 'ukRegional')] },
  // GG&C: oral morphine → SC diamorphine divide by 3; regional 3:1
  { medicineId: 'diamorphine', route: 'sc', basis: 'mg', values: [v(3, 'ggc'), v(3, 'ukRegional')] },
  {
    medicineId: 'oxycodone',
    route: 'oral',
    basis: 'mg',
    values: [v(1.5, 'cdc2022'), v(2, 'ggc'), r(1.5, 2, 'ukRegional'), r(1.5, 2, 'sps')],
  },
  {
    medicineId: 'oxycodone',
    route: 'sc',
    basis: 'mg',
    values: [v(3, 'ukRegional'), v(4, 'ggc', 'oral morphine ÷ 2 → oral oxycodone, ÷ 2 → SC oxycodone')],
  },
  {
    medicineId: 'oxycodone',
    route: 'iv',
    basis: 'mg',
    values: [v(3, 'ukRegional', 'as SC'), v(4, 'ggc', 'as SC')],
  },
  { medicineId: 'hydrocodone', route: 'oral', basis: 'mg', values: [v(1, 'cdc2022')] },
  // UK palliative tables use 7.5:1, CDC uses 5 (§3.2 note on hydromorphone): keep both
  {
    medicineId: 'hydromorphone',
    route: 'oral',
    basis: 'mg',
    values: [v(5, 'cdc2022'), v(7.5, 'ggc'), v(7.5, 'ukRegional')],
  },
  {
    medicineId: 'hydromorphone',
    route: 'sc',
    basis: 'mg',
    values: [v(15, 'ukRegional'), v(15, 'ggc', 'oral morphine ÷ 7.5 → oral hydromorphone, ÷ 2 → SC')],
  },
  { medicineId: 'oxymorphone', route: 'oral', basis: 'mg', values: [v(3, 'cdc2022')] },
  { medicineId: 'tapentadol', route: 'oral', basis: 'mg', values: [v(0.4, 'cdc2022')] },
  // Weak opioids at maximum daily dose: tramadol 400 mg ≈ 40 mg, codeine 240 mg ≈ 20 mg,
  // dihydrocodeine 240 mg ≈ 25 mg oral morphine (regional table) vs CDC 0.2 and 0.15
  {
    medicineId: 'tramadol',
    route: 'oral',
    basis: 'mg',
    values: [v(0.2, 'cdc2022'), v(40 / 400, 'ukRegional')],
  },
  {
    medicineId: 'codeine',
    route: 'oral',
    basis: 'mg',
    values: [v(0.15, 'cdc2022'), v(20 / 240, 'ukRegional')],
  },
  { medicineId: 'dihydrocodeine', route: 'oral', basis: 'mg', values: [v(25 / 240, 'ukRegional')] },
  // GG&C: SC diamorphine ÷ 10 → SC alfentanil, i.e. 3 × 10 = 30; regional 30:1
  {
    medicineId: 'alfentanil',
    route: 'sc',
    basis: 'mg',
    values: [v(30, 'ukRegional'), v(30, 'ggc', 'SC diamorphine ÷ 10')],
  },
  { medicineId: 'fentanyl', route: 'sc', basis: 'mg', values: [v(150, 'ukRegional')] },
  // CDC: 2.4 per mcg/h (25 mcg/h ≈ 60 MME/day); rule of thumb 1 mcg/h ≈ 2 mg/day;
  // Dublin 100:1 (mcg/h × 24 h ÷ 1000 × 100 = 2.4 per mcg/h)
  {
    medicineId: 'fentanyl',
    route: 'transdermal',
    basis: 'mcg/h',
    values: [v(2.4, 'cdc2022'), v(2, 'fentanylRuleOfThumb'), v(2.4, 'dublin')],
  },
  // Buprenorphine: not in the CDC table. Regional table: 35 mcg/h ≈ 61–90 mg/24 h; Dublin 100:1.
  {
    medicineId: 'buprenorphine',
    route: 'transdermal',
    basis: 'mcg/h',
    values: [r(61 / 35, 90 / 35, 'ukRegional', '35 mcg/h ≈ 61–90 mg oral morphine/24 h'), v(2.4, 'dublin')],
  },
  // CDC lists 4.7 "with caution"; the ratio is non-linear (§3.4): never converted automatically
  { medicineId: 'methadone', route: 'oral', basis: 'mg', values: [v(4.7, 'cdc2022')], neverConvert: true },
];

export function findOmeFactor(medicineId: string, route: MedicineRoute): OmeFactor | undefined {
  return omeFactors.find((f) => f.medicineId === medicineId && f.route === route);
}

/** The span of all published values of one factor. */
export function factorRange(f: OmeFactor): { low: number; high: number } {
  return {
    low: Math.min(...f.values.map((x) => x.low)),
    high: Math.max(...f.values.map((x) => x.high)),
  };
}

/** Fentanyl patch vs 24 h oral morphine, UK regional table (§3.3). Bands are inclusive. */
export const fentanylPatchBandsUk: readonly { mcgPerHour: number; omeLow: number; omeHigh: number }[] = [
  { mcgPerHour: 12, omeLow: 0, omeHigh: 60 },
  { mcgPerHour: 25, omeLow: 61, omeHigh: 90 },
  { mcgPerHour: 37, omeLow: 91, omeHigh: 134 },
  { mcgPerHour: 50, omeLow: 135, omeHigh: 224 },
  { mcgPerHour: 75, omeLow: 225, omeHigh: 314 },
  { mcgPerHour: 100, omeLow: 315, omeHigh: 404 },
  { mcgPerHour: 125, omeLow: 405, omeHigh: 494 },
];

/**
 * Manufacturer/FDA-style table: one direction only (morphine → patch), conservative, for
 * opioid-tolerant patients (≥ 60 mg/day); only the rows the source quotes (§3.3).
 */
export const fentanylPatchManufacturer: readonly { mcgPerHour: number; omeLow: number; omeHigh: number }[] = [
  { mcgPerHour: 25, omeLow: 60, omeHigh: 134 },
  { mcgPerHour: 37, omeLow: 135, omeHigh: 179 },
  { mcgPerHour: 50, omeLow: 180, omeHigh: 224 },
];

/** Buprenorphine patch vs fentanyl patch and oral morphine, UK regional table (§3.3). */
export const buprenorphinePatchBandsUk: readonly {
  mcgPerHour: number;
  fentanylMcgPerHour: number;
  omeLow: number;
  omeHigh: number;
}[] = [
  { mcgPerHour: 35, fentanylMcgPerHour: 25, omeLow: 61, omeHigh: 90 },
  { mcgPerHour: 52.5, fentanylMcgPerHour: 37, omeLow: 91, omeHigh: 134 },
  { mcgPerHour: 70, fentanylMcgPerHour: 50, omeLow: 135, omeHigh: 224 },
];

/**
 * Methadone morphine:methadone ratios by OMME/day (MSD Manual, §3.4). Shown for information
 * only: the platform never converts to or from methadone (specialist only).
 */
export const methadoneRatiosMsd: readonly { omeFrom: number; omeTo: number | null; ratio: number }[] = [
  { omeFrom: 0, omeTo: 30, ratio: 2 },
  { omeFrom: 31, omeTo: 99, ratio: 4 },
  { omeFrom: 100, omeTo: 299, ratio: 8 },
  { omeFrom: 300, omeTo: 499, ratio: 12 },
  { omeFrom: 500, omeTo: 999, ratio: 15 },
  { omeFrom: 1000, omeTo: null, ratio: 20 },
];

/** Finds the band of a banded table holding an OME; bands meet at whole mg, so round first. */
export function bandFor<T extends { omeLow: number; omeHigh: number }>(
  table: readonly T[],
  ome: number,
): T | undefined {
  const mg = Math.round(ome);
  return table.find((b) => mg >= b.omeLow && mg <= b.omeHigh);
}

/** Breakthrough (rescue) dose: 1/6 to 1/10 of the total 24 h dose (§3.5, Medicines Learning Portal). */
export function breakthroughRange(dose24h: number): { low: number; high: number } {
  return { low: dose24h / 10, high: dose24h / 6 };
}

/** Reduction for incomplete cross-tolerance when changing opioid: 25–50 % (§3.5). */
export const crossToleranceReduction = {
  lowPercent: 25,
  highPercent: 50,
  notes: [
    { percent: 25, source: 'sps' as OpioidSourceId },
    { percent: 33, source: 'ggc' as OpioidSourceId },
    { percent: 50, source: 'msd' as OpioidSourceId },
  ],
};

/** Scottish guideline: seek specialist advice if more than three breakthrough doses in 24 h (§3.5). */
export const rescueDosesReviewThreshold = 3;

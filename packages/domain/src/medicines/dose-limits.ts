import type { MedicineForm, MedicineRoute } from './formulary.ts';
import type { SafetySourceId } from './safety-sources.ts';

/**
 * Usual upper limits per formulary product (issue 12, "Dose limits"). They are ceilings, never
 * suggestions: above them a prescription is blocked until the physician records a reason, which
 * is shown on the chart and audited. The software never proposes a dose.
 *
 * Adults: the usual maximum single dose and amount in 24 h, for opioid-naive and
 * opioid-tolerant patients where they differ (tolerant: current oral morphine equivalent of at
 * least 60 mg a day, the definition the fentanyl patch product information uses, §3.3).
 * palliative-research.md gives no dose ranges, so adult values are the BNF's usual doses and
 * maxima; where the BNF sets no ceiling (strong opioids in tolerant patients) the value is a
 * conservative platform ceiling (source 'platform') above which the physician explains why.
 *
 * Children (under 18): mg/kg per dose and per 24 h with absolute maxima, from BNF for Children and
 * the WHO 2012 guideline on persisting pain in children. Products without a paediatric limit
 * warn that none is held.
 */
export interface LimitRange {
  /** Largest single dose (a patch: its rate). */
  single: number;
  /** Largest amount in 24 h over every prescription of the product (a patch: its rate). */
  daily: number;
}

export interface ChildLimit {
  singlePerKg: number;
  dailyPerKg: number;
  singleMax: number;
  dailyMax: number;
  source: SafetySourceId;
  /** Refused below this age (codeine under 12, MHRA 2013). */
  minAgeYears?: number;
  minAgeSource?: SafetySourceId;
}

export interface DoseLimit {
  medicineId: string;
  routes: readonly MedicineRoute[];
  /** Only these forms; every form of the routes when absent. */
  forms?: readonly MedicineForm[];
  /** The unit the limit is in: the formulary's dose unit for these forms. */
  unit: 'mg' | 'mcg' | 'mcg/h' | 'ml' | 'sachet';
  /** Opioid-naive adults; null: the product is not for opioid-naive patients. */
  naive: LimitRange | null;
  tolerant: LimitRange;
  source: SafetySourceId;
  child?: ChildLimit;
}

const ir: MedicineForm[] = ['tablet', 'capsule', 'oral_solution', 'drops'];
const mr: MedicineForm[] = ['mr_tablet', 'mr_capsule'];
const same = (single: number, daily: number) => ({ single, daily });
/** A limit that does not depend on opioid tolerance. */
const plain = (
  medicineId: string,
  routes: MedicineRoute[],
  unit: DoseLimit['unit'],
  single: number,
  daily: number,
  extra: Partial<DoseLimit> = {},
): DoseLimit => ({
  medicineId,
  routes,
  unit,
  naive: same(single, daily),
  tolerant: same(single, daily),
  source: 'bnf',
  ...extra,
});

export const doseLimits: readonly DoseLimit[] = [
  // --- strong opioids. Naive: BNF starting doses (e.g. oral morphine 5–10 mg every 4 h, MR 10–15 mg
  // every 12 h; oxycodone 5 mg every 4–6 h, MR 10 mg every 12 h); tolerant: platform ceilings.
  {
    medicineId: 'morphine',
    routes: ['oral'],
    forms: ir,
    unit: 'mg',
    naive: same(10, 60),
    tolerant: same(100, 600),
    source: 'bnf',
    // WHO 2012 (children 1–12 y): oral morphine 200–400 mcg/kg every 4 h; adolescent maximum as adult naive
    child: { singlePerKg: 0.4, dailyPerKg: 2.4, singleMax: 10, dailyMax: 60, source: 'who2012' },
  },
  {
    medicineId: 'morphine',
    routes: ['oral'],
    forms: mr,
    unit: 'mg',
    naive: same(30, 60),
    tolerant: same(300, 600),
    source: 'bnf',
    // WHO 2012: prolonged-release oral morphine 200–800 mcg/kg every 12 h
    child: { singlePerKg: 0.8, dailyPerKg: 1.6, singleMax: 30, dailyMax: 60, source: 'who2012' },
  },
  {
    medicineId: 'morphine',
    routes: ['sc', 'iv', 'im'],
    unit: 'mg',
    naive: same(5, 30),
    tolerant: same(50, 300),
    source: 'bnf',
    // WHO 2012: SC/IV morphine 100 mcg/kg every 4 h (1–12 y)
    child: { singlePerKg: 0.1, dailyPerKg: 0.6, singleMax: 5, dailyMax: 30, source: 'who2012' },
  },
  {
    medicineId: 'diamorphine',
    routes: ['sc'],
    unit: 'mg',
    naive: same(5, 30),
    tolerant: same(50, 300),
    source: 'bnf',
  },
  {
    medicineId: 'oxycodone',
    routes: ['oral'],
    forms: ir,
    unit: 'mg',
    naive: same(5, 30),
    tolerant: same(60, 400),
    source: 'bnf',
    // BNFC: oxycodone by mouth 200 mcg/kg every 4–6 h (max 5 mg a dose)
    child: { singlePerKg: 0.2, dailyPerKg: 1.2, singleMax: 5, dailyMax: 30, source: 'bnfc' },
  },
  {
    medicineId: 'oxycodone',
    routes: ['oral'],
    forms: mr,
    unit: 'mg',
    naive: same(10, 20),
    tolerant: same(200, 400),
    source: 'bnf',
  },
  {
    medicineId: 'oxycodone',
    routes: ['sc', 'iv'],
    unit: 'mg',
    naive: same(5, 30),
    tolerant: same(40, 200),
    source: 'bnf',
  },
  {
    medicineId: 'hydromorphone',
    routes: ['oral'],
    forms: ir,
    unit: 'mg',
    naive: same(1.3, 7.8),
    tolerant: same(13, 80),
    source: 'bnf',
  },
  {
    medicineId: 'hydromorphone',
    routes: ['oral'],
    forms: mr,
    unit: 'mg',
    naive: same(4, 8),
    tolerant: same(40, 80),
    source: 'bnf',
  },
  {
    medicineId: 'hydromorphone',
    routes: ['sc', 'iv'],
    unit: 'mg',
    naive: same(1, 6),
    tolerant: same(7, 40),
    source: 'bnf',
  },
  // §3.3: fentanyl patches are not for opioid-naive patients; the UK table stops at 125 mcg/h
  {
    medicineId: 'fentanyl',
    routes: ['transdermal'],
    unit: 'mcg/h',
    naive: null,
    tolerant: same(125, 125),
    source: 'fentanylManufacturer',
  },
  // buccal and nasal fentanyl: licensed for opioid-tolerant patients only, at most 800 mcg an episode (BNF)
  {
    medicineId: 'fentanyl',
    routes: ['buccal', 'nasal'],
    unit: 'mcg',
    naive: null,
    tolerant: same(800, 3200),
    source: 'bnf',
  },
  {
    medicineId: 'fentanyl',
    routes: ['sc', 'iv'],
    unit: 'mcg',
    naive: same(25, 150),
    tolerant: same(100, 1000),
    source: 'platform',
  },
  // §3.3: buprenorphine patches at most 140 mcg/h (licensed maximum); 35 mcg/h is a usual start
  {
    medicineId: 'buprenorphine',
    routes: ['transdermal'],
    unit: 'mcg/h',
    naive: same(35, 35),
    tolerant: same(140, 140),
    source: 'transdermalGuideline',
  },
  plain('buprenorphine', ['sublingual'], 'mg', 0.4, 1.6),
  {
    medicineId: 'alfentanil',
    routes: ['sc', 'iv'],
    unit: 'mg',
    naive: same(0.25, 1.5),
    tolerant: same(1, 10),
    source: 'platform',
  },
  // §3.4: methadone is for specialists; a low ceiling makes every higher dose explain itself
  {
    medicineId: 'methadone',
    routes: ['oral'],
    unit: 'mg',
    naive: same(5, 20),
    tolerant: same(30, 100),
    source: 'platform',
  },
  plain('tapentadol', ['oral'], 'mg', 100, 600, { forms: ir }),
  plain('tapentadol', ['oral'], 'mg', 250, 500, { forms: mr }),
  // --- weak opioids: BNF maxima (codeine and dihydrocodeine 240 mg, tramadol 400 mg a day)
  plain('codeine', ['oral'], 'mg', 60, 240, {
    // BNFC: 12–17 y 30–60 mg every 6 h, max 240 mg; MHRA 2013: not under 12
    child: {
      singlePerKg: 1,
      dailyPerKg: 4,
      singleMax: 60,
      dailyMax: 240,
      source: 'bnfc',
      minAgeYears: 12,
      minAgeSource: 'mhraCodeine2013',
    },
  }),
  plain('dihydrocodeine', ['oral'], 'mg', 30, 240, { forms: ['tablet'] }),
  plain('dihydrocodeine', ['oral'], 'mg', 120, 240, { forms: ['mr_tablet'] }),
  plain('tramadol', ['oral'], 'mg', 100, 400, { forms: ['capsule', 'drops'] }),
  plain('tramadol', ['oral'], 'mg', 200, 400, { forms: ['mr_tablet'] }),
  plain('tramadol', ['sc', 'iv', 'im'], 'mg', 100, 400),
  // --- non-opioids
  plain('paracetamol', ['oral', 'rectal', 'iv'], 'mg', 1000, 4000, {
    // BNFC: 15 mg/kg a dose (max 1 g), at most 60 mg/kg (max 4 g) a day
    child: { singlePerKg: 15, dailyPerKg: 60, singleMax: 1000, dailyMax: 4000, source: 'bnfc' },
  }),
  plain('metamizole', ['oral', 'iv', 'im'], 'mg', 1000, 4000),
  plain('ibuprofen', ['oral'], 'mg', 800, 2400, {
    // BNFC: 5–10 mg/kg 3–4 times a day, at most 30 mg/kg (max 2.4 g) a day
    child: { singlePerKg: 10, dailyPerKg: 30, singleMax: 400, dailyMax: 2400, source: 'bnfc' },
  }),
  plain('naproxen', ['oral'], 'mg', 500, 1000),
  plain('diclofenac', ['oral', 'rectal', 'im'], 'mg', 75, 150),
  // --- antiemetics, antipsychotics
  plain('metoclopramide', ['oral', 'sc', 'iv', 'im'], 'mg', 10, 30, {
    source: 'emaMetoclopramide2013',
    child: {
      singlePerKg: 0.15,
      dailyPerKg: 0.5,
      singleMax: 10,
      dailyMax: 30,
      source: 'emaMetoclopramide2013',
    },
  }),
  plain('haloperidol', ['oral', 'sc', 'im'], 'mg', 5, 10),
  plain('levomepromazine', ['oral', 'sc', 'im'], 'mg', 25, 100),
  plain('ondansetron', ['oral', 'sc', 'iv'], 'mg', 8, 24),
  plain('cyclizine', ['oral', 'sc'], 'mg', 50, 150),
  // --- laxatives
  plain('senna', ['oral'], 'mg', 30, 30),
  plain('bisacodyl', ['oral', 'rectal'], 'mg', 20, 20),
  plain('macrogol', ['oral'], 'sachet', 4, 8),
  plain('lactulose', ['oral'], 'ml', 50, 150),
  plain('docusate', ['oral'], 'mg', 200, 500),
  // --- benzodiazepines
  plain('midazolam', ['sc', 'iv', 'im', 'buccal'], 'mg', 10, 60),
  plain('lorazepam', ['oral', 'sublingual'], 'mg', 2, 4),
  plain('diazepam', ['oral', 'rectal', 'iv', 'im'], 'mg', 10, 30),
  plain('olanzapine', ['oral'], 'mg', 10, 20),
  // --- corticosteroids, antisecretories, diuretics
  plain('dexamethasone', ['oral', 'sc', 'iv', 'im'], 'mg', 16, 16),
  plain('prednisolone', ['oral', 'iv', 'im'], 'mg', 60, 60),
  plain('hyoscine_butylbromide', ['oral', 'sc', 'iv', 'im'], 'mg', 20, 120),
  plain('glycopyrronium', ['sc', 'iv'], 'mg', 0.4, 1.2),
  plain('octreotide', ['sc'], 'mcg', 200, 600),
  plain('furosemide', ['oral', 'sc', 'iv', 'im'], 'mg', 80, 160),
  plain('spironolactone', ['oral'], 'mg', 200, 400),
];

/** The limit entry for a product, or undefined when the formulary holds none. */
export function findDoseLimit(
  medicineId: string | null,
  route: MedicineRoute,
  form: MedicineForm | null,
): DoseLimit | undefined {
  if (!medicineId) return undefined;
  return doseLimits.find(
    (l) =>
      l.medicineId === medicineId &&
      l.routes.includes(route) &&
      (!l.forms || (form !== null && l.forms.includes(form)) || (form === null && l.forms === ir)),
  );
}

/** Opioid-tolerant from the current oral morphine equivalent (§3.3: at least 60 mg a day). */
export const opioidTolerantOmeMg = 60;

/** A child's weight counts as current for this many days (children change fast; conservative choice). */
export const childWeightValidDays = 30;

import { z } from 'zod';

/**
 * The medicines a palliative home team uses most (issue 6; DOMAIN.md, Medicines). Each entry has
 * its forms, routes and usual strengths so the physician picks rather than types; anything else
 * may be prescribed as free text. The WHO analgesic ladder step is given for analgesics
 * (palliative-research.md §3.6: step 1 non-opioid, step 2 weak opioid, step 3 strong opioid;
 * sources who.int/cancer/palliative/painladder, medicineslearningportal.org).
 */
export const medicineClasses = [
  'strong_opioid',
  'weak_opioid',
  'non_opioid_analgesic',
  'nsaid',
  'antiemetic',
  'laxative',
  'benzodiazepine',
  'antipsychotic',
  'corticosteroid',
  'antisecretory',
  'diuretic',
  'other',
] as const;
export const medicineClassSchema = z.enum(medicineClasses);
export type MedicineClass = z.infer<typeof medicineClassSchema>;

export const medicineRoutes = [
  'oral',
  'sc',
  'iv',
  'im',
  'transdermal',
  'rectal',
  'buccal',
  'sublingual',
  'nasal',
] as const;
export const medicineRouteSchema = z.enum(medicineRoutes);
export type MedicineRoute = z.infer<typeof medicineRouteSchema>;

export const doseUnits = ['mg', 'mcg', 'mcg/h', 'ml', 'drop', 'tablet', 'sachet', 'patch'] as const;
export const doseUnitSchema = z.enum(doseUnits);
export type DoseUnit = z.infer<typeof doseUnitSchema>;

export const medicineForms = [
  'tablet',
  'mr_tablet',
  'capsule',
  'mr_capsule',
  'oral_solution',
  'injection',
  'patch',
  'suppository',
  'drops',
  'powder',
  'buccal_tablet',
  'nasal_spray',
] as const;
export const medicineFormSchema = z.enum(medicineForms);
export type MedicineForm = z.infer<typeof medicineFormSchema>;

/** Modified-release forms and patches act for 12 h or more. */
export const longActingForms: readonly MedicineForm[] = ['mr_tablet', 'mr_capsule', 'patch'];

export interface FormularyForm {
  form: MedicineForm;
  routes: readonly MedicineRoute[];
  /** Strengths as printed on the pack, e.g. "10 mg", "10 mg/5 ml", "25 mcg/h". */
  strengths: readonly string[];
  /** The unit a dose of this form is prescribed in. */
  doseUnit: DoseUnit;
}

export interface FormularyMedicine {
  id: string;
  name: { en: string; ru: string };
  /** Other names a patient's allergy list may use (brand, Russian spellings, class words). */
  synonyms: readonly string[];
  class: MedicineClass;
  /** WHO analgesic ladder step for analgesics (§3.6), null otherwise. */
  whoStep: 1 | 2 | 3 | null;
  /** Always long-acting whatever the form (methadone: long, variable half-life, §3.4). */
  longActing?: boolean;
  forms: readonly FormularyForm[];
}

const oralTabs = (strengths: string[], doseUnit: DoseUnit = 'mg'): FormularyForm => ({
  form: 'tablet',
  routes: ['oral'],
  strengths,
  doseUnit,
});
const injection = (strengths: string[], r: MedicineRoute[] = ['sc', 'iv']): FormularyForm => ({
  form: 'injection',
  routes: r,
  strengths,
  doseUnit: 'mg',
});

export const formulary: readonly FormularyMedicine[] = [
  // --- strong opioids (step 3)
  {
    id: 'morphine',
    name: { en: 'Morphine', ru: 'Морфин' },
    synonyms: ['morphine', 'морфин', 'oramorph', 'mst', 'opioid', 'опиоид', 'опиат'],
    class: 'strong_opioid',
    whoStep: 3,
    forms: [
      { form: 'oral_solution', routes: ['oral'], strengths: ['10 mg/5 ml', '20 mg/ml'], doseUnit: 'mg' },
      oralTabs(['10 mg', '20 mg']),
      {
        form: 'mr_tablet',
        routes: ['oral'],
        strengths: ['10 mg', '30 mg', '60 mg', '100 mg'],
        doseUnit: 'mg',
      },
      injection(['10 mg/ml'], ['sc', 'iv', 'im']),
    ],
  },
  {
    id: 'diamorphine',
    name: { en: 'Diamorphine', ru: 'Диаморфин' },
    synonyms: ['diamorphine', 'heroin', 'диаморфин', 'opioid', 'опиоид'],
    class: 'strong_opioid',
    whoStep: 3,
    forms: [injection(['5 mg', '10 mg', '30 mg'], ['sc'])],
  },
  {
    id: 'oxycodone',
    name: { en: 'Oxycodone', ru: 'Оксикодон' },
    synonyms: ['oxycodone', 'oxynorm', 'oxycontin', 'оксикодон', 'opioid', 'опиоид'],
    class: 'strong_opioid',
    whoStep: 3,
    forms: [
      { form: 'capsule', routes: ['oral'], strengths: ['5 mg', '10 mg', '20 mg'], doseUnit: 'mg' },
      { form: 'oral_solution', routes: ['oral'], strengths: ['5 mg/5 ml', '10 mg/ml'], doseUnit: 'mg' },
      { form: 'mr_tablet', routes: ['oral'], strengths: ['5 mg', '10 mg', '20 mg', '40 mg'], doseUnit: 'mg' },
      injection(['10 mg/ml'], ['sc', 'iv']),
    ],
  },
  {
    id: 'hydromorphone',
    name: { en: 'Hydromorphone', ru: 'Гидроморфон' },
    synonyms: ['hydromorphone', 'palladone', 'гидроморфон', 'opioid', 'опиоид'],
    class: 'strong_opioid',
    whoStep: 3,
    forms: [
      { form: 'capsule', routes: ['oral'], strengths: ['1.3 mg', '2.6 mg'], doseUnit: 'mg' },
      { form: 'mr_capsule', routes: ['oral'], strengths: ['2 mg', '4 mg', '8 mg'], doseUnit: 'mg' },
      injection(['2 mg/ml', '10 mg/ml'], ['sc', 'iv']),
    ],
  },
  {
    id: 'fentanyl',
    name: { en: 'Fentanyl', ru: 'Фентанил' },
    synonyms: ['fentanyl', 'durogesic', 'фентанил', 'дюрогезик', 'opioid', 'опиоид'],
    class: 'strong_opioid',
    whoStep: 3,
    forms: [
      {
        form: 'patch',
        routes: ['transdermal'],
        strengths: ['12 mcg/h', '25 mcg/h', '37.5 mcg/h', '50 mcg/h', '75 mcg/h', '100 mcg/h'],
        doseUnit: 'mcg/h',
      },
      { form: 'injection', routes: ['sc', 'iv'], strengths: ['50 mcg/ml'], doseUnit: 'mcg' },
      { form: 'buccal_tablet', routes: ['buccal'], strengths: ['100 mcg', '200 mcg'], doseUnit: 'mcg' },
      { form: 'nasal_spray', routes: ['nasal'], strengths: ['50 mcg', '100 mcg'], doseUnit: 'mcg' },
    ],
  },
  {
    id: 'buprenorphine',
    name: { en: 'Buprenorphine', ru: 'Бупренорфин' },
    synonyms: ['buprenorphine', 'butrans', 'transtec', 'бупренорфин', 'транстек', 'opioid', 'опиоид'],
    class: 'strong_opioid',
    whoStep: 3,
    forms: [
      {
        form: 'patch',
        routes: ['transdermal'],
        // BuTrans 5/10/20 mcg/h (7 days), Transtec 35/52.5/70 mcg/h (4 days): §3.3, kipdf.com guidelines
        strengths: ['5 mcg/h', '10 mcg/h', '20 mcg/h', '35 mcg/h', '52.5 mcg/h', '70 mcg/h'],
        doseUnit: 'mcg/h',
      },
      { form: 'tablet', routes: ['sublingual'], strengths: ['0.2 mg', '0.4 mg'], doseUnit: 'mg' },
    ],
  },
  {
    id: 'alfentanil',
    name: { en: 'Alfentanil', ru: 'Альфентанил' },
    synonyms: ['alfentanil', 'альфентанил', 'opioid', 'опиоид'],
    class: 'strong_opioid',
    whoStep: 3,
    forms: [injection(['500 mcg/ml'], ['sc', 'iv'])],
  },
  {
    id: 'methadone',
    name: { en: 'Methadone', ru: 'Метадон' },
    synonyms: ['methadone', 'метадон', 'opioid', 'опиоид'],
    class: 'strong_opioid',
    whoStep: 3,
    longActing: true,
    forms: [
      oralTabs(['5 mg']),
      { form: 'oral_solution', routes: ['oral'], strengths: ['1 mg/ml'], doseUnit: 'mg' },
    ],
  },
  {
    id: 'tapentadol',
    name: { en: 'Tapentadol', ru: 'Тапентадол' },
    synonyms: ['tapentadol', 'palexia', 'тапентадол', 'opioid', 'опиоид'],
    class: 'strong_opioid',
    whoStep: 3,
    forms: [
      oralTabs(['50 mg']),
      { form: 'mr_tablet', routes: ['oral'], strengths: ['50 mg', '100 mg', '150 mg'], doseUnit: 'mg' },
    ],
  },
  // --- weak opioids (step 2)
  {
    id: 'codeine',
    name: { en: 'Codeine', ru: 'Кодеин' },
    synonyms: ['codeine', 'кодеин', 'opioid', 'опиоид'],
    class: 'weak_opioid',
    whoStep: 2,
    forms: [oralTabs(['15 mg', '30 mg', '60 mg'])],
  },
  {
    id: 'dihydrocodeine',
    name: { en: 'Dihydrocodeine', ru: 'Дигидрокодеин' },
    synonyms: ['dihydrocodeine', 'дигидрокодеин', 'opioid', 'опиоид'],
    class: 'weak_opioid',
    whoStep: 2,
    forms: [
      oralTabs(['30 mg']),
      { form: 'mr_tablet', routes: ['oral'], strengths: ['60 mg', '90 mg'], doseUnit: 'mg' },
    ],
  },
  {
    id: 'tramadol',
    name: { en: 'Tramadol', ru: 'Трамадол' },
    synonyms: ['tramadol', 'трамадол', 'трамал', 'opioid', 'опиоид'],
    class: 'weak_opioid',
    whoStep: 2,
    forms: [
      { form: 'capsule', routes: ['oral'], strengths: ['50 mg'], doseUnit: 'mg' },
      { form: 'mr_tablet', routes: ['oral'], strengths: ['100 mg', '150 mg', '200 mg'], doseUnit: 'mg' },
      { form: 'drops', routes: ['oral'], strengths: ['100 mg/ml'], doseUnit: 'mg' },
      injection(['50 mg/ml'], ['sc', 'iv', 'im']),
    ],
  },
  // --- non-opioids (step 1)
  {
    id: 'paracetamol',
    name: { en: 'Paracetamol', ru: 'Парацетамол' },
    synonyms: ['paracetamol', 'acetaminophen', 'парацетамол'],
    class: 'non_opioid_analgesic',
    whoStep: 1,
    forms: [
      oralTabs(['500 mg']),
      { form: 'oral_solution', routes: ['oral'], strengths: ['120 mg/5 ml', '250 mg/5 ml'], doseUnit: 'mg' },
      { form: 'suppository', routes: ['rectal'], strengths: ['125 mg', '500 mg'], doseUnit: 'mg' },
      injection(['10 mg/ml'], ['iv']),
    ],
  },
  {
    id: 'metamizole',
    name: { en: 'Metamizole', ru: 'Метамизол' },
    synonyms: ['metamizole', 'dipyrone', 'метамизол', 'анальгин'],
    class: 'non_opioid_analgesic',
    whoStep: 1,
    forms: [oralTabs(['500 mg']), injection(['500 mg/ml'], ['iv', 'im'])],
  },
  {
    id: 'ibuprofen',
    name: { en: 'Ibuprofen', ru: 'Ибупрофен' },
    synonyms: ['ibuprofen', 'ибупрофен', 'nsaid', 'нпвс', 'нпвп'],
    class: 'nsaid',
    whoStep: 1,
    forms: [
      oralTabs(['200 mg', '400 mg']),
      { form: 'oral_solution', routes: ['oral'], strengths: ['100 mg/5 ml'], doseUnit: 'mg' },
    ],
  },
  {
    id: 'naproxen',
    name: { en: 'Naproxen', ru: 'Напроксен' },
    synonyms: ['naproxen', 'напроксен', 'nsaid', 'нпвс', 'нпвп'],
    class: 'nsaid',
    whoStep: 1,
    forms: [oralTabs(['250 mg', '500 mg'])],
  },
  {
    id: 'diclofenac',
    name: { en: 'Diclofenac', ru: 'Диклофенак' },
    synonyms: ['diclofenac', 'диклофенак', 'nsaid', 'нпвс', 'нпвп'],
    class: 'nsaid',
    whoStep: 1,
    forms: [
      oralTabs(['25 mg', '50 mg']),
      { form: 'suppository', routes: ['rectal'], strengths: ['50 mg', '100 mg'], doseUnit: 'mg' },
      injection(['25 mg/ml'], ['im']),
    ],
  },
  // --- antiemetics
  {
    id: 'metoclopramide',
    name: { en: 'Metoclopramide', ru: 'Метоклопрамид' },
    synonyms: ['metoclopramide', 'метоклопрамид', 'церукал'],
    class: 'antiemetic',
    whoStep: null,
    forms: [oralTabs(['10 mg']), injection(['5 mg/ml'], ['sc', 'iv', 'im'])],
  },
  {
    id: 'haloperidol',
    name: { en: 'Haloperidol', ru: 'Галоперидол' },
    synonyms: ['haloperidol', 'галоперидол'],
    class: 'antipsychotic',
    whoStep: null,
    forms: [oralTabs(['0.5 mg', '1.5 mg', '5 mg']), injection(['5 mg/ml'], ['sc', 'im'])],
  },
  {
    id: 'levomepromazine',
    name: { en: 'Levomepromazine', ru: 'Левомепромазин' },
    synonyms: ['levomepromazine', 'methotrimeprazine', 'левомепромазин', 'тизерцин'],
    class: 'antipsychotic',
    whoStep: null,
    forms: [oralTabs(['6 mg', '25 mg']), injection(['25 mg/ml'], ['sc', 'im'])],
  },
  {
    id: 'ondansetron',
    name: { en: 'Ondansetron', ru: 'Ондансетрон' },
    synonyms: ['ondansetron', 'ондансетрон'],
    class: 'antiemetic',
    whoStep: null,
    forms: [oralTabs(['4 mg', '8 mg']), injection(['2 mg/ml'], ['sc', 'iv'])],
  },
  {
    id: 'cyclizine',
    name: { en: 'Cyclizine', ru: 'Циклизин' },
    synonyms: ['cyclizine', 'циклизин'],
    class: 'antiemetic',
    whoStep: null,
    forms: [oralTabs(['50 mg']), injection(['50 mg/ml'], ['sc'])],
  },
  // --- laxatives
  {
    id: 'senna',
    name: { en: 'Senna', ru: 'Сенна' },
    synonyms: ['senna', 'сенна', 'сеннозиды', 'laxative', 'слабительное'],
    class: 'laxative',
    whoStep: null,
    forms: [oralTabs(['7.5 mg'])],
  },
  {
    id: 'bisacodyl',
    name: { en: 'Bisacodyl', ru: 'Бисакодил' },
    synonyms: ['bisacodyl', 'бисакодил', 'laxative', 'слабительное'],
    class: 'laxative',
    whoStep: null,
    forms: [
      oralTabs(['5 mg']),
      { form: 'suppository', routes: ['rectal'], strengths: ['10 mg'], doseUnit: 'mg' },
    ],
  },
  {
    id: 'macrogol',
    name: { en: 'Macrogol', ru: 'Макрогол' },
    synonyms: ['macrogol', 'polyethylene glycol', 'макрогол', 'форлакс', 'laxative', 'слабительное'],
    class: 'laxative',
    whoStep: null,
    forms: [{ form: 'powder', routes: ['oral'], strengths: ['13.1 g sachet'], doseUnit: 'sachet' }],
  },
  {
    id: 'lactulose',
    name: { en: 'Lactulose', ru: 'Лактулоза' },
    synonyms: ['lactulose', 'лактулоза', 'дюфалак', 'laxative', 'слабительное'],
    class: 'laxative',
    whoStep: null,
    forms: [{ form: 'oral_solution', routes: ['oral'], strengths: ['3.3 g/5 ml'], doseUnit: 'ml' }],
  },
  {
    id: 'docusate',
    name: { en: 'Docusate sodium', ru: 'Докузат натрия' },
    synonyms: ['docusate', 'докузат', 'laxative', 'слабительное'],
    class: 'laxative',
    whoStep: null,
    forms: [{ form: 'capsule', routes: ['oral'], strengths: ['100 mg'], doseUnit: 'mg' }],
  },
  // --- benzodiazepines
  {
    id: 'midazolam',
    name: { en: 'Midazolam', ru: 'Мидазолам' },
    synonyms: ['midazolam', 'мидазолам', 'benzodiazepine', 'бензодиазепин'],
    class: 'benzodiazepine',
    whoStep: null,
    forms: [
      injection(['5 mg/ml', '2 mg/ml'], ['sc', 'iv', 'im']),
      { form: 'oral_solution', routes: ['buccal'], strengths: ['5 mg/ml'], doseUnit: 'mg' },
    ],
  },
  {
    id: 'lorazepam',
    name: { en: 'Lorazepam', ru: 'Лоразепам' },
    synonyms: ['lorazepam', 'лоразепам', 'benzodiazepine', 'бензодиазепин'],
    class: 'benzodiazepine',
    whoStep: null,
    forms: [
      { form: 'tablet', routes: ['oral', 'sublingual'], strengths: ['0.5 mg', '1 mg'], doseUnit: 'mg' },
    ],
  },
  {
    id: 'diazepam',
    name: { en: 'Diazepam', ru: 'Диазепам' },
    synonyms: ['diazepam', 'диазепам', 'реланиум', 'сибазон', 'benzodiazepine', 'бензодиазепин'],
    class: 'benzodiazepine',
    whoStep: null,
    forms: [
      oralTabs(['2 mg', '5 mg', '10 mg']),
      { form: 'suppository', routes: ['rectal'], strengths: ['10 mg'], doseUnit: 'mg' },
      injection(['5 mg/ml'], ['iv', 'im']),
    ],
  },
  // --- antipsychotic for delirium (haloperidol and levomepromazine above)
  {
    id: 'olanzapine',
    name: { en: 'Olanzapine', ru: 'Оланзапин' },
    synonyms: ['olanzapine', 'оланзапин'],
    class: 'antipsychotic',
    whoStep: null,
    forms: [oralTabs(['2.5 mg', '5 mg', '10 mg'])],
  },
  // --- corticosteroids
  {
    id: 'dexamethasone',
    name: { en: 'Dexamethasone', ru: 'Дексаметазон' },
    synonyms: ['dexamethasone', 'дексаметазон', 'corticosteroid', 'кортикостероид', 'steroid'],
    class: 'corticosteroid',
    whoStep: null,
    forms: [oralTabs(['0.5 mg', '2 mg', '4 mg']), injection(['4 mg/ml', '3.3 mg/ml'], ['sc', 'iv', 'im'])],
  },
  {
    id: 'prednisolone',
    name: { en: 'Prednisolone', ru: 'Преднизолон' },
    synonyms: ['prednisolone', 'преднизолон', 'corticosteroid', 'кортикостероид', 'steroid'],
    class: 'corticosteroid',
    whoStep: null,
    forms: [oralTabs(['5 mg']), injection(['30 mg/ml'], ['iv', 'im'])],
  },
  // --- antisecretories (respiratory secretions, bowel obstruction)
  {
    id: 'hyoscine_butylbromide',
    name: { en: 'Hyoscine butylbromide', ru: 'Гиосцина бутилбромид' },
    synonyms: ['hyoscine butylbromide', 'buscopan', 'гиосцин', 'бускопан'],
    class: 'antisecretory',
    whoStep: null,
    forms: [injection(['20 mg/ml'], ['sc', 'iv', 'im']), oralTabs(['10 mg'])],
  },
  {
    id: 'glycopyrronium',
    name: { en: 'Glycopyrronium', ru: 'Гликопирроний' },
    synonyms: ['glycopyrronium', 'glycopyrrolate', 'гликопирроний'],
    class: 'antisecretory',
    whoStep: null,
    forms: [injection(['0.2 mg/ml'], ['sc', 'iv'])],
  },
  {
    id: 'octreotide',
    name: { en: 'Octreotide', ru: 'Октреотид' },
    synonyms: ['octreotide', 'октреотид'],
    class: 'antisecretory',
    whoStep: null,
    forms: [{ form: 'injection', routes: ['sc'], strengths: ['100 mcg/ml'], doseUnit: 'mcg' }],
  },
  // --- diuretics
  {
    id: 'furosemide',
    name: { en: 'Furosemide', ru: 'Фуросемид' },
    synonyms: ['furosemide', 'фуросемид', 'лазикс', 'diuretic', 'диуретик'],
    class: 'diuretic',
    whoStep: null,
    forms: [oralTabs(['20 mg', '40 mg']), injection(['10 mg/ml'], ['sc', 'iv', 'im'])],
  },
  {
    id: 'spironolactone',
    name: { en: 'Spironolactone', ru: 'Спиронолактон' },
    synonyms: ['spironolactone', 'спиронолактон', 'верошпирон', 'diuretic', 'диуретик'],
    class: 'diuretic',
    whoStep: null,
    forms: [oralTabs(['25 mg', '50 mg', '100 mg'])],
  },
];

export const formularyIds = formulary.map((m) => m.id);
const byId = new Map(formulary.map((m) => [m.id, m]));
export const findMedicine = (id: string | null | undefined): FormularyMedicine | undefined =>
  id ? byId.get(id) : undefined;

export const isOpioidClass = (c: MedicineClass) => c === 'strong_opioid' || c === 'weak_opioid';

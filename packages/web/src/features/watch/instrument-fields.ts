import {
  bradenQSubscales,
  esasItems,
  facesScores,
  flaccItems,
  type Instrument,
  iposCommunicationItems,
  iposEmotionalItems,
  iposSymptomItems,
  mcsiItemKeys,
  phasesOfIllness,
  ppsLevels,
  zbi12ItemNumbers,
} from '@hearth/domain';

/**
 * What each instrument's form asks, as data: one select per item. `answersOf` turns the chosen
 * values into the shape the API validates (`assessmentBodySchema`); the server scores them.
 */
export interface Field {
  key: string;
  /** i18n key of the label, with its values. */
  label: [string, Record<string, unknown>?];
  options: (number | string)[];
  /** i18n key prefix for option labels (otherwise the value is shown). */
  optionLabels?: string;
  optional?: boolean;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
function flaccFields(): Field[] {
  return flaccItems.map((k) => ({
    key: k,
    label: [`assess.flacc.${k}`],
    options: range(0, 2),
    optionLabels: `descriptors.flacc.${k}`,
  }));
}

export const fieldsOf: Record<Instrument, Field[]> = {
  esas_r: esasItems.map((k) => ({
    key: k,
    label: [`diary.items.${k}`],
    options: range(0, 10),
    optional: true,
  })),
  ipos: [...iposSymptomItems, ...iposEmotionalItems, ...iposCommunicationItems].map((k) => ({
    key: k,
    label: [`assess.ipos.${k}`],
    options: range(0, 4),
  })),
  pps: [{ key: 'level', label: ['assess.ppsLevel'], options: [...ppsLevels] }],
  // each score is shown with its descriptor (replaceable data in i18n/*/descriptors.ts)
  braden: (
    ['sensoryPerception', 'moisture', 'activity', 'mobility', 'nutrition', 'frictionShear'] as const
  ).map((k) => ({
    key: k,
    label: [`assess.braden.${k}`],
    options: range(1, k === 'frictionShear' ? 3 : 4),
    optionLabels: `descriptors.braden.${k}`,
  })),
  braden_q: bradenQSubscales.map((k) => ({
    key: k,
    label: [`descriptors.bradenQ.labels.${k}`],
    options: range(1, 4),
    optionLabels: `descriptors.bradenQ.levels.${k}`,
  })),
  flacc: flaccFields(),
  r_flacc: flaccFields(),
  faces: [{ key: 'score', label: ['assess.facesScore'], options: [...facesScores] }],
  mcsi: mcsiItemKeys.map((k) => ({
    key: k,
    label: [`assess.mcsi.${k}`],
    options: range(0, 2),
    optionLabels: 'assess.mcsiAnswers',
  })),
  // ZBI-12 wording is licensed: staff see item numbers only (instrument-licences.md)
  zbi12: zbi12ItemNumbers.map((n) => ({
    key: `q${n}`,
    label: ['assess.zbiItem', { n }],
    options: range(0, 4),
  })),
  phase: [
    {
      key: 'phase',
      label: ['assess.instruments.phase'],
      options: [...phasesOfIllness],
      optionLabels: 'assess.phases',
    },
  ],
};

/**
 * The chosen values (strings from the selects) as the API's `answers`; for r-FLACC the parents'
 * own descriptions (`individual`, keyed by item) go with them.
 */
export function answersOf(
  instrument: Instrument,
  values: Record<string, string>,
  caregiverName: string,
  individual: Record<string, string> = {},
) {
  const numbers = Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, instrument === 'phase' ? v : Number(v)]),
  );
  if (instrument === 'r_flacc') {
    const described = Object.entries(individual).filter(([, v]) => v.trim());
    if (described.length)
      return { ...numbers, individual: Object.fromEntries(described.map(([k, v]) => [k, v.trim()])) };
  }
  if (instrument === 'mcsi' || instrument === 'zbi12')
    return { items: numbers, ...(caregiverName.trim() ? { caregiverName: caregiverName.trim() } : {}) };
  return numbers;
}

/** The form's values back from a stored record, for a correction. */
export function valuesOf(instrument: Instrument, answers: Record<string, unknown>): Record<string, string> {
  const flat =
    instrument === 'mcsi' || instrument === 'zbi12'
      ? ((answers.items ?? {}) as Record<string, unknown>)
      : answers;
  return Object.fromEntries(
    fieldsOf[instrument].filter((f) => flat[f.key] !== undefined).map((f) => [f.key, String(flat[f.key])]),
  );
}

import {
  bradenQSubscales,
  esasItems,
  flaccItems,
  iposCommunicationItems,
  iposEmotionalItems,
  iposSymptomItems,
} from '../assessments/scales.ts';
import type { Instrument } from '../assessments/schemas.ts';
import { type CodeableConcept, coding, fhirSystems, hearthConcept, hearthSystem } from './code-systems.ts';

/**
 * How one assessment becomes the coded parts of an Observation: the instrument's code, its
 * score as the value, each item as a component and the band as the interpretation. LOINC codes
 * are used where they exist (fhir-and-offline research note, section 2); PPS, IPOS, ZBI-12, MCSI
 * and the phase of illness have no confirmed LOINC code, so they carry Hearth codes only.
 */
export type ObservationValue =
  | { kind: 'integer'; value: number }
  | { kind: 'quantity'; value: number; unit: string; code: string }
  | { kind: 'concept'; concept: CodeableConcept };

export interface ObservationParts {
  code: CodeableConcept;
  value: ObservationValue | null;
  components: { code: CodeableConcept; value: number }[];
  interpretation: CodeableConcept | null;
}

const loinc = (code: string, display: string): CodeableConcept => ({
  coding: [coding(fhirSystems.loinc, code, display)],
  text: display,
});
/** A LOINC code with the Hearth instrument code beside it, so every assessment is findable by either. */
const loincAndHearth = (code: string, display: string, instrument: Instrument): CodeableConcept => ({
  coding: [coding(fhirSystems.loinc, code, display), coding(hearthSystem('assessment'), instrument, display)],
  text: display,
});
const item = (instrument: Instrument, key: string, display?: string) =>
  hearthConcept('assessment-item', `${instrument}.${key}`, display ?? key);

/** ESAS-r items: LOINC 112494-0 … 112502-0 (research note §2; verify at loinc.org before release). */
const esasLoinc: Record<(typeof esasItems)[number], [string, string]> = {
  pain: ['112494-0', 'Pain [ESAS]'],
  tiredness: ['112495-7', 'Tiredness [ESAS]'],
  drowsiness: ['112496-5', 'Drowsiness [ESAS]'],
  nausea: ['112497-3', 'Nausea [ESAS]'],
  appetite: ['112498-1', 'Lack of appetite [ESAS]'],
  breathlessness: ['112499-9', 'Shortness of breath [ESAS]'],
  depression: ['112500-4', 'Depression [ESAS]'],
  anxiety: ['112501-2', 'Anxiety [ESAS]'],
  wellbeing: ['112502-0', 'Wellbeing [ESAS]'],
};
/** Braden subscales and total: LOINC 38222-6 … 38227-5 (IHE PCC "Braden Score Observation"). */
const bradenLoinc: Record<string, [string, string]> = {
  sensoryPerception: ['38222-6', 'Braden scale sensory perception'],
  moisture: ['38229-1', 'Braden scale moisture exposure'],
  activity: ['38223-4', 'Braden scale physical activity'],
  mobility: ['38224-2', 'Braden scale mobility'],
  nutrition: ['38225-9', 'Braden scale nutrition intake pattern'],
  frictionShear: ['38226-7', 'Braden scale friction and shear'],
};

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
const bandConcept = (band: unknown) =>
  typeof band === 'string' ? hearthConcept('band', band, `${band} (Hearth band)`) : null;
const integer = (v: unknown): ObservationValue | null => {
  const n = num(v);
  return n === null ? null : { kind: 'integer', value: n };
};
const numberedItems = (instrument: Instrument, items: unknown) =>
  Object.entries(obj(items)).flatMap(([key, v]) =>
    num(v) === null ? [] : [{ code: item(instrument, key), value: num(v)! }],
  );
const thresholdConcept = (above: unknown) =>
  typeof above === 'boolean'
    ? hearthConcept(
        'band',
        above ? 'at-or-above-threshold' : 'below-threshold',
        above ? 'At or above the threshold' : 'Below the threshold',
      )
    : null;

export function observationParts(
  instrument: Instrument,
  answers: Record<string, unknown>,
  scores: Record<string, unknown>,
): ObservationParts {
  switch (instrument) {
    case 'esas_r': {
      const components = esasItems.flatMap((key) => {
        const v = num(answers[key]);
        const [code, display] = esasLoinc[key];
        return v === null ? [] : [{ code: loinc(code, display), value: v }];
      });
      const other = obj(answers.other);
      if (num(other.score) !== null)
        components.push({
          code: { ...item('esas_r', 'other', 'Other problem [ESAS]'), text: String(other.label ?? 'other') },
          value: num(other.score)!,
        });
      // the total is a component, not the value: the panel code itself has no value (obs-7)
      if (num(scores.total) !== null)
        components.push({ code: loinc('112493-2', 'Total score [ESAS]'), value: num(scores.total)! });
      return {
        code: loincAndHearth('112503-8', 'Edmonton Symptom Assessment System - revised', 'esas_r'),
        value: null,
        components,
        interpretation: bandConcept(scores.highestBand),
      };
    }
    case 'ipos': {
      const keys = [...iposSymptomItems, ...iposEmotionalItems, ...iposCommunicationItems];
      return {
        code: hearthConcept('assessment', 'ipos', 'Integrated Palliative care Outcome Scale'),
        value: integer(scores.total),
        components: keys.flatMap((key) =>
          num(answers[key]) === null ? [] : [{ code: item('ipos', key), value: num(answers[key])! }],
        ),
        interpretation: null,
      };
    }
    case 'pps': {
      const level = num(scores.level);
      return {
        code: hearthConcept('assessment', 'pps', 'Palliative Performance Scale v2'),
        value: level === null ? null : { kind: 'quantity', value: level, unit: '%', code: '%' },
        components: [],
        interpretation: null,
      };
    }
    case 'braden':
      return {
        code: loincAndHearth('38227-5', 'Braden scale total score', 'braden'),
        value: integer(scores.total),
        components: Object.entries(bradenLoinc).flatMap(([key, [code, display]]) =>
          num(answers[key]) === null ? [] : [{ code: loinc(code, display), value: num(answers[key])! }],
        ),
        interpretation:
          typeof scores.risk === 'string'
            ? hearthConcept('braden-risk', scores.risk, `Braden risk: ${scores.risk}`)
            : null,
      };
    case 'flacc':
      return {
        code: loincAndHearth('38213-5', 'FLACC pain assessment', 'flacc'),
        value: integer(scores.total),
        components: ['face', 'legs', 'activity', 'cry', 'consolability'].flatMap((key) =>
          num(answers[key]) === null ? [] : [{ code: item('flacc', key), value: num(answers[key])! }],
        ),
        interpretation: bandConcept(scores.band),
      };
    case 'r_flacc':
      // r-FLACC (revised FLACC for children with cognitive impairment) has no LOINC code
      return {
        code: hearthConcept('assessment', 'r_flacc', 'Revised FLACC pain assessment'),
        value: integer(scores.total),
        components: flaccItems.flatMap((key) =>
          num(answers[key]) === null ? [] : [{ code: item('r_flacc', key), value: num(answers[key])! }],
        ),
        interpretation: bandConcept(scores.band),
      };
    case 'braden_q':
      // Braden Q (paediatric Braden) has no LOINC code; lower totals mean higher risk
      return {
        code: hearthConcept('assessment', 'braden_q', 'Braden Q pressure injury risk (children)'),
        value: integer(scores.total),
        components: bradenQSubscales.flatMap((key) =>
          num(answers[key]) === null ? [] : [{ code: item('braden_q', key), value: num(answers[key])! }],
        ),
        interpretation:
          typeof scores.atRisk === 'boolean'
            ? hearthConcept(
                'braden-risk',
                scores.atRisk ? 'at-risk' : 'not-at-risk',
                scores.atRisk ? 'At risk (16 or less)' : 'Not at risk',
              )
            : null,
      };
    case 'faces':
      return {
        code: loincAndHearth('38221-8', 'Pain severity Wong-Baker FACES pain rating scale', 'faces'),
        value: integer(scores.score),
        components: [],
        interpretation: bandConcept(scores.band),
      };
    case 'zbi12':
      return {
        code: hearthConcept('assessment', 'zbi12', 'Zarit Burden Interview, 12-item short form'),
        value: integer(scores.total),
        components: numberedItems('zbi12', answers.items),
        interpretation: thresholdConcept(scores.aboveCutoff),
      };
    case 'mcsi':
      return {
        code: hearthConcept('assessment', 'mcsi', 'Modified Caregiver Strain Index'),
        value: integer(scores.total),
        components: numberedItems('mcsi', answers.items),
        interpretation: thresholdConcept(scores.atOrAboveThreshold),
      };
    case 'phase': {
      const phase = typeof answers.phase === 'string' ? answers.phase : null;
      return {
        code: hearthConcept('assessment', 'phase', 'Phase of illness'),
        value: phase ? { kind: 'concept', concept: hearthConcept('phase-of-illness', phase, phase) } : null,
        components: [],
        interpretation: null,
      };
    }
  }
}

import { nrsBand } from '../assessments/scales.ts';
import type { AlsoFinding, Reading } from './rules.ts';

/**
 * The facts of a triage alert as lines to put in words: a message code and its parameters,
 * never the raw keys of the stored facts. The web (and the server's English fallback) turns each
 * line into a sentence in the reader's language; parameters named in `codeParams` hold codes
 * (an ESAS-r item, a scale, a phase) that are translated too.
 */
export const factLineKeys = [
  'severe',
  'severeOther',
  'painRose',
  'painBandRose',
  'breathlessnessNew',
  'breathlessnessWorse',
  'breathlessnessNow',
  'reportedBreathingWorse',
  'reportedNewConfusion',
  'familyCannotCope',
  'ppsFell',
  'phaseUnstable',
  'burdenTotal',
  // the medicines rule set (medicines/alert-fact-lines.ts)
  'rescueDoses',
  'rescueLastDose',
  'doseRefused',
  'doseNextAllowed',
  'registerBelowZero',
  'registerCountMismatch',
] as const;
export interface FactLine {
  key: (typeof factLineKeys)[number];
  params: Record<string, string | number>;
}

/** Parameters whose values are codes to translate, and the code list each belongs to. */
export const codeParams = {
  item: 'items',
  scale: 'scales',
  previousScale: 'scales',
  previousPhase: 'phases',
  instrument: 'scales',
  band: 'bands',
  previousBand: 'bands',
  reason: 'refusalReasons',
  unit: 'units',
} as const;

/** Parameters holding a time (ISO), formatted in the reader's language and time zone. */
export const timeParams = ['previousAt', 'lastAt', 'givenAt', 'nextAllowedAt'] as const;

const readingsOf = (facts: Record<string, unknown>) =>
  Array.isArray(facts.readings) ? (facts.readings as Reading[]) : [];
const reportedOf = (facts: Record<string, unknown>) =>
  Array.isArray(facts.reported) ? (facts.reported as string[]) : [];

const reportedLines: Record<string, FactLine['key']> = {
  breathingSuddenlyWorse: 'reportedBreathingWorse',
  newConfusion: 'reportedNewConfusion',
  cannotCope: 'familyCannotCope',
};

/** The lines of one rule's own facts (without its folded-in findings). */
function ownLines(ruleId: string, facts: Record<string, unknown>): FactLine[] {
  const lines: FactLine[] = reportedOf(facts)
    .filter((r) => r in reportedLines)
    .map((r) => ({ key: reportedLines[r]!, params: {} }));
  const threshold = typeof facts.threshold === 'number' ? facts.threshold : 0;
  for (const r of readingsOf(facts)) {
    const base = { item: r.item, value: r.value, scale: r.scale };
    if (ruleId === 'symptom.severe') {
      lines.push(
        r.item === 'other'
          ? { key: 'severeOther', params: { label: r.label ?? '', value: r.value, threshold } }
          : { key: 'severe', params: { ...base, threshold } },
      );
    } else if (ruleId === 'pain.rising' && r.previous !== undefined) {
      lines.push({
        key: facts.comparedBy === 'band' ? 'painBandRose' : 'painRose',
        params: {
          ...base,
          previous: r.previous,
          previousScale: r.previousScale ?? r.scale,
          previousAt: r.previousAt ?? '',
          ...(facts.comparedBy === 'band'
            ? { band: nrsBand(r.value), previousBand: nrsBand(r.previous) }
            : {}),
        },
      });
    } else if (ruleId === 'breathlessness.new-or-worse') {
      const key =
        facts.change === 'new'
          ? 'breathlessnessNew'
          : facts.change === 'worse'
            ? 'breathlessnessWorse'
            : 'breathlessnessNow';
      lines.push({ key, params: { ...base, previous: r.previous ?? 0 } });
    } else if (ruleId === 'pps.drop' && r.best !== undefined) {
      lines.push({
        key: 'ppsFell',
        params: { value: r.value, best: r.best, days: Number(facts.windowDays ?? 0) },
      });
    }
  }
  if (ruleId === 'phase.unstable')
    lines.push({ key: 'phaseUnstable', params: { previousPhase: String(facts.previousPhase ?? 'none') } });
  if (ruleId === 'zbi12.above-cutoff' || ruleId === 'mcsi.at-threshold') {
    lines.push({
      key: 'burdenTotal',
      params: {
        instrument: ruleId === 'zbi12.above-cutoff' ? 'zbi12' : 'mcsi',
        total: Number(facts.total ?? 0),
        max: Number(facts.max ?? 0),
        threshold: Number(facts.cutoff ?? facts.threshold ?? 0),
      },
    });
  }
  return lines;
}

/** Every line of an alert's facts, the folded-in findings last and without repeating a line. */
export function alertFactLines(ruleId: string, facts: Record<string, unknown>): FactLine[] {
  const also = Array.isArray(facts.also) ? (facts.also as AlsoFinding[]) : [];
  const all = [...ownLines(ruleId, facts), ...also.flatMap((a) => ownLines(a.ruleId, a.facts))];
  const seen = new Set<string>();
  return all.filter((l) => {
    const id = `${l.key}|${JSON.stringify(l.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The rules folded into an alert, most severe first (for "also: ..." on the card). */
export const alsoRulesOf = (facts: Record<string, unknown>): string[] =>
  Array.isArray(facts.also) ? (facts.also as AlsoFinding[]).map((a) => a.ruleId) : [];

import { findMedicine, isOpioidClass, type MedicineClass } from './formulary.ts';
import type { SafetySourceId } from './safety-sources.ts';

/**
 * Allergies by substance and by class with cross-sensitivity (issue 12). A recorded allergy
 * (free text, either language) is matched against the medicine's names and synonyms; then:
 * - the same substance, or a medicine of its cross-sensitivity group (the phenanthrene opioids
 *   morphine, codeine, diamorphine, dihydrocodeine, hydromorphone, oxycodone share their
 *   structure: BNF, opioid analgesics, "hypersensitivity"; NSAIDs, which the BNF contraindicates
 *   after a hypersensitivity reaction to any NSAID), or a class word ("opioid", "NSAID"): blocks;
 * - another opioid of a different chemical group (fentanyl, methadone, tramadol after a morphine
 *   allergy): a warning, cross-sensitivity being less likely but possible.
 */
export type AllergyMatch = 'substance' | 'cross-sensitivity' | 'class' | 'same-class';

const phenanthrenes = ['morphine', 'codeine', 'diamorphine', 'dihydrocodeine', 'hydromorphone', 'oxycodone'];
const nsaids = ['ibuprofen', 'naproxen', 'diclofenac'];
const crossGroups: readonly (readonly string[])[] = [phenanthrenes, nsaids];

/** Class words an allergy list may use, mapped to the classes they cover. */
const classWords: readonly { words: readonly string[]; covers: (c: MedicineClass) => boolean }[] = [
  { words: ['opioid', 'опиоид', 'opiate', 'опиат', 'наркотическ'], covers: isOpioidClass },
  { words: ['nsaid', 'нпвс', 'нпвп', 'aspirin', 'аспирин'], covers: (c) => c === 'nsaid' },
  { words: ['benzodiazepine', 'бензодиазепин'], covers: (c) => c === 'benzodiazepine' },
  { words: ['corticosteroid', 'кортикостероид', 'steroid'], covers: (c) => c === 'corticosteroid' },
];

const norm = (s: string) => s.trim().toLowerCase().replaceAll('ё', 'е');
const nameHit = (allergy: string, names: readonly string[]) =>
  names
    .map(norm)
    .some((n) => n.length >= 3 && (n.includes(allergy) || (allergy.length >= 4 && allergy.includes(n))));

/** Formulary ids whose own names (not class synonyms) the allergy text names. */
function substancesNamed(allergy: string): string[] {
  const a = norm(allergy);
  const out: string[] = [];
  for (const id of [
    ...phenanthrenes,
    ...nsaids,
    'fentanyl',
    'methadone',
    'tramadol',
    'tapentadol',
    'alfentanil',
    'buprenorphine',
  ]) {
    const m = findMedicine(id);
    if (!m) continue;
    const own = [
      m.name.en,
      m.name.ru,
      ...m.synonyms.filter((s) => !classWords.some((c) => c.words.includes(norm(s)))),
    ];
    if (nameHit(a, own)) out.push(id);
  }
  return out;
}

/**
 * How one recorded allergy bears on one medicine (formulary id, or a free-text name with the
 * class the physician declared for it), or null.
 */
export function matchAllergy(
  allergy: string,
  medicine: { medicineId: string | null; name: string; medicineClass: MedicineClass | null },
): AllergyMatch | null {
  const a = norm(allergy);
  if (a.length < 3) return null;
  const med = findMedicine(medicine.medicineId);
  const klass = med?.class ?? medicine.medicineClass;
  const ownNames = [medicine.name, ...(med ? [med.name.en, med.name.ru, ...med.synonyms] : [])].filter(
    (n) => !classWords.some((c) => c.words.includes(norm(n))),
  );
  if (nameHit(a, ownNames)) return 'substance';
  if (klass && classWords.some((c) => c.covers(klass) && c.words.some((w) => a.includes(w)))) return 'class';
  const named = substancesNamed(allergy);
  if (med && named.some((id) => crossGroups.some((g) => g.includes(id) && g.includes(med.id))))
    return 'cross-sensitivity';
  if (klass && isOpioidClass(klass) && named.some((id) => isOpioidClass(findMedicine(id)!.class)))
    return 'same-class';
  return null;
}

export const allergySource = (match: AllergyMatch): SafetySourceId =>
  match === 'substance' ? 'platform' : 'bnf';

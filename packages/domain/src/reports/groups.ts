import { adultAgeYears } from '../common/age.ts';
import { categoryOfIcd10 } from '../patients/icd10.ts';

/**
 * The diagnosis groups funders ask for (issue 18): the four large palliative groups by ICD-10
 * chapter and everything else. Built on the patient record's own chapter rule (C/D0-D48
 * neoplasms, G and F00-F03 nervous system, I circulatory, J respiratory), so a report and the
 * patient list never disagree.
 */
export const diagnosisGroups = ['oncological', 'neurological', 'cardiac', 'respiratory', 'other'] as const;
export type DiagnosisGroup = (typeof diagnosisGroups)[number];

export function diagnosisGroupOf(icd10: string | null): DiagnosisGroup {
  if (!icd10) return 'other';
  const category = categoryOfIcd10(icd10.trim().toUpperCase());
  return (diagnosisGroups as readonly string[]).includes(category) ? (category as DiagnosisGroup) : 'other';
}

/**
 * Age bands of the report: children (under 18, the WHO definition children's hospices use) and
 * three adult bands, the usual split of palliative caseload statistics.
 */
export const ageBands = ['0-17', '18-64', '65-79', '80+'] as const;
export type AgeBand = (typeof ageBands)[number];

export function ageBandOf(ageYears: number): AgeBand {
  if (ageYears < adultAgeYears) return '0-17';
  if (ageYears < 65) return '18-64';
  if (ageYears < 80) return '65-79';
  return '80+';
}

/** Sums counts that share a group once their raw keys are mapped (ICD-10 code → group). */
export function regroupCounts<K extends string>(
  rows: readonly { key: string | null; count: number }[],
  groupOf: (key: string | null) => K,
  order: readonly K[],
): { key: K; count: number }[] {
  const totals = new Map<K, number>(order.map((k) => [k, 0]));
  for (const r of rows) totals.set(groupOf(r.key), (totals.get(groupOf(r.key)) ?? 0) + r.count);
  return order.map((key) => ({ key, count: totals.get(key) ?? 0 }));
}

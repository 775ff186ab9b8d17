import { z } from 'zod';

/** ICD-10 code shape (WHO): letter, two digits, optional dot and up to four more characters. */
export const icd10Schema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, 'Enter an ICD-10 code such as C34.1');

export const diagnosisCategories = [
  'oncological',
  'neurological',
  'cardiac',
  'respiratory',
  'renal',
  'hepatic',
  'congenital',
  'other',
] as const;
export type DiagnosisCategory = (typeof diagnosisCategories)[number];

/**
 * A first guess at the category from the ICD-10 chapter, so lists can be filtered without
 * asking the user twice. ICD-10 chapters: C/D0-D4 neoplasms, G nervous system, I circulatory,
 * J respiratory, N18-N19 kidney failure, K70-K77 liver, Q congenital.
 */
export function categoryOfIcd10(code: string): DiagnosisCategory {
  const letter = code[0];
  const num = Number(code.slice(1, 3));
  if (letter === 'C' || (letter === 'D' && num <= 48)) return 'oncological';
  if (letter === 'G' || (letter === 'F' && num <= 3)) return 'neurological';
  if (letter === 'I') return 'cardiac';
  if (letter === 'J') return 'respiratory';
  if (letter === 'N' && (num === 18 || num === 19)) return 'renal';
  if (letter === 'K' && num >= 70 && num <= 77) return 'hepatic';
  if (letter === 'Q') return 'congenital';
  return 'other';
}

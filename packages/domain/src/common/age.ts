import { DomainError } from './domain-error.ts';
import { because } from './reasons.ts';

/** Whole years between a date of birth and a day, both `YYYY-MM-DD`. */
export function ageInYears(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

/**
 * Children's palliative care serves people under 18 (WHO definition of a child, used by
 * children's hospices); the age band decides which scales and programmes apply.
 */
export const adultAgeYears = 18;
export const isChild = (dateOfBirth: string, today: string) => ageInYears(dateOfBirth, today) < adultAgeYears;

/**
 * The oldest age a date of birth may give. The oldest verified person lived 122 years; a record
 * beyond 120 is a typing slip (1826 for 1926), and a future date gives a negative age that
 * would file an adult under the children's scales (issue 13).
 */
export const maxPlausibleAgeYears = 120;

export type DateOfBirthProblem = 'future' | 'too_old';

/** Why a date of birth (`YYYY-MM-DD`) cannot be right on `today`, or undefined when it can. */
export function dateOfBirthProblem(dateOfBirth: string, today: string): DateOfBirthProblem | undefined {
  if (dateOfBirth > today) return 'future';
  if (ageInYears(dateOfBirth, today) > maxPlausibleAgeYears) return 'too_old';
  return undefined;
}

export const dateOfBirthMessages: Record<DateOfBirthProblem, string> = {
  future: 'The date of birth is in the future. Check the year.',
  too_old: `The date of birth gives an age over ${maxPlausibleAgeYears} years. Check the year.`,
};

/** Refuses an implausible date of birth as a 400 on `field` (every path that sets one calls this). */
export function assertPlausibleDateOfBirth(dateOfBirth: string, today: string, field: string): void {
  const problem = dateOfBirthProblem(dateOfBirth, today);
  if (problem)
    throw new DomainError(
      'VALIDATION',
      dateOfBirthMessages[problem],
      { fields: [{ field, message: dateOfBirthMessages[problem] }] },
      problem === 'future'
        ? because('patient.dateOfBirthFuture')
        : because('patient.dateOfBirthTooOld', { years: maxPlausibleAgeYears }),
    );
}

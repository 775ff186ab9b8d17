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

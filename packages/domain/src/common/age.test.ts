import { describe, expect, it } from 'vitest';
import { dateOfBirthProblem, maxPlausibleAgeYears } from './age.ts';

describe('a plausible date of birth', () => {
  const today = '2026-12-02';
  it('refuses a date after today, and accepts today (a newborn)', () => {
    expect(dateOfBirthProblem('2026-12-03', today)).toBe('future');
    expect(dateOfBirthProblem('2030-01-01', today)).toBe('future');
    expect(dateOfBirthProblem(today, today)).toBeUndefined();
  });
  it(`refuses an age over ${maxPlausibleAgeYears} years and accepts exactly ${maxPlausibleAgeYears}`, () => {
    expect(dateOfBirthProblem('1906-12-02', today)).toBeUndefined();
    expect(dateOfBirthProblem('1906-12-01', today)).toBeUndefined();
    expect(dateOfBirthProblem('1905-12-02', today)).toBe('too_old');
    expect(dateOfBirthProblem('1826-05-01', today)).toBe('too_old');
  });
});
